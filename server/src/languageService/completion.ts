// Completion from the schema: a whole-record skeleton in an empty file, missing top-level keys with
// snippet values (required `project` first), booleans, ID class prefixes and `$dnanexus_link`
// snippets in `details`. Every position where a list makes sense gets one, so VS Code never falls
// back to word-based suggestions.
import {
  CompletionItemKind,
  InsertTextFormat,
  type CompletionItem,
  type CompletionList,
  type Range,
  type TextEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TopLevelObject } from '../engine/types';
import { nextTokenOffset } from './jsonScan';
import { makeNonce } from '../../../common/nonce';
import { lastNonSpaceBefore, type Located } from './position';
import { documentationOf, idClassesOf, linkClasses, ROOT_SCHEMA, schemaAt, snippetText, typesOf, type SchemaNode } from './schemaDocs';
import { fieldsAt, linkClassesOf, placeholderValue, typedNodesAt, type RecordType, type TypeSchemaNode } from './typedFields';
import { findNodeAtLocation, parseTree, type JSONPath } from 'jsonc-parser';

const LINK_KEY = '$dnanexus_link';
const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

interface Insertion {
  located: Located;
  range: Range;
  /** Appended after a property so the next one stays separated. */
  comma: string;
  /** Inserts the comma a new property needs after the value before it, if that one lacks it. */
  commaBefore: TextEdit[];
  /** The text from the start of the replaced span to the cursor, which VS Code filters by. */
  typed: string;
  /** The record's types that have a schema, read only inside `details`. */
  types: () => readonly RecordType[];
}

/**
 * `topLevel` is asked for only at a top-level key, the one place that needs the keys present;
 * `types` only inside `details`.
 */
export function provideCompletions(
  located: Located,
  document: TextDocument,
  topLevel: () => TopLevelObject | undefined,
  types: () => readonly RecordType[] = () => [],
): CompletionList {
  const text = document.getText();
  const range = { start: document.positionAt(located.replaceStart), end: document.positionAt(located.replaceEnd) };
  if (!/\S/.test(text)) return { isIncomplete: false, items: [skeletonItem(range)] };
  const after = text[nextTokenOffset(text, located.replaceEnd)];
  const comma = after === undefined || after === '}' || after === ',' ? '' : ',';
  const previous = lastNonSpaceBefore(text, located.replaceStart);
  const needsCommaBefore = previous >= 0 && !'{[,:'.includes(text[previous]);
  const at = document.positionAt(previous + 1);
  const commaBefore = needsCommaBefore ? [{ range: { start: at, end: at }, newText: ',' }] : [];
  const insertion: Insertion = { located, range, comma, commaBefore, typed: text.slice(located.replaceStart, located.context.offset), types };
  if (located.context.isAtPropertyKey) return { isIncomplete: false, items: keyItems(insertion, topLevel) };
  const items = valueItems(insertion);
  return { isIncomplete: items.some((item) => item.command === RETRIGGER), items };
}

function skeletonItem(range: Range): CompletionItem {
  const snippet = ROOT_SCHEMA.defaultSnippets?.[0];
  return {
    label: snippet?.label ?? 'New record',
    kind: CompletionItemKind.Snippet,
    detail: 'Skeleton of a /record/new input',
    documentation: { kind: 'markdown', value: snippet?.description ?? documentationOf(ROOT_SCHEMA) },
    textEdit: { range, newText: snippetText(snippet?.body ?? { project: '${1:project-}' }) },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: '0',
  };
}

function keyItems(insertion: Insertion, topLevel: () => TopLevelObject | undefined): CompletionItem[] {
  const { path } = insertion.located.context;
  if (path[0] === 'details') return [...typedKeyItems(insertion), linkKeyItem(insertion), newPropertyItem(insertion)];
  const parent = schemaAt(path.slice(0, -1));
  if (!parent?.properties) return [newPropertyItem(insertion)];
  const present = new Set(
    path.length === 1
      ? (topLevel()?.properties ?? []).filter((property) => property.keyOffset !== insertion.located.replaceStart).map((property) => property.key)
      : [],
  );
  const required = new Set(parent.required ?? []);
  const items = Object.entries(parent.properties)
    .filter(([key]) => !present.has(key))
    .map(([key, node], index): CompletionItem => {
      const value = valueSnippet(node);
      return {
        label: key,
        kind: CompletionItemKind.Property,
        detail: required.has(key) ? 'required' : typesOf(node).join(' | '),
        documentation: { kind: 'markdown', value: documentationOf(node) },
        filterText: insertion.located.inString ? JSON.stringify(key) : key,
        ...propertyEdits(insertion, `${JSON.stringify(key)}: ${value}`),
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: `${required.has(key) ? 0 : 1}${String(index).padStart(3, '0')}`,
      };
    });
  return items.length > 0 ? items : [newPropertyItem(insertion)];
}

