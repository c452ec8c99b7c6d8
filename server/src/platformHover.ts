// Hover on any ID in the file: what the platform calls it (name, class, state, access level).
import type { Hover } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { idAtOffset, isContainerId, isDataObjectId } from '../../common/dxIds';
import { objectsOf, projectsOf, type PlatformLookup } from './platformLookup';

export async function platformHover(document: TextDocument, offset: number, lookup: PlatformLookup, signal?: AbortSignal): Promise<Hover | undefined> {
  const found = idAtOffset(document.getText(), offset);
  if (!found) return undefined;
  const range = { start: document.positionAt(found.offset), end: document.positionAt(found.offset + found.length) };
  let line: string | undefined;
  if (isContainerId(found.id)) {
    const projects = projectsOf(await lookup({ kind: 'project', id: found.id }, signal));
    if (!projects) return undefined;
    line = projects[0] ? `**${projects[0].name}** · project · your access: ${projects[0].level}` : `Not found on the platform (or not visible to you)`;
  } else if (isDataObjectId(found.id)) {
    const objects = objectsOf(await lookup({ kind: 'describe', ids: [found.id] }, signal));
    if (!objects) return undefined;
    const object = objects[0];
    line = object ? `**${object.name}** · ${object.class} · ${object.state} · in ${object.project}` : `Not found on the platform (or not visible to you)`;
  }
  if (!line) return undefined;
  return { contents: { kind: 'markdown', value: `${line}\n\n\`${found.id}\`` }, range };
}
