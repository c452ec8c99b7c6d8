// Folder paths: absolute, no "." or ".." segments, no control characters; "//" and a trailing
// "/" are normalised by the platform; a folder other than the root must exist unless parents is true.

import { normalizeFolder } from '../../../../common/dxPaths';
import { CONTROL_CHAR, type RuleContext, factOf, isString } from './context';
import { quote } from './ids';

function folderProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return `Folder ${quote(path)} must be a full path starting with "/", e.g. ${quote('/' + path)}.`;
  if (CONTROL_CHAR.test(path)) return `Folder ${quote(path)} contains a control character (tab, line break…); folder names cannot.`;
  // Only a path with "/." can have such a segment; most have none to split for.
  const dots = path.includes('/.') ? path.split('/').find((s) => s === '.' || s === '..') : undefined;
  if (dots) return `Folder ${quote(path)} has a "${dots}" segment; the platform does not resolve relative paths. Write the full path.`;
  return undefined;
}

export function checkFolder(ctx: RuleContext): void {
  const node = ctx.field('folder');
  const parents = ctx.field('parents');
  if (parents?.type === 'boolean') ctx.facts.parents = parents.value as boolean;
  if (!isString(node)) return;
  const problem = folderProblem(node.value);
  if (problem) {
    ctx.report.error('folder-invalid', problem, node);
    return;
  }
  ctx.facts.folder = factOf(node);
  const canonical = normalizeFolder(node.value);
  if (canonical !== node.value) {
    const what = [node.value.includes('//') ? 'a "//"' : '', node.value.length > 1 && node.value.endsWith('/') ? 'a trailing "/"' : ''].filter(Boolean).join(' and ');
    ctx.report.add('folder-not-normalized', 'information', `Folder ${quote(node.value)} has ${what}; the platform stores it as ${quote(canonical)}.`, node);
  }
  if (canonical !== '/' && !(parents?.type === 'boolean' && parents.value === true)) {
    ctx.report.add(
      'folder-needs-parents',
      'information',
      `Folder ${quote(canonical)} must already exist in the project, because "parents" is not true. Add "parents": true to create it if needed.`,
      node,
    );
  }
}
