// /project-xxxx/update, and the access flags /project/new accepts too (docs/emulator-platform.md).
import { ApiError, invalidInput, invalidState } from '../errors.js';
import { hashIdClass } from '../ids.js';
import { expectedKey, expectInputObject, optBool, optString, type JsonObject } from '../input.js';
import { checkName } from '../metadata.js';
import { requireLevel, type Container, type EmulatorState, type Level } from '../state.js';
import type { CallContext } from './context.js';
import { routeContainer } from './routeContainer.js';

const FLAGS = [
  'protected', 'restricted', 'downloadRestricted', 'previewViewerRestricted', 'externalUploadRestricted', 'containsPHI',
  'databaseUIViewOnly',
] as const;
type Flag = (typeof FLAGS)[number];

type SettingsChange = Partial<Pick<Container, Flag | 'billTo' | 'databaseResultsRestricted' | 'allowedExecutables'>>;

/** The flags, billing and restrictions in `obj`, type-checked; nothing is applied yet. */
export function parseSettings(state: EmulatorState, obj: JsonObject): SettingsChange {
  const change: SettingsChange = {};
  for (const flag of FLAGS) {
    const value = optBool(obj, flag);
    if (value !== undefined) change[flag] = value;
  }
  const billTo = optString(obj, 'billTo');
  if (billTo !== undefined) {
    // Orgs do not exist in the emulator, so only a known user can pay.
    if (!state.users.has(billTo)) throw invalidInput(`The billTo "${billTo}" is not a user or org that exists`);
    change.billTo = billTo;
  }
  if (obj.databaseResultsRestricted !== undefined) {
    const value = obj.databaseResultsRestricted;
    if (value !== null && !(Number.isInteger(value) && (value as number) > 0)) {
      throw expectedKey('databaseResultsRestricted', 'a positive integer or null');
    }
    change.databaseResultsRestricted = value as number | null;
  }
  if (obj.allowedExecutables !== undefined) {
    const value = obj.allowedExecutables;
    if (value !== null && !(Array.isArray(value) && value.every((v) => typeof v === 'string'))) {
      throw expectedKey('allowedExecutables', 'an array of strings or null');
    }
    change.allowedExecutables = value === null ? null : [...new Set(value as string[])];
  }
  return change;
}

/**
 * Applies a settings change after the platform's consistency rules: PHI cannot be unset, and a
 * download-restricted project keeps its previews restricted until that is lifted explicitly.
 */
export function applySettings(container: Container, change: SettingsChange): void {
  if (change.containsPHI === false && container.containsPHI) throw invalidInput('containsPHI cannot be unset once it is true');
  const next = { ...container, ...change };
  if (change.downloadRestricted === true && change.previewViewerRestricted === undefined) next.previewViewerRestricted = true;
  if (next.previewViewerRestricted && !next.downloadRestricted) {
    throw invalidInput('previewViewerRestricted must be set to false before downloadRestricted can be set to false');
  }
  Object.assign(container, next);
}

/** CONTRIBUTE may edit the descriptive fields; everything that controls access or billing needs ADMINISTER. */
function levelFor(change: SettingsChange): Level {
  return Object.keys(change).length > 0 ? 'ADMINISTER' : 'CONTRIBUTE';
}

export function updateProject(ctx: CallContext, input: unknown): unknown {
  if (hashIdClass(ctx.entity) !== 'project') throw new ApiError('ResourceNotFound', `The route "${ctx.route}" could not be found`);
  const obj = expectInputObject(input);
  const name = obj.name === undefined ? undefined : checkName(obj.name);
  const summary = optString(obj, 'summary');
  const description = optString(obj, 'description');
  const version = obj.version;
  if (version !== undefined && !Number.isInteger(version)) throw expectedKey('version', 'an integer');
  const change = parseSettings(ctx.state, obj);
  const { container, level } = routeContainer(ctx, 'CONTRIBUTE');
  requireLevel(level, levelFor(change), container.id);
  if (version !== undefined && version !== container.version) {
    throw invalidState(`The project is at version ${container.version}, not ${String(version)}`);
  }
  applySettings(container, change);
  if (name !== undefined) container.name = name;
  if (summary !== undefined) container.summary = summary;
  if (description !== undefined) container.description = description;
  container.version += 1;
  container.modified = ctx.state.now();
  return { id: container.id };
}
