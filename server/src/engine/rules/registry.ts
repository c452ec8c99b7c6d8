// The rule registry: one row per diagnostic code — the module that reports it, its severity, what
// it means, and its quick fix. The DiagnosticCode type, the language service's quick fixes
// (which must implement exactly the rows with a `fix`) and the README's code table
// (scripts/codeTable.ts) all follow from this table, so a new rule is one module plus one row.
export type Severity = 'error' | 'warning' | 'information';

export interface RuleEntry {
  /** The modules that report it, from the repository root (comma-separated; languageService/platform/ ones need sign-in). */
  module: string;
  /** Every severity the code is reported with; the first is the usual one. */
  severities: readonly Severity[];
  /** When it is reported, for the README's table and hovers. */
  when: string;
  /** The title of its quick fix, when it has one. */
  fix?: string;
}

export const RULES = {
  'encoding-invalid': {
    module: 'cli/src/decode.ts',
    severities: ['error'],
    when: 'the CLI read bytes that are not UTF-8: invalid UTF-8 (at its first bad byte), UTF-16 (with or without a BOM), or binary data',
  },
  'json-syntax': { module: 'server/src/engine/index.ts', severities: ['error'], when: 'the text is not valid JSON (each problem at its offset)' },
  'duplicate-key': { module: 'server/src/engine/index.ts', severities: ['error'], when: 'a key appears twice in the same object (the platform would keep only the last)' },
  'not-an-object': { module: 'server/src/engine/index.ts', severities: ['error'], when: 'the top-level value is not an object' },
  'missing-project': { module: 'server/src/engine/rules/fields.ts', severities: ['error'], when: '`project` is absent' },
  'unknown-field': {
    module: 'server/src/engine/rules/fields.ts',
    severities: ['error'],
    when: 'a top-level key that `/record/new` does not take (with a "did you mean" for near misses)',
    fix: 'Rename to the near miss',
  },
  'describe-field': {
    module: 'server/src/engine/rules/fields.ts',
    severities: ['warning'],
    when: 'a describe-output key (`id`, `class`, `created`, `modified`, `links`, `state`, `createdBy`, `sponsored`)',
    fix: 'Remove it (or all of them at once)',
  },
  'type-mismatch': {
    module: 'server/src/engine/rules/fields.ts',
    severities: ['error'],
    when: 'a field has the wrong JSON type (from the schema)',
    fix: 'Use true / false for a yes-or-no value written as text or a number',
  },
  'invalid-id': { module: 'server/src/engine/rules/ids.ts', severities: ['error'], when: 'a string that must be an ID is not `<class>-` and 24 letters or digits' },
  'wrong-id-class': { module: 'server/src/engine/rules/ids.ts', severities: ['error'], when: 'a well-formed ID of the wrong class (`project` must be a container, `initializeFrom.id` a record)' },
  'id-alphabet': { module: 'server/src/engine/rules/ids.ts', severities: ['warning'], when: 'an ID with characters the platform never puts in IDs (outside `0123456789BFGJKPQVXYZbfgjkpqvxyz`)' },
  'name-invalid': { module: 'server/src/engine/rules/names.ts', severities: ['error'], when: '`name` is empty or holds a control character' },
  'tag-empty': { module: 'server/src/engine/rules/names.ts', severities: ['error'], when: 'an empty tag' },
  'type-name-invalid': { module: 'server/src/engine/rules/names.ts', severities: ['error', 'warning'], when: 'a type with characters outside `[/0-9A-Za-z_]` (a warning when the only offender is `-`)' },
  'property-value-not-string': { module: 'server/src/engine/rules/fields.ts', severities: ['error'], when: 'a property value that is not a string (`null` included)' },
  'property-key-too-long': { module: 'server/src/engine/rules/properties.ts', severities: ['error'], when: 'a property key over 100 bytes of UTF-8' },
  'property-value-too-long': { module: 'server/src/engine/rules/properties.ts', severities: ['error'], when: 'a property value over 700 bytes of UTF-8' },
  'property-key-empty': { module: 'server/src/engine/rules/properties.ts', severities: ['error'], when: 'an empty property key' },
  'details-not-container': { module: 'server/src/engine/rules/fields.ts', severities: ['error'], when: '`details` is neither an object nor an array' },
  'details-large': { module: 'server/src/engine/rules/details.ts', severities: ['warning'], when: '`details` is more than 1 MiB of UTF-8 JSON' },
  'link-extra-keys': {
    module: 'server/src/engine/rules/details.ts',
    severities: ['error'],
    when: 'an object in `details` holds `$dnanexus_link` and other keys',
    fix: 'Keep only the $dnanexus_link key',
  },
  'link-value-not-string': {
    module: 'server/src/engine/rules/details.ts',
    severities: ['error'],
    when: 'a `$dnanexus_link` value that is not a string and not the `{project, id}` pair (a number, `null`, an array, an object with other keys)',
    fix: 'Use the string link (when the object has an `id`)',
  },
  'link-project-form': {
    module: 'server/src/engine/rules/details.ts',
    severities: ['warning'],
    when: 'a `$dnanexus_link` value in the `{"project", "id"}` form (accepted by the platform, but the string form is the documented one)',
    fix: 'Use the string link (drops the project hint)',
  },
  'link-target-malformed': { module: 'server/src/engine/rules/details.ts', severities: ['warning'], when: 'a link string that is not a data-object ID' },
  'link-target-not-found': { module: 'server/src/languageService/platform/checks.ts', severities: ['warning'], when: 'signed in, and the platform cannot find the linked object' },
  'link-target-state': {
    module: 'server/src/languageService/platform/checks.ts',
    severities: ['warning'],
    when: 'signed in: a link target that a type says must be closed (`x-dx-closed`) is open, or the target lives in another project than the record (the link stays inactive until it is cloned in)',
  },
  'folder-invalid': { module: 'server/src/engine/rules/folder.ts', severities: ['error'], when: '`folder` does not start with `/`, has a `.` or `..` segment, or a control character' },
  'folder-not-normalized': {
    module: 'server/src/engine/rules/folder.ts',
    severities: ['information'],
    when: '`folder` has `//` or a trailing `/` (the platform normalizes it)',
    fix: 'Use the normalized folder',
  },
  'folder-needs-parents': {
    module: 'server/src/engine/rules/folder.ts, server/src/languageService/platform/checks.ts',
    severities: ['information', 'warning'],
    when: '`folder` is not `/` and `parents` is not `true` (a warning when signed in and the folder does not exist)',
    fix: 'Add "parents": true',
  },
  'nonce-invalid': { module: 'server/src/engine/rules/nonce.ts', severities: ['error'], when: '`nonce` is empty or over 128 bytes of UTF-8', fix: 'Replace with a fresh nonce' },
  'project-not-found': { module: 'server/src/languageService/platform/checks.ts', severities: ['warning'], when: 'signed in, and the project does not exist or is not visible' },
  'project-access-too-low': {
    module: 'server/src/languageService/platform/checks.ts',
    severities: ['warning'],
    when: 'signed in, and your access to the project is below the UPLOAD that creating a record needs',
  },
  'type-details-invalid': {
    module: 'server/src/engine/rules/typed.ts',
    severities: ['error'],
    when: '`details` (or, through `x-dx-record`, the properties, tags or name) break the schema of one of the record\'s types: a required field missing, a wrong JSON type, a value outside an enum, an array length rule',
    fix: 'Add the missing required fields (when a field is missing)',
  },
  'type-link-class': {
    module: 'server/src/engine/rules/typed.ts',
    severities: ['error'],
    when: 'a field a type says is a link to class X holds a link to another class, a bare ID string or a non-link',
    fix: 'Wrap the bare ID into a link (when the field holds a bare ID)',
  },
  'type-rule': {
    module: 'server/src/engine/typed/conventions.ts',
    severities: ['error', 'warning'],
    when: 'a cross-field rule of a built-in type: ContigSet lengths differ, duplicate contig names, offsets inconsistent (errors), a size 0 or a non-zero first offset (warnings); Dataset `version` below "3.0"',
  },
  'type-property-missing': { module: 'server/src/engine/typed/conventions.ts', severities: ['warning'], when: 'a property a type\'s lookup convention needs is absent (AssetBundle without `version`)' },
  'type-schema-invalid': {
    module: 'server/src/engine/rules/typed.ts, server/src/engine/typed/schemaFile.ts',
    severities: ['error'],
    when: 'a workspace type schema cannot be read or compiled (on the record\'s `types` entry, and in the schema file itself)',
  },
  'type-name-near-miss': {
    module: 'server/src/engine/rules/typed.ts',
    severities: ['warning'],
    when: 'a type differs from a built-in type only by case or one edit (`Assetbundle`, `Dataset `)',
    fix: 'Rename to the built-in type',
  },
} as const satisfies Record<string, RuleEntry>;

export type DiagnosticCode = keyof typeof RULES;

/** The codes whose row names a quick fix: the language service implements exactly these. */
export type FixableCode = { [K in DiagnosticCode]: (typeof RULES)[K] extends { fix: string } ? K : never }[DiagnosticCode];
