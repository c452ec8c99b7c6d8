// A team's type schema as handed to the validator: the engine takes these as an option (it does
// no I/O); common/typeSchemaFiles.ts reads them for the CLI and the language server.

export interface TypeSchemaSource {
  /** The schema file's text; absent when it could not be read. */
  text?: string;
  /** Why it could not be read, when `text` is absent. */
  readError?: string;
  /** Shown in messages: the schema file's path. */
  source: string;
}

/** Type name -> its schema. */
export type TypeSchemas = Readonly<Record<string, TypeSchemaSource>>;

/** Where a team keeps its type schemas, relative to the folder that holds `.dxrecord/`. */
export const DXRECORD_FOLDER = '.dxrecord';
export const TYPES_FOLDER = 'types';
export const SCHEMA_SUFFIX = '.schema.json';

/** The type a schema file declares: `SampleSheet.schema.json` -> `SampleSheet`; undefined for other names. */
export function typeNameOfSchemaFile(fileName: string): string | undefined {
  if (!fileName.endsWith(SCHEMA_SUFFIX)) return undefined;
  const name = fileName.slice(0, -SCHEMA_SUFFIX.length);
  return name === '' ? undefined : name;
}

/** Whether a path (either separator) is `<…>/.dxrecord/types/<TypeName>.schema.json`. */
export function isTypeSchemaPath(path: string): boolean {
  const parts = path.split(/[\\/]/);
  const n = parts.length;
  return n >= 3 && parts[n - 3] === DXRECORD_FOLDER && parts[n - 2] === TYPES_FOLDER && typeNameOfSchemaFile(parts[n - 1]) !== undefined;
}
