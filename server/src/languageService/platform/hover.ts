// Hover on any ID in the file: what the platform calls it (name, class, state, access level).
import type { MarkupContent } from 'vscode-languageserver-types';
import { idAtOffset, isContainerId } from '../../../../common/dxIds';
import { escapeMarkdown } from '../../../../common/markdown';
import { isDataObjectId } from '../../engine/rules/ids';
import type { PositionContext } from '../position';
import { objectsOf, projectsOf, type PlatformLookup } from './lookup';

const NOT_FOUND = 'Not found on the DNAnexus platform (or not visible to you).';

export async function platformHover(context: PositionContext, lookup: PlatformLookup, signal?: AbortSignal): Promise<MarkupContent | undefined> {
  const found = idAtOffset(context.text, context.offset);
  let line: string | undefined;
  if (found && isContainerId(found.id)) {
    const projects = projectsOf(await lookup({ kind: 'project', id: found.id }, signal));
    const p = projects?.[0];
    line = projects && (p ? `**${escapeMarkdown(p.name)}** · project · your access: ${p.level}` : NOT_FOUND);
  } else if (found && isDataObjectId(found.id)) {
    const objects = objectsOf(await lookup({ kind: 'describe', ids: [found.id] }, signal));
    const o = objects?.[0];
    line = objects && (o ? `**${escapeMarkdown(o.name)}** · ${o.class} · ${o.state} · in ${o.project}` : NOT_FOUND);
  }
  return line ? { kind: 'markdown', value: `${line} (\`${found!.id}\`)` } : undefined;
}
