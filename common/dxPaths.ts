// Folder paths as the platform stores them (spec §4): runs of "/" collapse, trailing "/" dropped.

export function normalizeFolder(folder: string): string {
  return '/' + folder.split('/').filter((part) => part !== '').join('/');
}
