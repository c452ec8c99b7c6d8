// The plan: for each record file, what apply would do to make the project match it — create,
// update, replace (a closed record whose frozen fields changed), adopt (an unkeyed record with the
// file's folder and name), no-op, conflict — and, with prune, the delete of managed records whose
// file is gone. Pure: it reads only what it is given and writes nothing
// (docs/platform-notes.md#records-as-code).
import { createHash } from 'node:crypto';
import { canonicalJson } from '../../../common/canonicalJson';
import { normalizeFolder } from '../../../common/dxPaths';
import type { TypeSchemas } from '../../../common/typeSchemaSource';
import { planCreate } from '../records/createRecord';
import { planUpdate, type UpdateStep } from '../records/updateRecord';
import type { LiveRecord } from './live';
import { KEY_PROPERTY, MANAGED_PREFIX, ownProperties, REPLACED_BY_PROPERTY } from './root';

export type ActionKind = 'create' | 'update' | 'replace' | 'adopt' | 'no-op' | 'conflict' | 'delete' | 'invalid';

export interface FieldChange {
  field: string;
  from?: unknown;
  to?: unknown;
}

export interface PlannedAction {
  action: ActionKind;
  key: string;
  /** The record file (absent for a delete). */
  file?: string;
  project?: string;
  /** The existing record this action is about. */
  record?: string;
  changes: FieldChange[];
  /** Why the file cannot be applied (invalid, conflict). */
  problem?: string;
  /** create and replace: the /record/new input, key property and nonce included. */
  create?: Record<string, unknown>;
  /** update and adopt: the calls, in order. */
  steps?: UpdateStep[];
}

export interface RecordFile {
  path: string;
  key: string;
  text: string;
  /** The team type schemas that apply to the file (its root's .dxrecord/types). */
  types?: TypeSchemas;
}

export interface PlanInput {
  files: RecordFile[];
  /** Records of the project that carry the key property. */
  managed: readonly LiveRecord[];
  /** Records without the key, candidates for adoption by folder and name. */
  unmanaged: readonly LiveRecord[];
  /** The project the root manages (its config or --project), if any. */
  project?: string;
  prune: boolean;
  /** Whether a key lies under the paths given on the command line (prune looks only there). */
  inScope(key: string): boolean;
}

export interface Plan {
  actions: PlannedAction[];
  /** Things to know that change nothing (unpruned orphans, ignored fields). */
  notes: string[];
  /** Any invalid file or conflict: apply writes nothing. */
  refused: boolean;
}

type ActionBase = Pick<PlannedAction, 'key' | 'file' | 'changes'> & { project: string };

/** A key's value is a property value, limited like any other (docs/platform-notes.md#limits). */
const KEY_MAX_BYTES = 700;
/** Fields a closed record can no longer change: a change means a replacement. */
const FROZEN_FIELDS = new Set(['details', 'types', 'hidden']);

export function planRecords(input: PlanInput): Plan {
  const notes: string[] = [];
  const actions: PlannedAction[] = [];
  const live = input.managed.filter((r) => !r.properties[REPLACED_BY_PROPERTY]);
  // Indexed once: looking each file's records up by scanning would cost files × records.
  const index: LiveIndex = {
    byKey: groupBy(live, (r) => keyedBy(r.project, r.properties[KEY_PROPERTY])),
    byPlace: groupBy(
      input.unmanaged.filter((r) => !r.properties[KEY_PROPERTY] && !r.properties[REPLACED_BY_PROPERTY]),
      (r) => placedAt(r.project, r.folder, r.name),
    ),
  };
  const claimed = new Map<string, PlannedAction[]>();
  const keys = new Set<string>();
  for (const file of input.files) {
    if (keys.has(file.key)) continue;
    keys.add(file.key);
    const action = planFile(file, input, index, notes);
    actions.push(action);
    if (action.action === 'adopt' && action.record) claimed.set(action.record, [...(claimed.get(action.record) ?? []), action]);
  }
  // Two files that would adopt the same record: neither may.
  for (const [record, rivals] of claimed) {
    if (rivals.length < 2) continue;
    for (const action of rivals) {
      Object.assign(action, { action: 'conflict', problem: `${rivals.length} files (${rivals.map((a) => a.key).join(', ')}) match the unmanaged record ${record} by folder and name` });
      delete action.steps;
    }
  }
  for (const record of live) {
    const key = record.properties[KEY_PROPERTY];
    if (keys.has(key) || !input.inScope(key) || (input.project && record.project !== input.project)) continue;
    if (input.prune) actions.push({ action: 'delete', key, project: record.project, record: record.id, changes: [] });
    else notes.push(`${record.id} (key ${key}) has no file; apply --prune would delete it`);
  }
  return { actions, notes, refused: actions.some((a) => a.action === 'invalid' || a.action === 'conflict') };
}

