// Where one record file under a managed root stands against the platform, for the editor's lens,
// Compare, Push and Pull: the one-file plan (the same planner as `dxrecord plan`), the live record
// the file belongs to, and whether that record changed since the file was last pulled or pushed.
import type { DxApiClient } from '../apiClient';
import { describeRecord } from '../records/describeRecord';
import { applyPlan } from './apply';
import type { LiveRecord } from './live';
import type { Plan, PlannedAction } from './plan';
import { lookupTree, planWith, type LocalTree } from './planTree';
import { findRoot, KEY_PROPERTY, keyOf, readRootConfig, RECORD_SUFFIX, ROOT_MARKER } from './root';

export type StandingKind = 'not created' | 'in sync' | 'differs' | 'replaced' | 'conflict' | 'invalid';

export interface FileStanding {
  root: string;
  key: string;
  kind: StandingKind;
  /** One line for the lens: "in sync", "differs (name, tags)", … */
  label: string;
  /** The plan for this one file: what Push would apply. */
  plan: Plan;
  action: PlannedAction;
  /** The live record the file belongs to (by key, or the one it would adopt). */
  live?: LiveRecord;
  /** Whether a live record carries the file's key (the file is already managed on the platform). */
  keyed: boolean;
}

/** What the file's record was at its last pull or push (kept per file by the editor). */
export interface SyncBaseline {
  record: string;
  modified: number;
}

/** The one-file tree of a record file under a managed root; undefined for any other file. */
export function singleFileTree(path: string, text: string): LocalTree | undefined {
  if (!path.endsWith(RECORD_SUFFIX)) return undefined;
  const root = findRoot(path);
  if (!root) return undefined;
  const key = keyOf(root, path);
  if (key.split('/').includes(ROOT_MARKER)) return undefined;
  const project = readRootConfig(root).project;
  return { root, ...(project ? { project } : {}), files: [{ path, key, text }], inScope: (k) => k === key };
}

export async function standingOf(client: DxApiClient, path: string, text: string, signal?: AbortSignal): Promise<FileStanding | undefined> {
  const tree = singleFileTree(path, text);
  if (!tree) return undefined;
  const records = await lookupTree(tree, client, signal);
  const plan = planWith(tree, records, false);
  const action = plan.actions[0];
  const key = tree.files[0].key;
  const live = action.record ? [...records.managed, ...records.unmanaged].find((r) => r.id === action.record) : undefined;
  return { root: tree.root, key, ...describeAction(action), plan, action, ...(live ? { live } : {}), keyed: live?.properties[KEY_PROPERTY] === key };
}

function describeAction(action: PlannedAction): { kind: StandingKind; label: string } {
  const fields = [...new Set(action.changes.map((c) => c.field.split('.')[0]))].join(', ');
  switch (action.action) {
    case 'create':
      return { kind: 'not created', label: 'not created' };
    case 'no-op':
      return { kind: 'in sync', label: 'in sync' };
    case 'update':
      return { kind: 'differs', label: `differs (${fields})` };
    case 'adopt':
      return { kind: 'differs', label: `differs (${fields}): Push adopts ${action.record}` };
    case 'replace':
      return { kind: 'replaced', label: `replaced on Push: ${action.record} is closed and its ${fields} differ` };
    case 'conflict':
      return { kind: 'conflict', label: `conflict: ${action.problem}` };
    default:
      return { kind: 'invalid', label: `cannot push: ${action.problem}` };
  }
}

/** Whether the record changed on the platform since the baseline (another record now, or modified since). */
export function changedSince(baseline: SyncBaseline | undefined, live: LiveRecord | undefined): boolean {
  if (!baseline || !live) return false;
  return baseline.record !== live.id || baseline.modified !== live.modified;
}

/** The baseline a pull leaves: the record as it was read. */
export function baselineOf(live: LiveRecord): SyncBaseline {
  return { record: live.id, modified: live.modified };
}

/** Applies the file's plan; the baseline is the record as the push left it. */
export async function pushStanding(client: DxApiClient, standing: FileStanding, signal?: AbortSignal): Promise<{ record: string; baseline: SyncBaseline }> {
  const [outcome] = await applyPlan(client, standing.plan);
  if (!outcome) throw new Error(`${standing.key} is already in sync; nothing to push`);
  if (outcome.status !== 'done' || !outcome.record) throw new Error(outcome.error ?? `${standing.key} was not pushed`);
  const project = standing.action.project;
  const { modified } = await describeRecord(client, outcome.record, project, signal);
  return { record: outcome.record, baseline: { record: outcome.record, modified } };
}

/** The changes a push makes, one line each, for its confirmation. */
export function changeLines(action: PlannedAction): string[] {
  const shown = (value: unknown) => (value === undefined ? '(none)' : JSON.stringify(value));
  const lines = action.changes.map((c) => (c.from === undefined && action.action === 'create' ? `${c.field}: ${shown(c.to)}` : `${c.field}: ${shown(c.from)} → ${shown(c.to)}`));
  if (action.action === 'replace') lines.unshift(`${action.record} is closed: a new record is created and closed as the file says; the old one stays as history.`);
  if (action.action === 'adopt') lines.unshift(`${action.record} has the file's folder and name and no key: it becomes this file's record.`);
  return lines;
}
