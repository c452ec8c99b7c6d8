// Folder paths as the emulator stores them: already normalised (common/dxPaths), "/" + non-empty segments.

/** Why a folder path is invalid, or undefined when it is acceptable. */
export function folderProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with "/"';
  for (const segment of path.split('/')) {
    if (segment === '.' || segment === '..') return 'must not contain "." or ".." as a folder name';
    if (/[\x00-\x1F]/.test(segment)) return 'must not contain control characters';
  }
  return undefined;
}

export function parentFolder(folder: string): string {
  const i = folder.lastIndexOf('/');
  return i <= 0 ? '/' : folder.slice(0, i);
}

export function baseName(folder: string): string {
  return folder.slice(folder.lastIndexOf('/') + 1);
}

export function joinFolder(parent: string, name: string): string {
  return parent === '/' ? `/${name}` : `${parent}/${name}`;
}

/** True when `folder` is `root` or lies beneath it. */
export function isWithin(folder: string, root: string): boolean {
  return root === '/' || folder === root || folder.startsWith(root + '/');
}

/** Every ancestor of a folder including itself, root first. */
export function folderChain(folder: string): string[] {
  const chain = ['/'];
  let current = '';
  for (const segment of folder.split('/').filter((s) => s.length > 0)) {
    current += '/' + segment;
    chain.push(current);
  }
  return chain;
}
