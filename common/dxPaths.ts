// Folder paths as the platform stores them (docs/platform-notes.md#folders): runs of "/" collapse, trailing "/" dropped.

export function normalizeFolder(folder: string): string {
  // Most folders are already canonical; the CLI asks once per record file.
  if (folder.startsWith('/') && !folder.includes('//') && (folder.length === 1 || !folder.endsWith('/'))) return folder;
  return '/' + folder.split('/').filter((part) => part !== '').join('/');
}