interface LiveIndex {
  /** Live managed records by project and key. */
  byKey: Map<string, LiveRecord[]>;
  /** Adoption candidates (unkeyed, never replaced) by project, folder and name. */
  byPlace: Map<string, LiveRecord[]>;
}

const keyedBy = (project: string, key: string) => `${project}\0${key}`;
const placedAt = (project: string, folder: string, name: string) => `${project}\0${folder}\0${name}`;

function groupBy(records: readonly LiveRecord[], keyOf: (record: LiveRecord) => string): Map<string, LiveRecord[]> {
  const groups = new Map<string, LiveRecord[]>();
  for (const record of records) {
    const key = keyOf(record);
    const group = groups.get(key);
    if (group) group.push(record);
    else groups.set(key, [record]);
  }
  return groups;
}

function planFile(file: RecordFile, input: PlanInput, index: LiveIndex, notes: string[]): PlannedAction {
  const base = { key: file.key, file: file.path, changes: [] as FieldChange[] };
  const created = planCreate(file.text, { types: file.types });
  if (created.kind === 'refused') {
    const { errors } = created;
    const first = errors[0];
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : '';
    return { ...base, action: 'invalid', problem: `line ${first.range.start.line + 1}: ${first.message}${more}` };
  }
  if (Buffer.byteLength(file.key, 'utf8') > KEY_MAX_BYTES) {
    return { ...base, action: 'invalid', problem: `its key is over ${KEY_MAX_BYTES} bytes of UTF-8 (a property value's limit); use a shorter path` };
  }
  const { input: record, project } = created;
  if (input.project && project !== input.project) {
    return { ...base, project, action: 'invalid', problem: `it names project ${project}, but this root manages ${input.project}` };
  }
  const fileProperties = record.properties as Record<string, string> | undefined;
  if (fileProperties && Object.keys(fileProperties).some((k) => k.startsWith(MANAGED_PREFIX))) {
    notes.push(`${file.path}: properties starting with "${MANAGED_PREFIX}" are managed by dxrecord and ignored in the file`);
  }
  if (typeof record.nonce === 'string') notes.push(`${file.path}: "nonce" is ignored; apply derives each create's nonce from the key and content`);
  const wanted = withoutManaged(record);

  const matches = index.byKey.get(keyedBy(project, file.key)) ?? [];
  if (matches.length > 1) {
    return { ...base, project, action: 'conflict', problem: `${matches.length} live records carry the key: ${matches.map((r) => r.id).join(', ')}; remove or re-key all but one` };
  }
  if (matches.length === 1) return compareWith(matches[0], wanted, { ...base, project }, 'update');

  const folder = normalizeFolder(typeof wanted.folder === 'string' ? wanted.folder : '/');
  const candidates = typeof wanted.name === 'string' ? (index.byPlace.get(placedAt(project, folder, wanted.name)) ?? []) : [];
  if (candidates.length === 1) return compareWith(candidates[0], wanted, { ...base, project }, 'adopt');
  return { ...base, project, action: 'create', changes: createdFields(wanted), create: createInput(file.key, wanted) };
}

