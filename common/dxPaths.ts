// Folder paths as the platform stores them (docs/platform-notes.md#folders): runs of "/" collapse, trailing "/" dropped.

export function normalizeFolder(folder: string): string {
  return '/' + folder.split('/').filter((part) => part !== '').join('/');
}
