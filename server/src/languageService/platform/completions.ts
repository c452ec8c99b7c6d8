// Completions that know the platform: projects for `project` and `initializeFrom.project`, the
// project's folders for `folder`, records and files for `$dnanexus_link` in `details`, records
// for `initializeFrom.id`. Empty when the cursor is elsewhere or the platform cannot answer.
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { CREATE_RECORD_LEVEL, hasAccess } from '../../../../common/dxAccess';
import { isContainerId } from '../../../../common/dxIds';
import type { PlatformQuery } from '../../../../protocol/messages';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TopLevelObject } from '../../engine/types';
import type { Located, PositionContext } from '../position';
import { foldersOf, objectsOf, projectsOf, type PlatformLookup } from './lookup';

type Slot = { query: PlatformQuery; as: 'project' | 'folder' | 'object' };

/** The last top-level `key`'s value (the one the platform would see), or undefined when it does not parse. */
function memberValue(text: string, topLevel: TopLevelObject | undefined, key: string): unknown {
  const property = topLevel?.properties.filter((p) => p.key === key && p.valueOffset >= 0).at(-1);
  if (!property) return undefined;
  try {
    return JSON.parse(text.slice(property.valueOffset, property.valueEnd));
  } catch {
    return undefined;
  }
}

function containerId(value: unknown): string | undefined {
  return typeof value === 'string' && isContainerId(value) ? value : undefined;
}

function slotAt(context: PositionContext, topLevel: () => TopLevelObject | undefined): Slot | undefined {
  const { path } = context;
  if (context.isAtPropertyKey) return undefined;
  const at = (...keys: string[]) => path.length === keys.length && keys.every((k, i) => path[i] === k);
  const inLink = path[0] === 'details' && path[path.length - 1] === '$dnanexus_link';
  if (at('project') || at('initializeFrom', 'project')) return { query: { kind: 'projects' }, as: 'project' };
  if (!at('folder') && !at('initializeFrom', 'id') && !inLink) return undefined;
  // These slots depend on the record's project: read it from the document model's top-level layout.
  const scan = topLevel();
  const project = containerId(memberValue(context.text, scan, 'project'));
  if (at('initializeFrom', 'id')) {
    const init = memberValue(context.text, scan, 'initializeFrom');
    const from = containerId(typeof init === 'object' && init !== null ? (init as { project?: unknown }).project : undefined) ?? project;
    return from ? { query: { kind: 'objects', project: from, classes: ['record'] }, as: 'object' } : undefined;
  }
  if (!project) return undefined;
  if (at('folder')) return { query: { kind: 'folders', project }, as: 'folder' };
  return { query: { kind: 'objects', project, classes: ['record', 'file'] }, as: 'object' };
}

export async function platformCompletions(
  { located, document, topLevel }: { located: Located; document: TextDocument; topLevel: () => TopLevelObject | undefined },
  lookup: PlatformLookup,
  signal?: AbortSignal,
): Promise<CompletionItem[]> {
  const slot = slotAt(located.context, topLevel);
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
    // The access level shows in the list itself, so a read-only project is seen before it is chosen.
    return (projectsOf(answer) ?? []).map((p, i) => ({
      ...item(p.name, p.id, `${p.id} · ${p.level}`, CompletionItemKind.Module, i),
      labelDetails: { description: `${p.level}${hasAccess(p.level, CREATE_RECORD_LEVEL) ? '' : ' · read-only'}` },
    }));
  }
  if (slot.as === 'folder') {
    return (foldersOf(answer) ?? []).map((f, i) => item(f, f, 'folder in the project', CompletionItemKind.Folder, i));
  }
  return (objectsOf(answer) ?? []).map((o, i) =>
    item(o.name, o.id, `${o.class} · ${o.id} · ${o.state}${o.folder ? ` · ${o.folder}` : ''}`, o.class === 'file' ? CompletionItemKind.File : CompletionItemKind.Reference, i),
  );
}
