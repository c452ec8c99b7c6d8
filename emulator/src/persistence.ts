// Saves state to a JSON file with atomic writes (temp file + rename), debounced, and loads it back.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { jsonText } from '../../common/jsonText.js';
import { defaultSettings, isLevel, type Container, type Copy, type DataObject, type EmulatorState, type Level, type NonceEntry, type User } from './state.js';

const FORMAT = 'dxrecord-emulator-state';
const VERSION = 1;

interface Snapshot {
  format: string;
  version: number;
  users: User[];
  containers: (Omit<Container, 'folders' | 'permissions'> & { folders: string[]; permissions: Record<string, Level> })[];
  objects: (Omit<DataObject, 'copies'> & { copies: Record<string, Copy> })[];
  nonces: Record<string, NonceEntry>;
}

export function snapshot(state: EmulatorState): Snapshot {
  state.pruneNonces();
  return {
    format: FORMAT,
    version: VERSION,
    users: [...state.users.values()],
    containers: [...state.containers.values()].map((c) => ({ ...c, folders: [...c.folders], permissions: Object.fromEntries(c.permissions) })),
    objects: [...state.objects.values()].map((o) => ({ ...o, copies: Object.fromEntries(o.copies) })),
    nonces: Object.fromEntries(state.nonces),
  };
}

export function restore(state: EmulatorState, data: unknown): void {
  const snap = data as Snapshot;
  if (snap?.format !== FORMAT || snap.version !== VERSION) throw new Error('not an emulator state file (unknown format or version)');
  for (const user of snap.users) state.users.set(user.id, user);
  for (const c of snap.containers) {
    const permissions = new Map(Object.entries(c.permissions).filter((e): e is [string, Level] => isLevel(e[1])));
    // State saved before projects had settings gets the defaults.
    state.containers.set(c.id, { ...defaultSettings(c.createdBy), ...c, folders: new Set(c.folders), permissions });
  }
  // A file saved while closing has long finished closing by the time the emulator restarts.
  for (const o of snap.objects) {
    const object: DataObject = { ...o, state: o.state === 'closing' ? 'closed' : o.state, copies: new Map() };
    for (const [containerId, copy] of Object.entries(o.copies)) state.putCopy(object, containerId, copy);
  }
  for (const [key, entry] of Object.entries(snap.nonces)) state.nonces.set(key, entry);
}

/** Loads `file` into `state` when it exists; returns whether it did. */
export function loadStateFile(state: EmulatorState, file: string): boolean {
  if (!existsSync(file)) return false;
  try {
    restore(state, JSON.parse(readFileSync(file, 'utf8')));
  } catch (error) {
    throw new Error(`Cannot load emulator state from ${file}: ${(error as Error).message}`);
  }
  return true;
}

function saveStateFile(state: EmulatorState, file: string): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, jsonText(snapshot(state)), { mode: 0o600 });
  renameSync(temp, file);
}

/** Coalesces bursts of changes into one write; `flush` writes any unsaved change now. */
export class DebouncedSaver {
  private timer: NodeJS.Timeout | undefined;
  private dirty = false;

  constructor(
    private readonly state: EmulatorState,
    private readonly file: string,
    /** A background save that fails must not crash the server; it is reported and retried later. */
    private readonly onError: (error: Error) => void,
    private readonly delayMs = 100,
  ) {}

  markDirty(): void {
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      try {
        this.flush();
      } catch (error) {
        this.onError(error as Error);
      }
    }, this.delayMs);
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    saveStateFile(this.state, this.file);
    this.dirty = false;
  }
}
