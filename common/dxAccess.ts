// Project access levels, lowest to highest, and what creating a record needs
// (docs/platform-notes.md#permissions).
export const ACCESS_LEVELS = ['NONE', 'VIEW', 'UPLOAD', 'CONTRIBUTE', 'ADMINISTER'] as const;

export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** /record/new needs this level on the record's project. */
export const CREATE_RECORD_LEVEL: AccessLevel = 'UPLOAD';

/** Whether `level` (as the platform spells it) is at least `needed`; unknown levels are not. */
export function hasAccess(level: string, needed: AccessLevel): boolean {
  const rank = ACCESS_LEVELS.indexOf(level as AccessLevel);
  return rank >= 0 && rank >= ACCESS_LEVELS.indexOf(needed);
}
