// The honesty check: every error the baseline finds must be found by our engine too, at the
// same place. "Same place" is one of, in order:
//   overlap    — our range overlaps the baseline's range;
//   same line  — our range starts on the line where the baseline's starts;
//   adjacent   — only whitespace separates the two ranges;
//   same object — the baseline rejects a key; ours flags something in the object holding it.
import type { Diagnostic, JSONDocument } from 'vscode-json-languageservice';
import type { Position, Range, RecordDiagnostic } from '../server/src/engine/types';
import { isError } from './baseline';

export interface Coverage {
  baselineErrors: number;
  overlap: number;
  sameLine: number;
  adjacent: number;
  sameObject: number;
  missed: Diagnostic[];
  /** Our errors, and our warnings/information, for the report. */
  oursErrors: number;
  oursOther: number;
}

const before = (a: Position, b: Position): boolean =>
  a.line < b.line || (a.line === b.line && a.character < b.character);

function overlaps(a: Range, b: Range): boolean {
  // Empty ranges count as touching the position they sit on.
  return !before(a.end, b.start) && !before(b.end, a.start);
}

/** Offset span of the object holding the key at `offset`, when the baseline flagged a key. */
function objectOfKey(document: JSONDocument, offset: number): { start: number; end: number } | undefined {
  const node = document.getNodeFromOffset(offset);
  const property = node?.parent;
  if (!node || property?.type !== 'property' || property.keyNode !== node || !property.parent) return undefined;
  return { start: property.parent.offset, end: property.parent.offset + property.parent.length };
}

export function checkCoverage(
  text: string,
  baseline: { document: JSONDocument; diagnostics: Diagnostic[] },
  ours: readonly RecordDiagnostic[],
): Coverage {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offsetOf = (p: Position): number => lineStarts[p.line] + p.character;

  const onlySpaceBetween = (from: number, to: number): boolean => from <= to && text.slice(from, to).trim() === '';
  const adjacent = (d: RecordDiagnostic, start: number, end: number): boolean =>
    onlySpaceBetween(end, d.offset) || onlySpaceBetween(d.offset + d.length, start);

  const coverage: Coverage = { baselineErrors: 0, overlap: 0, sameLine: 0, adjacent: 0, sameObject: 0, missed: [],
    oursErrors: ours.filter((d) => d.severity === 'error').length, oursOther: ours.filter((d) => d.severity !== 'error').length };
  for (const expected of baseline.diagnostics.filter(isError)) {
    coverage.baselineErrors++;
    if (ours.some((d) => overlaps(d.range, expected.range))) {
      coverage.overlap++;
    } else if (ours.some((d) => d.range.start.line === expected.range.start.line)) {
      coverage.sameLine++;
    } else if (ours.some((d) => adjacent(d, offsetOf(expected.range.start), offsetOf(expected.range.end)))) {
      coverage.adjacent++;
    } else {
      const object = objectOfKey(baseline.document, offsetOf(expected.range.start));
      if (object && ours.some((d) => d.offset >= object.start && d.offset + d.length <= object.end)) {
        coverage.sameObject++;
      } else {
        coverage.missed.push(expected);
      }
    }
  }
  return coverage;
}
