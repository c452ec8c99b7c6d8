// Finds and reads a team's type schemas: `.dxrecord/types/<TypeName>.schema.json` in the nearest
// `.dxrecord/` folder above a record file, or an explicit folder (the CLI's --types). The CLI and
// the language server share it, so CI and the editor always see the same schemas. Reads are
// cached by path, mtime and size; while nothing changed, a folder's answer is the same object,
// so callers can tell "unchanged" by identity.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DXRECORD_FOLDER, TYPES_FOLDER, typeNameOfSchemaFile, type TypeSchemas } from './typeSchemaSource';

interface CachedFolder {
  signature: string;
  schemas: TypeSchemas;
}

/** The answer for a record with no `.dxrecord/` above it: always this object, so it reads as unchanged. */
const NO_TYPES: TypeSchemas = Object.freeze({});

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or directory';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

function isDirectory(path: string): boolean {
  try {
    // Without an exception for the usual answer (no such folder): the CLI asks for every record's ancestors.
    return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
  } catch {
    return false;
  }
}

export class TypeSchemaFinder {
  private readonly folders = new Map<string, CachedFolder>();
  private readonly texts = new Map<string, { stamp: string; text: string }>();
  private readonly label: (path: string) => string;

  /** `label` turns a schema file's absolute path into what messages show (default: the path). */
  constructor(label: (path: string) => string = (path) => path) {
    this.label = label;
  }

  /** The types folder of the nearest `.dxrecord/` at or above `startDir`, or undefined when there is none. */
  typesFolderFrom(startDir: string): string | undefined {
    for (let dir = resolve(startDir); ; dir = dirname(dir)) {
      const candidate = join(dir, DXRECORD_FOLDER);
      if (isDirectory(candidate)) return join(candidate, TYPES_FOLDER);
      if (dirname(dir) === dir) return undefined;
    }
  }

  /** The schemas that apply to a record file (empty when no `.dxrecord/` is above it). */
  forRecord(recordPath: string): TypeSchemas {
    const folder = this.typesFolderFrom(dirname(resolve(recordPath)));
    return folder ? this.readFolder(folder) : NO_TYPES;
  }

  /** Every `<TypeName>.schema.json` in a folder; a folder that does not exist holds none. Throws only for an unreadable folder. */
  readFolder(dir: string): TypeSchemas {
    const folder = resolve(dir);
    let names: string[];
    try {
      names = readdirSync(folder).filter((name) => typeNameOfSchemaFile(name) !== undefined).sort();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') names = [];
      else throw new Error(`cannot read ${folder}: ${reasonOf(error)}`);
    }
    const stamps = names.map((name) => {
      try {
        const s = statSync(join(folder, name));
        return `${s.mtimeMs}:${s.size}`;
      } catch (error) {
        return `?${reasonOf(error)}`;
      }
    });
    const signature = names.map((name, i) => `${name}@${stamps[i]}`).join('\n');
    const cached = this.folders.get(folder);
    if (cached?.signature === signature) return cached.schemas;
    const schemas: Record<string, { text?: string; readError?: string; source: string }> = {};
    names.forEach((name, i) => {
      const path = join(folder, name);
      schemas[typeNameOfSchemaFile(name)!] = { source: this.label(path), ...this.read(path, stamps[i]) };
    });
    this.folders.set(folder, { signature, schemas });
    return schemas;
  }

  private read(path: string, stamp: string): { text: string } | { readError: string } {
    const cached = this.texts.get(path);
    if (cached?.stamp === stamp) return { text: cached.text };
    try {
      const raw = readFileSync(path, 'utf8');
      const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
      this.texts.set(path, { stamp, text });
      return { text };
    } catch (error) {
      return { readError: reasonOf(error) };
    }
  }
}
