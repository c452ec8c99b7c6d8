// The typed-details quick fixes: add every required field an object of the record's types is
// missing (one edit for all of them, values to fill in), and wrap a bare ID into the link a typed
// field wants.
import type { Diagnostic } from 'vscode-languageserver-types';
import type { RecordDiagnostic, TopLevelObject } from '../engine/types';
import { valueEndAt } from './jsonScan';
import { detectEol, insertPropertyEdit, type OffsetEdit } from './propertyEdits';
import { nodeAt, placeholderValue, type RecordType, type TypeSchemaNode } from './typedFields';

/** What the engine puts in a `type-details-invalid` diagnostic for a missing required field. */
interface MissingField {
  missing: string;
  type: string;
  part: string;
  path: string[];
  objectOffset?: number;
}

function missingField(data: unknown): MissingField | undefined {
  const d = data as Partial<MissingField> | undefined;
  return typeof d?.missing === 'string' && typeof d.type === 'string' && typeof d.part === 'string' && Array.isArray(d.path) ? (d as MissingField) : undefined;
}

/** The schema of a part of the record: `details` is the schema itself, the rest are under `x-dx-record`. */
function partSchema(type: RecordType, part: string): TypeSchemaNode | undefined {
  if (part === 'details') return type.schema;
  const extra = (type.schema as { 'x-dx-record'?: Record<string, TypeSchemaNode> })['x-dx-record'];
  return extra && Object.hasOwn(extra, part) ? extra[part] : undefined;
}

export interface MissingFieldsFix {
  title: string;
  edit: OffsetEdit;
}

/**
 * Adds every field missing from the object `diagnostic` is about: the document's other
 * missing-field diagnostics on the same object are folded in, so one fix completes it.
 */
export function missingFieldsFix(
  text: string,
  diagnostic: Diagnostic,
  documentDiagnostics: readonly RecordDiagnostic[],
  types: readonly RecordType[],
  topLevel: TopLevelObject | undefined,
): MissingFieldsFix | undefined {
  const field = missingField(diagnostic.data);
  if (!field) return undefined;
  const sameObject = (other: MissingField | undefined): other is MissingField =>
    other !== undefined && other.part === field.part && other.objectOffset === field.objectOffset && other.path.join('\0') === field.path.join('\0');
  const names = [...new Set([field, ...documentDiagnostics.map((d) => missingField(d.data)).filter(sameObject)].map((f) => f.missing))];
  const members = names.map((name) => {
    const type = types.find((t) => t.name === field.type);
    const schema = type ? partSchema(type, field.part) : undefined;
    const node = schema ? nodeAt(schema, [...field.path, name]) : undefined;
    return `${JSON.stringify(name)}: ${node ? placeholderValue(node) : '""'}`;
  });
  const title = names.length === 1 ? `Add the missing ${field.type} field "${names[0]}"` : `Add the ${names.length} missing ${field.type} fields`;
  if (field.objectOffset !== undefined) {
    const edit = insertMembersEdit(text, field.objectOffset, members);
    return edit ? { title, edit } : undefined;
  }
  if (!topLevel || field.path.length > 0) return undefined;
  return { title, edit: insertPropertyEdit(text, topLevel, field.part, `{${members.join(', ')}}`) };
}

/** Appends members to the object starting at `objectOffset`, on new lines when the object spans lines. */
function insertMembersEdit(text: string, objectOffset: number, members: string[]): OffsetEdit | undefined {
  if (text[objectOffset] !== '{') return undefined;
  const close = valueEndAt(text, objectOffset) - 1;
  if (text[close] !== '}') return undefined;
  const inner = text.slice(objectOffset + 1, close);
  const last = objectOffset + 1 + inner.trimEnd().length;
  const empty = inner.trim() === '';
  if (!inner.includes('\n')) return { offset: last, length: 0, newText: `${empty ? '' : ', '}${members.join(', ')}` };
  const eol = detectEol(text);
  const lineStart = text.lastIndexOf('\n', objectOffset) + 1;
  const outer = /^[ \t]*/.exec(text.slice(lineStart))![0];
  const indent = empty ? `${outer}  ` : /\n([ \t]*)\S/.exec(inner)![1];
  return { offset: last, length: 0, newText: `${empty ? '' : ','}${members.map((m) => `${eol}${indent}${m}`).join(',')}` };
}

/** `"file-…"` where a type wants a link: the link to it, or undefined when the range is not that string. */
export function wrapBareId(text: string, start: number, end: number, data: Record<string, unknown>): string | undefined {
  const id = data.bareId;
  if (typeof id !== 'string' || text.slice(start, end) !== JSON.stringify(id)) return undefined;
  return `{"$dnanexus_link": ${JSON.stringify(id)}}`;
}
