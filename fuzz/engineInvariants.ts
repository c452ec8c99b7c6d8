// What must hold for the engine's answer on any text at all. Positions are checked against
// vscode-languageserver-textdocument, the editor-side model, not against the engine's own index;
// the objects the engine records, against a jsonc-parser visit of the whole text.
import { isDeepStrictEqual } from 'node:util';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { recordDiagnostics, validateRecord, type Position, type RecordDiagnostic } from '../server/src/engine';
import { layoutByVisit, layoutFromEngine, unlessTooDeep } from '../server/src/languageService/visitorLayout';

export type EngineInvariant =
  | 'no-throw'
  | 'deterministic'
  | 'diagnostics-only-agrees'
  | 'range-within-text'
  | 'range-matches-offsets'
  | 'range-splits-surrogate-pair'
  | 'sorted'
  | 'objects-as-the-visitor-reads';

export interface Violation<I extends string = string> {
  invariant: I;
  detail: string;
}

export interface EngineCheck {
  /** How many diagnostics were checked. */
  diagnostics: number;
  /** The first invariant the text breaks. */
  violation?: Violation<EngineInvariant>;
}

export function checkEngine(text: string): EngineCheck {
  let diagnostics: RecordDiagnostic[] = [];
  const broken = (violation: Violation<EngineInvariant>): EngineCheck => ({ diagnostics: diagnostics.length, violation });
  let first: string;
  try {
    const result = validateRecord(text);
    first = JSON.stringify(result);
    diagnostics = result.diagnostics;
  } catch (err) {
    return broken({ invariant: 'no-throw', detail: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
  let second: string;
  try {
    second = JSON.stringify(validateRecord(text));
  } catch (err) {
    return broken({ invariant: 'deterministic', detail: `threw on the second run only: ${String(err)}` });
  }
  if (second !== first) return broken({ invariant: 'deterministic', detail: 'two runs on the same text gave different results' });
  // The CLI's entry point may skip the located pass only for a record with no diagnostics at all.
  const cliDiagnostics = JSON.stringify(recordDiagnostics(text));
  if (cliDiagnostics !== JSON.stringify(diagnostics)) {
    return broken({ invariant: 'diagnostics-only-agrees', detail: `recordDiagnostics gave ${cliDiagnostics.slice(0, 300)}, validateRecord ${JSON.stringify(diagnostics).slice(0, 300)}` });
  }

  const document = TextDocument.create('file:///fuzz', 'dxrecord', 0, text);
  for (const [i, d] of diagnostics.entries()) {
    const where = `diagnostic ${i} (${d.code} at ${d.offset}+${d.length})`;
    const end = d.offset + d.length;
    if (!(Number.isInteger(d.offset) && Number.isInteger(d.length) && d.offset >= 0 && d.length >= 0 && end <= text.length)) {
      return broken({ invariant: 'range-within-text', detail: `${where} is outside the text of ${text.length} UTF-16 units` });
    }
    if (!samePosition(d.range.start, document.positionAt(d.offset)) || !samePosition(d.range.end, document.positionAt(end))) {
      return broken({ invariant: 'range-matches-offsets', detail: `${where} has range ${JSON.stringify(d.range)}, the text puts it at ${JSON.stringify({ start: document.positionAt(d.offset), end: document.positionAt(end) })}` });
    }
    if (splitsPair(text, d.offset) || splitsPair(text, end)) {
      return broken({ invariant: 'range-splits-surrogate-pair', detail: `${where} starts or ends between the two halves of a surrogate pair` });
    }
    if (i > 0 && diagnostics[i - 1].offset > d.offset) {
      return broken({ invariant: 'sorted', detail: `${where} comes after a diagnostic at offset ${diagnostics[i - 1].offset}` });
    }
  }
  const objects = objectsMismatch(text);
  if (objects) return broken({ invariant: 'objects-as-the-visitor-reads', detail: objects });
  return { diagnostics: diagnostics.length };
}

/** What completion locates the cursor with, taken from the engine's objects, must be a visit's. */
function objectsMismatch(text: string): string | undefined {
  // Nesting deeper than the visitor's recursion: the server sends no layout then.
  const visited = unlessTooDeep(() => layoutByVisit(text));
  if (!visited) return undefined;
  const taken = layoutFromEngine(text, validateRecord(text, { objects: true }).objects!);
  if (taken && !isDeepStrictEqual(taken, visited)) return `taken from the engine: ${JSON.stringify(taken)}; a visit: ${JSON.stringify(visited)}`;
  return undefined;
}

function samePosition(a: Position, b: Position): boolean {
  return a.line === b.line && a.character === b.character;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between a high and a low surrogate that form one character. */
export function splitsPair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}
