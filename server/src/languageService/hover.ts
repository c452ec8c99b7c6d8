// Hover: the field's documentation from the schema and, on a property's key or value, how many
// UTF-8 bytes each uses against the platform's limits ("612 / 700 bytes").
import type { Hover, MarkupContent } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { PROPERTY_KEY_MAX_BYTES, PROPERTY_VALUE_MAX_BYTES, utf8Length } from '../engine';
import { parseStringToken, propertyValueSpan } from './jsonScan';
import type { Located } from './position';
import { documentationOf, schemaAt, typesOf } from './schemaDocs';
import type { JSONPath } from 'jsonc-parser';
import { escapeMarkdown } from '../../../common/markdown';
import { classesLabel } from '../engine/typed/links';
import { linkClassesOf, typedNodesAt, type RecordType } from './typedFields';

/** `types`: the record's types with a schema, asked for only inside `details`. */
export function provideHover(
  located: Located,
  document: TextDocument,
  types: () => readonly RecordType[] = () => [],
): (Hover & { contents: MarkupContent }) | undefined {
  const { node, context } = located;
  if (!node) return undefined;
  const { path } = context;
  const sections: string[] = [];
  const schema = path.length > 0 ? schemaAt(path) : undefined;
  if (schema) {
    const title = path.length === 1 ? `**${String(path[0])}**` : `\`${path.map(String).join('.')}\``;
    const facts = [typesOf(schema).join(' | '), schema.default !== undefined ? `default ${JSON.stringify(schema.default)}` : '']
      .filter(Boolean)
      .join(', ');
    sections.push(`${title}${facts ? ` (${facts})` : ''}\n\n${documentationOf(schema)}`);
  }
  if (path[0] === 'details' && path.length > 1) sections.push(...typedSections(types(), path.slice(1)));
  if (path[0] === 'properties' && path.length === 2) sections.push(propertySizes(document.getText(), located));
  if (sections.length === 0) return undefined;
  return {
    contents: { kind: 'markdown', value: sections.join('\n\n') },
    range: { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) },
  };
}

/** What each of the record's types says about the field (on the link key inside it: the link field's). */
function typedSections(types: readonly RecordType[], detailsPath: JSONPath): string[] {
  const fieldPath = detailsPath.at(-1) === '$dnanexus_link' ? detailsPath.slice(0, -1) : detailsPath;
  return typedNodesAt(types, fieldPath).map(({ type, node }) => {
    const label = `details.${fieldPath.map(String).join('.')}`;
    const classes = linkClassesOf(node);
    const link = classes ? ` (a link to ${classesLabel(classes).replace(/^an? /, '')})` : '';
    const from = type.source === 'built-in' ? 'built-in type' : `\`${type.source.replace(/`/g, "'")}\``;
    return `\`${label}\`${link} · **${escapeMarkdown(type.name)}** (${from})\n\n${documentationOf(node)}`;
  });
}

function propertySizes(text: string, located: Located): string {
  const { node, context } = located;
  const key = String(context.path[1]);
  let value: unknown = context.isAtPropertyKey ? undefined : node?.value;
  if (context.isAtPropertyKey && node) {
    const span = propertyValueSpan(text, node.offset + node.length);
    value = span ? parseStringToken(text.slice(span.start, span.end)) : undefined;
  }
  const lines = [`key: ${sizeOf(key, PROPERTY_KEY_MAX_BYTES)}`];
  if (typeof value === 'string') lines.push(`value: ${sizeOf(value, PROPERTY_VALUE_MAX_BYTES)}`);
  return lines.join('  \n');
}

/** Against the same limits the property rule checks, so the hover and the diagnostic agree. */
function sizeOf(text: string, limit: number): string {
  const bytes = utf8Length(text);
  return `${bytes} / ${limit} bytes${bytes > limit ? ' (over the limit)' : ''}`;
}