function propertyEdits(insertion: Insertion, property: string): Pick<CompletionItem, 'textEdit' | 'additionalTextEdits'> {
  return {
    textEdit: { range: insertion.range, newText: `${property}${insertion.comma}` },
    ...(insertion.commaBefore.length > 0 ? { additionalTextEdits: insertion.commaBefore } : {}),
  };
}

/** The value a key completion inserts: the schema's snippet, else one shaped by the type. */
function valueSnippet(node: SchemaNode): string {
  const body = node.defaultSnippets?.[0]?.body;
  if (body !== undefined) return snippetText(body);
  const types = typesOf(node);
  if (types.includes('boolean')) return '${1|true,false|}';
  if (types.includes('object')) return '{$1}';
  if (types.includes('array')) return '[$1]';
  return '"$1"';
}

function valueItems(insertion: Insertion): CompletionItem[] {
  const { path } = insertion.located.context;
  const key = path.at(-1);
  if (path[0] === 'details') {
    const inLink = key === LINK_KEY;
    const allowed = typedLinkClasses(insertion.types(), path.slice(1, inLink ? -1 : undefined));
    const classes = allowed?.length ? allowed : linkClasses();
    const items = inLink ? prefixItems(insertion, classes, 'link target') : [];
    return [...items, linkValueItem(insertion, classes, allowed !== undefined), containerItem(insertion, '{}'), containerItem(insertion, '[]')];
  }
  const node = schemaAt(path);
  if (!node) return [];
  const items: CompletionItem[] = [];
  if (typesOf(node).includes('boolean')) items.push(...[true, false].map((value) => literalItem(insertion, String(value), node)));
  const idClasses = idClassesOf(node);
  items.push(...prefixItems(insertion, idClasses, 'ID'));
  if (key === 'nonce') items.push(nonceItem(insertion, node));
  if (idClasses.length === 0) {
    // ID fields get prefixes instead: their snippets and examples are placeholders, not real IDs.
    for (const snippet of node.defaultSnippets ?? []) items.push(snippetItem(insertion, snippet.label ?? String(key), snippetText(snippet.body), node));
    for (const example of node.examples ?? []) {
      if (typeof example === 'string') items.push(literalItem(insertion, JSON.stringify(example), node));
    }
  }
  if (items.length === 0 && typesOf(node).includes('string')) items.push(emptyStringItem(insertion));
  return dedupe(items);
}

/** `project-`, `record-`…: inserts the prefix inside quotes and reopens the list for the rest. */
function prefixItems(insertion: Insertion, classes: string[], what: string): CompletionItem[] {
  return classes.map((idClass, index) => ({
    label: `${idClass}-`,
    kind: CompletionItemKind.Constant,
    detail: `${idClass} ${what} prefix`,
    filterText: insertion.located.inString ? `"${idClass}-` : `${idClass}-`,
    textEdit: { range: insertion.range, newText: `"${idClass}-$1"` },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: `0${index}`,
    command: RETRIGGER,
  }));
}

/** The classes the record's types allow for the link field at `path` inside `details` (undefined: no type says). */
export function typedLinkClasses(types: readonly RecordType[], path: JSONPath): string[] | undefined {
  const lists = typedNodesAt(types, path).flatMap(({ node }) => {
    const classes = linkClassesOf(node);
    return classes ? [classes] : [];
  });
  if (lists.length === 0) return undefined;
  // Every type must accept the class; a type with `[]` accepts any.
  const strict = lists.filter((list) => list.length > 0);
  return strict.length === 0 ? [] : strict.reduce((a, b) => a.filter((c) => b.includes(c)));
}

