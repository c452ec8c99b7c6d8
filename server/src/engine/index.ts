// validateRecord: one pass over the text (scanner + parser), small fields materialized, details
// streamed, then the rule modules over the top-level fields. Pure and synchronous.

import { provenClean } from './cleanProof';
import { RecordCollector } from './collect';
import type { ObjectNode, PropNode } from './model';
import { JsonParser } from './parser';
import { ObjectRecorder } from './objects';
import { LocatedValue } from './located';
import { LineIndex } from './positions';
import { Report } from './report';
import { lastProp, type FactSpan, type PendingFacts } from './rules/context';
import { DetailsSink } from './rules/details';
import { quote } from './rules/ids';
import { checkTopLevel } from './rules/topLevel';
import { Scanner, type SyntaxProblem } from './scanner';
import type { CheckedPart } from './typed/part';
import { ValueBuilder, type MaterializedValue } from './typed/valueBuilder';
import type { Located, RecordDiagnostic, RecordFacts, TopLevelObject, ValidateOptions, ValidationResult } from './types';
import type { TopLevel } from './collect';

export * from './types';
export { utf8Length } from './utf8';
export { LineIndex } from './positions';
export { RECORD_FIELDS, DESCRIBE_FIELDS, recordSchema } from './schema';
export { nearMiss } from './rules/fields';
export { PROPERTY_KEY_MAX_BYTES, PROPERTY_VALUE_MAX_BYTES } from './rules/properties';
export { NONCE_MAX_BYTES } from './rules/nonce';
export { DEFAULT_DETAILS_LARGE_BYTES } from './rules/details';
export { checkTypeSchema } from './typed/schemaFile';

export function validateRecord(text: string, options: ValidateOptions = {}): ValidationResult {
  const report = new Report();
  const facts: PendingFacts = { links: [] };
  const problems: SyntaxProblem[] = [];
  const scanner = new Scanner(text, problems);
  const details: DetailsSink[] = [];
  const collector = new RecordCollector(scanner, (prop) => {
    if (prop.key !== 'details') return undefined;
    const sink = new DetailsSink(scanner, report, facts, prop, options.detailsLargeBytes);
    details.push(sink);
    return sink;
  });
  const recorder = options.objects ? new ObjectRecorder(scanner, collector) : undefined;
  const parser = new JsonParser(scanner, recorder ?? collector);
  parser.parse();

  for (const p of problems) report.error('json-syntax', p.message, p);
  for (const d of parser.duplicates) {
    report.error('duplicate-key', `The key ${quote(d.name)} appears more than once in this object; the platform would keep only the last one. Remove or rename one.`, d);
  }
  for (const sink of details) sink.finish();

  const { root, fields } = collector.top;
  if (root && root.type !== 'object') {
    if (root.type !== 'invalid') {
      report.error('not-an-object', `A record file must hold one JSON object {…}; this file holds ${root.type === 'array' ? 'an array' : `a ${root.type}`}.`, root);
    }
  } else if (root) {
    const top: ObjectNode = { ...root, props: fields };
    checkTopLevel(report, facts, top, options.types, () => materializedDetails(text, fields));
  }

  const lines = new LineIndex(text, scanner.lineStarts, scanner.pos);
  const result: ValidationResult = { diagnostics: report.finish(lines), facts: locateFacts(facts, lines) };
  const layout = topLevelLayout(collector.top, text.length);
  if (layout) result.topLevel = layout;
  if (recorder) result.objects = recorder.layout;
  return result;
}

/**
 * validateRecord's diagnostics alone, for a caller that needs no facts or layout (the CLI): a
 * record proven clean from its parsed value (cleanProof.ts) skips the located pass.
 */
export function recordDiagnostics(text: string, options: ValidateOptions = {}): RecordDiagnostic[] {
  return provenClean(text, options) ? [] : validateRecord(text, options).diagnostics;
}

/**
 * The last `details` as plain data, only for a record whose types have a schema. JSON.parse of
 * its span is native and fast; where each value is in the text is needed only for a problem, so
 * that map is built (by re-reading the span) on the first request. A span JSON.parse refuses
 * (a syntax error inside details) is read by the tolerant builder alone.
 */
function materializedDetails(text: string, fields: PropNode[]): CheckedPart | undefined {
  const prop = lastProp(fields, 'details');
  const node = prop?.value;
  if (!prop || !node) return undefined;
  let located: MaterializedValue | undefined;
  const locate = (): MaterializedValue | undefined => {
    if (!located) {
      // Syntax problems were reported by the main pass; this one only rebuilds the value.
      const scanner = new Scanner(text, []);
      scanner.pos = node.offset;
      const builder = new ValueBuilder(scanner);
      new JsonParser(scanner, builder).parse();
      located = builder.result();
    }
    return located;
  };
  let value: unknown;
  try {
    value = JSON.parse(text.slice(node.offset, node.offset + node.length));
  } catch {
    value = locate()?.value;
  }
  return { label: 'details', value, siteAt: (segments) => locate()?.siteAt(segments), anchor: { offset: prop.keyOffset, length: prop.keyLength } };
}

function topLevelLayout(top: TopLevel, textLength: number): TopLevelObject | undefined {
  const { root } = top;
  if (root?.type !== 'object') return undefined;
  return {
    openOffset: root.offset,
    closeOffset: top.closed ? root.offset + root.length - 1 : textLength,
    properties: top.fields.map(({ key, keyOffset, keyLength, value }) => ({
      key,
      keyOffset,
      keyLength,
      valueOffset: value ? value.offset : -1,
      valueEnd: value ? value.offset + value.length : -1,
    })),
  };
}

function locateFacts(facts: PendingFacts, lines: LineIndex): RecordFacts {
  const locate = (f: FactSpan): Located => new LocatedValue(f.value, f.offset, f.length, lines);
  const out: RecordFacts = { links: facts.links.map(locate) };
  if (facts.project) out.project = locate(facts.project);
  if (facts.folder) out.folder = locate(facts.folder);
  if (facts.parents !== undefined) out.parents = facts.parents;
  if (facts.initializeFrom) {
    const { project, id } = facts.initializeFrom;
    out.initializeFrom = {};
    if (project) out.initializeFrom.project = locate(project);
    if (id) out.initializeFrom.id = locate(id);
  }
  return out;
}
