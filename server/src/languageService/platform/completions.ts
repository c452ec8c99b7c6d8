// Completions that know the platform: projects for `project` and `initializeFrom.project`, the
// project's folders for `folder`, records and files for `$dnanexus_link` in `details` (only the
// classes a typed link field allows, and whole links at such a field's value), records for
// `initializeFrom.id`. Empty when the cursor is elsewhere or the platform cannot answer.
import { CompletionItemKind, type CompletionItem, type Range } from 'vscode-languageserver-types';
import { CREATE_RECORD_LEVEL, hasAccess } from '../../../../common/dxAccess';
import { DATA_OBJECT_CLASSES, isContainerId } from '../../../../common/dxIds';
import type { DataObjectClass, PlatformQuery } from '../../../../protocol/messages';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { TopLevelObject } from '../../engine/types';
import type { Located, PositionContext } from '../position';
import { foldersOf, objectsOf, projectsOf, type PlatformLookup } from './lookup';
import { memberValue } from '../topLevelValue';

/** `link`: the value is a typed link field itself, so a chosen object is inserted as a whole link. */
type Slot = { query: PlatformQuery; as: 'project' | 'folder' | 'object' | 'link' };

/** The classes the record's types allow for a link field at a path inside `details`; undefined when no type says. */
export type TypedLinkClasses = (detailsPath: PositionContext['path']) => string[] | undefined;

const LINKABLE: DataObjectClass[] = ['record', 'file'];

function asClasses(classes: string[] | undefined): DataObjectClass[] {
  const known = (classes ?? []).filter((c): c is DataObjectClass => (DATA_OBJECT_CLASSES as readonly string[]).includes(c));
  return known.length > 0 ? known : LINKABLE;
}

function containerId(value: unknown): string | undefined {
  return typeof value === 'string' && isContainerId(value) ? value : undefined;
}

function slotAt(context: PositionContext, topLevel: () => TopLevelObject | undefined, typedLink: TypedLinkClasses): Slot | undefined {
  const { path } = context;
  if (context.isAtPropertyKey) return undefined;
  const at = (...keys: string[]) => path.length === keys.length && keys.every((k, i) => path[i] === k);
  const inLink = path[0] === 'details' && path[path.length - 1] === '$dnanexus_link';
  const typed = path[0] === 'details' ? typedLink(path.slice(1, inLink ? -1 : undefined)) : undefined;
  if (at('project') || at('initializeFrom', 'project')) return { query: { kind: 'projects' }, as: 'project' };
  if (!at('folder') && !at('initializeFrom', 'id') && !inLink && !typed) return undefined;
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
  return { query: { kind: 'objects', project, classes: asClasses(typed) }, as: inLink ? 'object' : 'link' };
}

export async function platformCompletions(
  {
    located,
    document,
    topLevel,
    typedLink = () => undefined,
  }: { located: Located; document: TextDocument; topLevel: () => TopLevelObject | undefined; typedLink?: TypedLinkClasses },
  lookup: PlatformLookup,
  signal?: AbortSignal,
): Promise<CompletionItem[]> {
  const slot = slotAt(located.context, topLevel, typedLink);
  if (!slot) return [];
  // Before the await: the server's document is updated in place by later edits.
  const range: Range = { start: document.positionAt(located.replaceStart), end: document.positionAt(located.replaceEnd) };
  const answer = await lookup(slot.query, signal);
  const quote = located.inString ? '"' : '';
  const item = (label: string, value: string, detail: string, kind: CompletionItemKind, order: number): CompletionItem => ({
    label,
    detail,
    kind,
    filterText: `${slot.as === 'link' ? '' : quote}${label} ${value}`,
    sortText: `0${String(order).padStart(5, '0')}`,
    textEdit: { range, newText: slot.as === 'link' ? `{"$dnanexus_link": ${JSON.stringify(value)}}` : JSON.stringify(value) },
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