/** The typed fields of the object at the cursor that it does not have yet, required first. */
function typedKeyItems(insertion: Insertion): CompletionItem[] {
  const { path, text } = insertion.located.context;
  const objectPath = path.slice(1, -1);
  const fields = fieldsAt(insertion.types(), objectPath);
  if (fields.length === 0) return [];
  // Only here, in a typed record's details: the object's present keys, which the top-level layout does not hold.
  const tree = parseTree(text);
  const object = tree && findNodeAtLocation(tree, path.slice(0, -1));
  const present = new Set(
    (object?.children ?? []).filter((p) => p.children?.[0] && p.children[0].offset !== insertion.located.replaceStart).map((p) => String(p.children![0].value)),
  );
  return fields
    .filter((field) => !present.has(field.key))
    .map((field, index): CompletionItem => ({
      label: field.key,
      kind: CompletionItemKind.Property,
      detail: `${field.required ? 'required' : 'optional'} · ${field.type.name}`,
      documentation: { kind: 'markdown', value: documentationOf(field.node) },
      filterText: insertion.located.inString ? JSON.stringify(field.key) : field.key,
      ...propertyEdits(insertion, `${JSON.stringify(field.key)}: ${typedValueSnippet(field.node)}`),
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `0${field.required ? 0 : 1}${String(index).padStart(3, '0')}`,
    }));
}

/** A typed field's value as a snippet: a link to the allowed classes, else its placeholder with the cursor inside. */
function typedValueSnippet(node: TypeSchemaNode): string {
  const classes = linkClassesOf(node);
  if (classes) return `{${linkPropertySnippet(classes.length ? classes : linkClasses())}}`;
  const value = placeholderValue(node);
  return value.length === 2 ? `${value[0]}$1${value[1]}` : `\${1:${value}}`;
}

function linkValueItem(insertion: Insertion, classes: readonly string[], typed: boolean): CompletionItem {
  return {
    label: `{"${LINK_KEY}": "…"}`,
    kind: CompletionItemKind.Snippet,
    detail: typed ? `Link to ${classes.map((c) => `a ${c}`).join(' or ')} (the record's type asks for one)` : 'Link to a data object',
    documentation: {
      kind: 'markdown',
      value: `A link to another data object (${classes.map((c) => `\`${c}-\``).join(', ')}). The link key must be the only key of its object and its value an ID string.`,
    },
    textEdit: { range: insertion.range, newText: `{${linkPropertySnippet(classes)}}` },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: typed ? '0' : '1',
  };
}

/** `"$dnanexus_link": "<class>-…"` with the link classes as a choice; `$` escaped for snippet syntax. */
function linkPropertySnippet(classes: readonly string[] = linkClasses()): string {
  return `"\\${LINK_KEY}": "\${1|${classes.map((c) => `${c}-`).join(',')}|}$2"`;
}

function linkKeyItem(insertion: Insertion): CompletionItem {
  return {
    label: LINK_KEY,
    kind: CompletionItemKind.Property,
    detail: 'Make this object a link',
    documentation: { kind: 'markdown', value: 'Turns this object into a link. It must then be the only key, holding an ID string.' },
    filterText: insertion.located.inString ? JSON.stringify(LINK_KEY) : LINK_KEY,
    ...propertyEdits(insertion, linkPropertySnippet()),
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: '0',
  };
}

function newPropertyItem(insertion: Insertion): CompletionItem {
  return {
    label: 'new property',
    kind: CompletionItemKind.Snippet,
    filterText: insertion.typed,
    ...propertyEdits(insertion, `"\${1:key}": "\${2:value}"`),
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: '9',
  };
}

function nonceItem(insertion: Insertion, node: SchemaNode): CompletionItem {
  return {
    label: 'Generate a fresh nonce',
    kind: CompletionItemKind.Value,
    documentation: { kind: 'markdown', value: documentationOf(node) },
    filterText: insertion.typed,
    textEdit: { range: insertion.range, newText: JSON.stringify(makeNonce()) },
    sortText: '0',
  };
}

function containerItem(insertion: Insertion, brackets: '{}' | '[]'): CompletionItem {
  return snippetItem(insertion, brackets, `${brackets[0]}$1${brackets[1]}`);
}

function emptyStringItem(insertion: Insertion): CompletionItem {
  return snippetItem(insertion, '""', '"$1"');
}

function literalItem(insertion: Insertion, value: string, node: SchemaNode): CompletionItem {
  return {
    label: value,
    kind: CompletionItemKind.Value,
    documentation: { kind: 'markdown', value: documentationOf(node) },
    textEdit: { range: insertion.range, newText: value },
  };
}

function snippetItem(insertion: Insertion, label: string, newText: string, node?: SchemaNode): CompletionItem {
  return {
    label,
    kind: CompletionItemKind.Snippet,
    ...(node ? { documentation: { kind: 'markdown', value: documentationOf(node) } } : {}),
    filterText: insertion.typed || label,
    textEdit: { range: insertion.range, newText },
    insertTextFormat: InsertTextFormat.Snippet,
    sortText: '5',
  };
}

function dedupe(items: CompletionItem[]): CompletionItem[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.label) && seen.add(item.label));
}
