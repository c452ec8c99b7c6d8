// Completions that know the platform: projects for `project` and `initializeFrom.project`, the
// project's folders for `folder`, records and files for `$dnanexus_link` in `details`, records
// for `initializeFrom.id`. Empty when the cursor is elsewhere or the platform cannot answer.
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { PlatformQuery } from '../../common/protocol';
import { validateRecord } from './engine';
import type { PositionContext } from './features/hooks';
import type { Located } from './features/position';
import { foldersOf, objectsOf, projectsOf, type PlatformLookup } from './platformLookup';

type Slot = { query: PlatformQuery; as: 'project' | 'folder' | 'object' };

function slotAt(context: PositionContext): Slot | undefined {
  const { path } = context;
  if (context.isAtPropertyKey) return undefined;
  const at = (...keys: string[]) => path.length === keys.length && keys.every((k, i) => path[i] === k);
  const inLink = path[0] === 'details' && path[path.length - 1] === '$dnanexus_link';
  if (at('project') || at('initializeFrom', 'project')) return { query: { kind: 'projects' }, as: 'project' };
  if (!at('folder') && !at('initializeFrom', 'id') && !inLink) return undefined;
  // Only now is the whole file worth reading: these slots depend on the record's project.
  const { facts } = validateRecord(context.text);
  const project = facts.project?.value;
  if (at('initializeFrom', 'id')) {
    const from = facts.initializeFrom?.project?.value ?? project;
    return from ? { query: { kind: 'objects', project: from, classes: ['record'] }, as: 'object' } : undefined;
  }
  if (!project) return undefined;
  if (at('folder')) return { query: { kind: 'folders', project }, as: 'folder' };
  return { query: { kind: 'objects', project, classes: ['record', 'file'] }, as: 'object' };
}

export async function platformCompletions(located: Located, document: TextDocument, lookup: PlatformLookup, signal?: AbortSignal): Promise<CompletionItem[]> {
  const slot = slotAt(located.context);
  if (!slot) return [];
  // Before the await: the server's document is updated in place by later edits.
  const range: Range = { start: document.positionAt(located.replaceStart), end: document.positionAt(located.replaceEnd) };
  const answer = await lookup(slot.query, signal);
  const quote = located.inString ? '"' : '';
  const item = (label: string, value: string, detail: string, kind: CompletionItemKind, order: number): CompletionItem => ({
    label,
    detail,
    kind,
    filterText: `${quote}${label} ${value}`,
    sortText: `0${String(order).padStart(5, '0')}`,
    textEdit: { range, newText: JSON.stringify(value) },
  });
  if (slot.as === 'project') {
    return (projectsOf(answer) ?? []).map((p, i) => item(p.name, p.id, `${p.id} · ${p.level}`, CompletionItemKind.Module, i));
  }
  if (slot.as === 'folder') {
    return (foldersOf(answer) ?? []).map((f, i) => item(f, f, 'folder in the project', CompletionItemKind.Folder, i));
  }
  return (objectsOf(answer) ?? []).map((o, i) =>
    item(o.name, o.id, `${o.class} · ${o.id} · ${o.state}${o.folder ? ` · ${o.folder}` : ''}`, o.class === 'file' ? CompletionItemKind.File : CompletionItemKind.Reference, i),
  );
}
