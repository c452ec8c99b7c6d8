// Update Record from File (and `dxrecord apply`): the difference between the record on the platform
// and the file, as the API calls that would apply it. Fields the file leaves out are left alone. A
// closed record keeps its details, types and visibility (InvalidState), so those changes are listed
// as blocked; its name, tags, properties and folder still change (docs/platform-notes.md#lifecycle).
import type { DxApiClient } from '../apiClient';
import type { RecordDescription } from './describeRecord';
import { canonicalJson } from '../../../common/canonicalJson';
import { normalizeFolder } from '../../../common/dxPaths';

export type UpdateField = 'name' | 'folder' | 'tags' | 'types' | 'properties' | 'details' | 'hidden' | 'state';

/** What planning an update reads of the record. */
export type UpdatableRecord = Pick<RecordDescription, 'id' | 'project' | 'name' | 'folder' | 'tags' | 'types' | 'hidden' | 'state' | 'properties' | 'details'>;

export interface UpdateStep {
  field: UpdateField;
  route: string;
  input: unknown;
  summary: string;
}

export interface BlockedChange {
  field: UpdateField;
  reason: string;
}

export interface UpdatePlan {
  id: string;
  steps: UpdateStep[];
  blocked: BlockedChange[];
  /** File fields that Update does not apply, and why. */
  notes: string[];
}

function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
}

const list = (items: string[]) => items.map((t) => JSON.stringify(t)).join(', ');

/** addTags/removeTags or addTypes/removeTypes that turn the record's `now` list into `wanted`. */
function listSteps(id: string, field: 'tags' | 'types', now: string[], wanted: string[], input: Record<string, unknown>): UpdateStep[] {
  const name = field === 'tags' ? 'Tags' : 'Types';
  const add = wanted.filter((t) => !now.includes(t));
  const remove = now.filter((t) => !wanted.includes(t));
  return [
    ...(add.length ? [{ field, route: `/${id}/add${name}`, input: { ...input, [field]: add }, summary: `add ${field} ${list(add)}` }] : []),
    ...(remove.length ? [{ field, route: `/${id}/remove${name}`, input: { ...input, [field]: remove }, summary: `remove ${field} ${list(remove)}` }] : []),
  ];
}
const FROZEN = 'the record is closed; closing froze its details, types and visibility';

export function planUpdate(current: UpdatableRecord, file: Record<string, unknown>): UpdatePlan {
  const id = current.id;
  const project = current.project;
  const steps: UpdateStep[] = [];
  const notes: string[] = [];
  const open = current.state === 'open';

  if (typeof file.name === 'string' && file.name !== current.name) {
    steps.push({ field: 'name', route: `/${id}/rename`, input: { project, name: file.name }, summary: `rename ${JSON.stringify(current.name)} → ${JSON.stringify(file.name)}` });
  }
  if (typeof file.folder === 'string' && normalizeFolder(file.folder) !== (current.folder ?? '/')) {
    const destination = normalizeFolder(file.folder);
    // The project's move needs the destination to exist; "parents": true makes it, as at creation.
    if (file.parents === true) {
      steps.push({ field: 'folder', route: `/${project}/newFolder`, input: { folder: destination, parents: true }, summary: `make folder ${destination} if missing` });
    }
    steps.push({ field: 'folder', route: `/${project}/move`, input: { objects: [id], destination }, summary: `move ${current.folder ?? '/'} → ${destination}` });
  }
  const tags = stringList(file.tags);
  if (tags) steps.push(...listSteps(id, 'tags', current.tags, tags, { project }));
  const properties = file.properties as Record<string, string> | undefined;
  if (properties && typeof properties === 'object') {
    const now = current.properties ?? {};
    const changes: Record<string, string | null> = {};
    for (const [key, value] of Object.entries(properties)) if (now[key] !== value) changes[key] = value;
    for (const key of Object.keys(now)) if (!(key in properties)) changes[key] = null; // null deletes
    const keys = Object.keys(changes);
    if (keys.length) {
      const set = keys.filter((k) => changes[k] !== null);
      const del = keys.filter((k) => changes[k] === null);
      const summary = [set.length ? `set properties ${list(set)}` : '', del.length ? `delete properties ${list(del)}` : ''].filter(Boolean).join('; ');
      steps.push({ field: 'properties', route: `/${id}/setProperties`, input: { project, properties: changes }, summary });
    }
  }
  const types = stringList(file.types);
  // Types have no per-project copy, so their calls take no project.
  const globalSteps: UpdateStep[] = types ? listSteps(id, 'types', current.types, types, {}) : [];
  if ('details' in file && canonicalJson(file.details) !== canonicalJson(current.details ?? {})) {
    // setDetails takes the details themselves as the request body.
    globalSteps.push({ field: 'details', route: `/${id}/setDetails`, input: file.details, summary: 'replace details' });
  }
  if (typeof file.hidden === 'boolean' && file.hidden !== current.hidden) {
    globalSteps.push({ field: 'hidden', route: `/${id}/setVisibility`, input: { hidden: file.hidden }, summary: file.hidden ? 'hide the record' : 'make the record visible' });
  }
  const blocked: BlockedChange[] = [];
  for (const step of globalSteps) {
    if (open) steps.push(step);
    else if (!blocked.some((b) => b.field === step.field)) blocked.push({ field: step.field, reason: `${step.field} cannot change: ${FROZEN}` });
  }

  if (typeof file.project === 'string' && file.project !== project) notes.push(`project: the file names ${file.project}; this record copy is in ${project}`);
  if (file.close === true && open) notes.push('close: Update does not close records; use "DNAnexus: Close Record"');
  return { id, steps, blocked, notes };
}

export function describePlan(plan: UpdatePlan): string {
  const lines = plan.steps.map((s) => `• ${s.summary}`);
  for (const b of plan.blocked) lines.push(`✗ ${b.reason}`);
  for (const n of plan.notes) lines.push(`– ${n}`);
  return lines.length ? lines.join('\n') : 'Nothing to change: the record already matches the file.';
}

/** Applies the steps in order and stops at the first failure, reporting what was already applied. */
export async function applyUpdate(client: DxApiClient, plan: UpdatePlan, signal?: AbortSignal): Promise<{ applied: UpdateStep[]; error?: unknown }> {
  const applied: UpdateStep[] = [];
  for (const step of plan.steps) {
    try {
      await client.call(step.route, step.input, { signal });
    } catch (error) {
      return { applied, error };
    }
    applied.push(step);
  }
  return { applied };
}