/** update / adopt / replace / no-op for a file and the record it belongs to. */
function compareWith(current: LiveRecord, wanted: Record<string, unknown>, base: ActionBase, kind: 'update' | 'adopt'): PlannedAction {
  const changes = fieldChanges(current, wanted);
  const frozen = current.state !== 'open' && changes.some((c) => FROZEN_FIELDS.has(c.field));
  if (frozen) {
    return { ...base, action: 'replace', record: current.id, changes, create: createInput(base.key, wanted, current.id) };
  }
  if (kind === 'update' && changes.length === 0) return { ...base, action: 'no-op', record: current.id };
  const steps = planUpdate({ ...current, properties: ownProperties(current.properties) }, wanted).steps;
  if (wanted.close === true && current.state === 'open') steps.push({ field: 'state', route: `/${current.id}/close`, input: {}, summary: 'close the record' });
  if (kind === 'adopt') {
    steps.unshift({ field: 'properties', route: `/${current.id}/setProperties`, input: { project: current.project, properties: { [KEY_PROPERTY]: base.key } }, summary: `set ${KEY_PROPERTY}` });
    changes.unshift({ field: `properties.${KEY_PROPERTY}`, to: base.key });
  }
  return { ...base, action: kind, record: current.id, changes, steps };
}

/** The fields the file names that differ from the record, as the plan shows them. */
export function fieldChanges(current: LiveRecord, wanted: Record<string, unknown>): FieldChange[] {
  const changes: FieldChange[] = [];
  const differ = (field: string, from: unknown, to: unknown) => {
    if (canonicalJson(from) !== canonicalJson(to)) changes.push({ field, from, to });
  };
  if (typeof wanted.name === 'string') differ('name', current.name, wanted.name);
  if (typeof wanted.folder === 'string') differ('folder', current.folder, normalizeFolder(wanted.folder));
  if (Array.isArray(wanted.tags)) differ('tags', [...current.tags].sort(), [...(wanted.tags as string[])].sort());
  if (Array.isArray(wanted.types)) differ('types', [...current.types].sort(), [...(wanted.types as string[])].sort());
  if (wanted.properties && typeof wanted.properties === 'object') differ('properties', ownProperties(current.properties), wanted.properties);
  if ('details' in wanted) differ('details', current.details ?? {}, wanted.details);
  if (typeof wanted.hidden === 'boolean') differ('hidden', current.hidden, wanted.hidden);
  if (wanted.close === true && current.state === 'open') changes.push({ field: 'state', from: 'open', to: 'closed' });
  return changes;
}

function createdFields(wanted: Record<string, unknown>): FieldChange[] {
  return Object.keys(wanted)
    .filter((field) => field !== 'project' && field !== 'parents')
    .map((field) => ({ field, to: field === 'folder' ? normalizeFolder(String(wanted.folder)) : wanted[field] }));
}

/**
 * The /record/new input: the file's fields with the key property, and a nonce derived from the
 * key, the record being replaced and the content, so a rerun within the nonce's lifetime replays
 * the same create while returning to an earlier content never does.
 */
function createInput(key: string, wanted: Record<string, unknown>, replaces?: string): Record<string, unknown> {
  const input = { ...wanted, properties: { ...((wanted.properties as Record<string, string> | undefined) ?? {}), [KEY_PROPERTY]: key } };
  const digest = createHash('sha256').update(`${key}\0${replaces ?? ''}\0${canonicalJson(input)}`).digest('hex');
  return { ...input, nonce: `dxrecord-${digest}` };
}

/** The file's create input without what dxrecord manages (its nonce and `dxrecord.` properties). */
function withoutManaged(record: Record<string, unknown>): Record<string, unknown> {
  const { nonce: _nonce, ...rest } = record;
  const properties = rest.properties as Record<string, string> | undefined;
  if (properties && typeof properties === 'object') {
    rest.properties = ownProperties(properties);
  }
  return rest;
}

/** How many of each action a plan holds, every kind listed. */
export function summarizePlan(plan: Plan): Record<ActionKind, number> {
  const summary: Record<ActionKind, number> = { create: 0, update: 0, replace: 0, adopt: 0, 'no-op': 0, conflict: 0, delete: 0, invalid: 0 };
  for (const action of plan.actions) summary[action.action] += 1;
  return summary;
}

/** Whether applying the plan would write anything. */
export function hasChanges(plan: Plan): boolean {
  return plan.actions.some((a) => a.action !== 'no-op' && a.action !== 'invalid' && a.action !== 'conflict');
}
