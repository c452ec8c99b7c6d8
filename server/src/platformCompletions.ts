// Completions that know the platform: projects for `project` and `initializeFrom.project`, the
// project's folders for `folder`, records and files for `$dnanexus_link` in `details`, records
// for `initializeFrom.id`. Undefined when the cursor is elsewhere or the platform cannot answer.
import { getLocation, type Location } from 'jsonc-parser';
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlatformQuery } from '../../common/protocol';
import type { RecordFacts } from './engine/types';
import { foldersOf, objectsOf, projectsOf, type PlatformLookup } from './platformLookup';

type Slot = { query: PlatformQuery; as: 'project' | 'folder' | 'object' };

function slotAt(location: Location, facts: RecordFacts): Slot | undefined {
  if (location.isAtPropertyKey) return undefined;
  const path = location.path;
  const project = facts.project?.value;
  if (path.length === 1 && path[0] === 'project') return { query: { kind: 'projects' }, as: 'project' };
  if (path.length === 2 && path[0] === 'initializeFrom' && path[1] === 'project') return { query: { kind: 'projects' }, as: 'project' };
  if (path.length === 1 && path[0] === 'folder' && project) return { query: { kind: 'folders', project }, as: 'folder' };
  if (path.length === 2 && path[0] === 'initializeFrom' && path[1] === 'id') {
    const from = facts.initializeFrom?.project?.value ?? project;
    return from ? { query: { kind: 'objects', project: from, classes: ['record'] }, as: 'object' } : undefined;
  }
  if (path[0] === 'details' && path[path.length - 1] === '$dnanexus_link' && project) {
    return { query: { kind: 'objects', project, classes: ['record', 'file'] }, as: 'object' };
  }
  return undefined;
}

/** The string token under the cursor (quotes included) is replaced; otherwise insert at the cursor. */
function replaceRange(document: TextDocument, location: Location, offset: number): Range {
  const node = location.previousNode;
  if (node && node.type === 'string' && node.offset <= offset && offset <= node.offset + node.length) {
    return { start: document.positionAt(node.offset), end: document.positionAt(node.offset + node.length) };
  }
  const at = document.positionAt(offset);
  return { start: at, end: at };
}

function item(label: string, value: string, detail: string, kind: CompletionItemKind, range: Range, order: number): CompletionItem {
  const newText = JSON.stringify(value);
  return {
    label,
    detail,
    kind,
    filterText: `"${label} ${value}"`,
    sortText: String(order).padStart(5, '0'),
    textEdit: { range, newText },
  };
}

export async function platformCompletions(
  document: TextDocument,
  offset: number,
  facts: RecordFacts,
  lookup: PlatformLookup,
  signal?: AbortSignal,
): Promise<CompletionItem[] | undefined> {
  const text = document.getText();
  const location = getLocation(text, offset);
  const slot = slotAt(location, facts);
  if (!slot) return undefined;
  const answer = await lookup(slot.query, signal);
  const range = replaceRange(document, location, offset);
  if (slot.as === 'project') {
    return projectsOf(answer)?.map((p, i) => item(p.name, p.id, `${p.id} · ${p.level}`, CompletionItemKind.Module, range, i));
  }
  if (slot.as === 'folder') {
    return foldersOf(answer)?.map((f, i) => item(f, f, 'folder', CompletionItemKind.Folder, range, i));
  }
  return objectsOf(answer)?.map((o, i) =>
    item(o.name, o.id, `${o.class} · ${o.id} · ${o.state}${o.folder ? ` · ${o.folder}` : ''}`, o.class === 'file' ? CompletionItemKind.File : CompletionItemKind.Value, range, i),
  );
}
