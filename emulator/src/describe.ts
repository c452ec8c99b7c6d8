// Describe output for data objects and containers, with `fields` / `defaultFields` / legacy flags.
import { invalidInput } from './errors.js';
import { cloneJson, jsonText } from '../../common/jsonText.js';
import { isObject, type JsonObject } from './input.js';
import { describeParts, fileSize } from './fileContent.js';
import type { Container, Copy, DataObject, EmulatorState, FileContent, Level } from './state.js';

/** Which fields to return; resolved once from a describe input. */
export interface FieldSelection {
  defaults: boolean;
  include: Set<string>;
  exclude: Set<string>;
}

const OBJECT_DEFAULT_FIELDS = [
  'id', 'project', 'class', 'sponsored', 'name', 'types', 'state', 'hidden', 'links', 'folder', 'tags',
  'created', 'modified', 'createdBy',
];

const CONTAINER_DEFAULT_FIELDS = [
  'id', 'class', 'name', 'summary', 'description', 'billTo', 'created', 'modified', 'createdBy', 'region',
  'level', 'dataUsage', 'sponsoredDataUsage', 'tags', 'protected', 'restricted', 'downloadRestricted',
  'previewViewerRestricted', 'externalUploadRestricted', 'containsPHI', 'databaseUIViewOnly', 'databaseResultsRestricted',
  'allowedExecutables', 'defaultSymlink', 'version',
];

// Upload limits dxpy reads (fields.fileUploadParameters) to size the parts of an upload.
const FILE_UPLOAD_PARAMETERS = {
  minimumPartSize: 5 * 1024 ** 2,
  maximumPartSize: 5 * 1024 ** 3,
  emptyLastPartAllowed: true,
  maximumNumParts: 10_000,
  maximumFileSize: 5 * 1024 ** 4,
};

/**
 * Reads `fields`, `defaultFields` and the legacy boolean flags (`legacy` names them, e.g.
 * properties/details for objects). Legacy flags are ignored when `fields` is present, as documented.
 */
export function parseFieldSelection(input: JsonObject, legacy: readonly string[]): FieldSelection {
  const fields = input.fields;
  if (fields !== undefined && !isObject(fields)) throw invalidInput('Expected key "fields" of input to be a JSON object');
  const defaultFields = input.defaultFields;
  if (defaultFields !== undefined && typeof defaultFields !== 'boolean') {
    throw invalidInput('Expected key "defaultFields" of input to be a boolean');
  }
  for (const flag of legacy) {
    if (input[flag] !== undefined && typeof input[flag] !== 'boolean') {
      throw invalidInput(`Expected key "${flag}" of input to be a boolean`);
    }
  }
  const selection: FieldSelection = { defaults: true, include: new Set(), exclude: new Set() };
  if (fields === undefined) {
    if (defaultFields === false) selection.defaults = false;
    for (const flag of legacy) if (input[flag] === true) selection.include.add(flag);
    return selection;
  }
  selection.defaults = defaultFields === true;
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value !== 'boolean') throw invalidInput(`Expected key "fields.${key}" of input to be a boolean`);
    (value ? selection.include : selection.exclude).add(key);
  }
  return selection;
}

/** A describe option given as `true`/`false`/mapping (find methods, listFolder, describeDataObjects). */
export function parseDescribeOption(value: unknown, key: string, legacy: readonly string[]): FieldSelection | undefined {
  if (value === undefined || value === false) return undefined;
  if (value === true) return parseFieldSelection({}, legacy);
  if (!isObject(value)) throw invalidInput(`Expected key "${key}" of input to be a boolean or a JSON object`);
  return parseFieldSelection(value, legacy);
}

export const OBJECT_LEGACY_FLAGS = ['properties', 'details'] as const;
export const CONTAINER_LEGACY_FLAGS = ['properties', 'permissions', 'appCaches', 'folders'] as const;

function select(all: Record<string, () => unknown>, defaults: string[], selection: FieldSelection): JsonObject {
  const wanted = new Set(selection.defaults ? defaults : []);
  for (const f of selection.include) wanted.add(f);
  for (const f of selection.exclude) wanted.delete(f);
  wanted.add('id');
  const out: JsonObject = {};
  // Unknown names (e.g. `length`, `size` that `dx find data` asks for) are silently skipped.
  for (const [name, get] of Object.entries(all)) if (wanted.has(name)) out[name] = get();
  return out;
}

// Files add their media type, size and archival state; `parts` only on request, as dxpy asks for it.
const FILE_DEFAULT_FIELDS = [...OBJECT_DEFAULT_FIELDS, 'media', 'size', 'archivalState'];

function fileFields(file: FileContent | undefined): Record<string, () => unknown> {
  if (!file) return {};
  return {
    media: () => file.media,
    size: () => fileSize(file),
    archivalState: () => 'live',
    parts: () => describeParts(file),
  };
}

export function describeObject(object: DataObject, projectId: string, copy: Copy, selection: FieldSelection): JsonObject {
  return select(
    {
      id: () => object.id,
      project: () => projectId,
      class: () => object.class,
      sponsored: () => false,
      name: () => copy.name,
      types: () => [...object.types],
      state: () => object.state,
      hidden: () => object.hidden,
      links: () => [...object.links],
      folder: () => copy.folder,
      tags: () => [...copy.tags],
      created: () => object.created,
      modified: () => copy.modified,
      createdBy: () => ({ user: object.createdBy }),
      properties: () => ({ ...copy.properties }),
      details: () => cloneJson(object.details),
      ...fileFields(object.file),
    },
    object.file ? FILE_DEFAULT_FIELDS : OBJECT_DEFAULT_FIELDS,
    selection,
  );
}

export function describeContainer(
  state: EmulatorState,
  container: Container,
  level: Level,
  selection: FieldSelection,
): JsonObject {
  let dataUsage = 0;
  for (const [object] of state.copiesIn(container.id)) dataUsage += jsonText(object.details).length + (object.file ? fileSize(object.file) : 0);
  return select(
    {
      id: () => container.id,
      class: () => container.class,
      name: () => container.name,
      summary: () => container.summary,
      description: () => container.description,
      billTo: () => container.billTo,
      created: () => container.created,
      modified: () => container.modified,
      createdBy: () => ({ user: container.createdBy }),
      region: () => container.region,
      level: () => level,
      dataUsage: () => dataUsage / 1e9,
      sponsoredDataUsage: () => 0,
      tags: () => [...container.tags],
      protected: () => container.protected,
      restricted: () => container.restricted,
      downloadRestricted: () => container.downloadRestricted,
      previewViewerRestricted: () => container.previewViewerRestricted,
      externalUploadRestricted: () => container.externalUploadRestricted,
      containsPHI: () => container.containsPHI,
      databaseUIViewOnly: () => container.databaseUIViewOnly,
      databaseResultsRestricted: () => container.databaseResultsRestricted,
      allowedExecutables: () => (container.allowedExecutables ? [...container.allowedExecutables] : null),
      defaultSymlink: () => null,
      version: () => container.version,
      fileUploadParameters: () => ({ ...FILE_UPLOAD_PARAMETERS }),
      properties: () => ({ ...container.properties }),
      permissions: () => Object.fromEntries(container.permissions),
      folders: () => [...container.folders].sort(),
      appCaches: () => [],
    },
    CONTAINER_DEFAULT_FIELDS,
    selection,
  );
}
