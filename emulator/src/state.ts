// The emulator's in-memory platform: users, containers, data objects with per-project copies,
// folders, permissions and nonces. Pure (no HTTP), so it can be driven directly in tests.
import { randomBytes } from 'node:crypto';
import { ApiError, entityNotFound, invalidInput, notFound, permissionDenied } from './errors.js';
import { CopyOrder } from './copyOrder.js';
import { folderChain } from './folders.js';
import { cryptoRandomInt, mintId, type RandomInt } from './ids.js';

export const LEVELS = ['NONE', 'VIEW', 'UPLOAD', 'CONTRIBUTE', 'ADMINISTER'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

export function isLevel(value: unknown): value is Level {
  return typeof value === 'string' && (LEVELS as readonly string[]).includes(value);
}

export interface User {
  id: string;
  handle: string;
  token: string;
  first: string;
  last: string;
  email: string;
  created: number;
}

export interface Container extends ContainerSettings {
  id: string;
  class: 'project' | 'container';
  name: string;
  summary: string;
  description: string;
  tags: string[];
  properties: Record<string, string>;
  created: number;
  modified: number;
  createdBy: string;
  region: string;
  protected: boolean;
  folders: Set<string>;
  permissions: Map<string, Level>;
}

/** Access flags and billing of a project, all changeable through /project-xxxx/update. */
export interface ContainerSettings {
  billTo: string;
  restricted: boolean;
  downloadRestricted: boolean;
  previewViewerRestricted: boolean;
  externalUploadRestricted: boolean;
  containsPHI: boolean;
  databaseUIViewOnly: boolean;
  /** Minimum rows a VIEW member may get back from a database query; null when unrestricted. */
  databaseResultsRestricted: number | null;
  allowedExecutables: string[] | null;
  /** Bumped by every update, so a client can make an update conditional on what it last saw. */
  version: number;
}

export function defaultSettings(billTo: string): ContainerSettings {
  return {
    billTo,
    restricted: false,
    downloadRestricted: false,
    previewViewerRestricted: false,
    externalUploadRestricted: false,
    containsPHI: false,
    databaseUIViewOnly: false,
    databaseResultsRestricted: null,
    allowedExecutables: null,
    version: 1,
  };
}

/** Metadata that belongs to one project's copy of an object. */
export interface Copy {
  name: string;
  folder: string;
  tags: string[];
  properties: Record<string, string>;
  created: number;
  /** Changed only through EmulatorState.stamp, which keeps find's order index. */
  modified: number;
}

/** One uploaded part of a file: announced by /file-xxxx/upload (pending), filled by the PUT (complete). */
export interface FilePart {
  /** -1 (and md5 "") until the PUT when the announcement did not say. */
  size: number;
  md5: string;
  state: 'pending' | 'complete';
  /** The part's bytes, base64, once complete. */
  data?: string;
}

/** What a file object holds beyond the metadata every data object has. */
export interface FileContent {
  media: string;
  parts: Record<string, FilePart>;
}

/** A pre-authenticated transfer URL handed out by /file-xxxx/upload or /file-xxxx/download. */
export type TransferGrant =
  | { kind: 'upload'; fileId: string; index: number; expires: number }
  | { kind: 'download'; fileId: string; filename: string; expires: number };

export interface DataObject {
  id: string;
  class: string;
  created: number;
  createdBy: string;
  state: 'open' | 'closing' | 'closed';
  hidden: boolean;
  types: string[];
  details: unknown;
  links: string[];
  copies: Map<string, Copy>;
  /** Present on files only. */
  file?: FileContent;
}

export interface NonceEntry {
  input: string;
  response: unknown;
  at: number;
}

/** Short enough that a client's next command finds an uploaded file closed, as it usually would. */
export const DEFAULT_FILE_CLOSING_MS = 200;

/** The emulator replays a nonce for as long as the platform promises to (docs/platform-notes.md#nonces). */
export { NONCE_LIFETIME_MS as NONCE_RETENTION_MS } from '../../common/nonce.js';
import { NONCE_LIFETIME_MS as NONCE_RETENTION_MS } from '../../common/nonce.js';

export interface ContainerOrders {
  modified: CopyOrder<DataObject, Copy>;
  created: CopyOrder<DataObject, Copy>;
}

export class EmulatorState {
  readonly users = new Map<string, User>();
  readonly containers = new Map<string, Container>();
  readonly objects = new Map<string, DataObject>();
  readonly nonces = new Map<string, NonceEntry>();
  /** Transfer URLs by their secret; short-lived, so never persisted. */
  readonly transfers = new Map<string, TransferGrant>();
  random: RandomInt = cryptoRandomInt;
  detailsLimitBytes?: number;
  /** How long a file stays "closing" when nobody describes it (see routes/files.ts). */
  fileClosingMs = DEFAULT_FILE_CLOSING_MS;
  /** Closing files by ID, with the time (Date.now) at which they become closed. */
  readonly closingUntil = new Map<string, number>();
  private clock: () => number = Date.now;
  private lastTime = 0;
  /** Per container, its copies in find order; kept by putCopy, stamp and removeCopy. */
  private readonly orders = new Map<string, ContainerOrders>();

  /** Milliseconds, strictly increasing, so "newest modified first" is never ambiguous within a run. */
  now(): number {
    this.lastTime = Math.max(this.clock(), this.lastTime + 1);
    return this.lastTime;
  }

  setClock(clock: () => number): void {
    this.clock = clock;
  }

  mint(cls: string): string {
    for (;;) {
      const id = mintId(cls, this.random);
      if (!this.objects.has(id) && !this.containers.has(id)) return id;
    }
  }

  createUser(handle?: string, token?: string): User {
    const chosen = handle ?? this.unusedHandle();
    const id = `user-${chosen}`;
    if (this.users.has(id)) throw invalidInput(`The user handle "${chosen}" is already taken`);
    const user: User = {
      id,
      handle: chosen,
      token: token ?? randomBytes(24).toString('hex'),
      first: chosen,
      last: 'Emulated',
      email: `${chosen}@example.invalid`,
      created: this.now(),
    };
    this.users.set(id, user);
    return user;
  }

  private unusedHandle(): string {
    for (let n = this.users.size + 1; ; n++) if (!this.users.has(`user-user${n}`)) return `user${n}`;
  }

  userForToken(token: string): User | undefined {
    for (const user of this.users.values()) if (user.token === token) return user;
    return undefined;
  }

  /** `id` is for seeded data that must match IDs published elsewhere; normally the ID is minted. */
  createContainer(ownerId: string, name: string, cls: 'project' | 'container' = 'project', id?: string): Container {
    if (id !== undefined && (this.containers.has(id) || this.objects.has(id))) throw invalidInput(`The ID ${id} is already taken`);
    const now = this.now();
    const container: Container = {
      ...defaultSettings(ownerId),
      id: id ?? this.mint(cls),
      class: cls,
      name,
      summary: '',
      description: '',
      tags: [],
      properties: {},
      created: now,
      modified: now,
      createdBy: ownerId,
      region: 'aws:us-east-1',
      protected: false,
      folders: new Set(['/']),
      permissions: new Map([[ownerId, 'ADMINISTER']]),
    };
    this.containers.set(container.id, container);
    return container;
  }

  levelOf(userId: string, containerId: string): Level {
    return this.containers.get(containerId)?.permissions.get(userId) ?? 'NONE';
  }

  grant(containerId: string, userId: string, level: Level): void {
    const container = this.requireContainer(containerId);
    if (level === 'NONE') container.permissions.delete(userId);
    else container.permissions.set(userId, level);
  }

  requireContainer(id: string): Container {
    const container = this.containers.get(id);
    if (!container) throw entityNotFound(id);
    return container;
  }

  /** The container, if the caller holds at least `level` there. */
  containerWithLevel(userId: string, id: string, level: Level): Container {
    const container = this.requireContainer(id);
    requireLevel(this.levelOf(userId, id), level, id);
    return container;
  }

  requireObject(id: string): DataObject {
    const object = this.objects.get(id);
    if (!object) throw entityNotFound(id);
    return object;
  }

  /** Checks that `folder` exists, or creates it with its ancestors when `parents` is true. */
  ensureFolder(container: Container, folder: string, parents: boolean): void {
    if (container.folders.has(folder)) return;
    if (!parents) throw folderNotFound(folder, container.id);
    for (const f of folderChain(folder)) container.folders.add(f);
  }

  requireFolder(container: Container, folder: string): void {
    if (!container.folders.has(folder)) throw folderNotFound(folder, container.id);
  }

  /** Adds or replaces an object's copy in a container (and the object, when new). */
  putCopy(object: DataObject, containerId: string, copy: Copy): void {
    object.copies.set(containerId, copy);
    this.objects.set(object.id, object);
    const orders = this.ordersIn(containerId);
    orders.modified.set(object, copy, copy.modified);
    orders.created.set(object, copy, object.created);
  }

  /** Sets `modified` of the object's copy in a container: the only way it changes. */
  stamp(object: DataObject, containerId: string, time: number): void {
    const copy = object.copies.get(containerId);
    if (!copy) return;
    copy.modified = time;
    this.ordersIn(containerId).modified.set(object, copy, time);
  }

  /** Removes a copy; an object with no copies left is gone. */
  removeCopy(object: DataObject, containerId: string): void {
    object.copies.delete(containerId);
    if (object.copies.size === 0) this.objects.delete(object.id);
    const orders = this.orders.get(containerId);
    orders?.modified.delete(object.id);
    orders?.created.delete(object.id);
  }

  /** The container's copies ordered by modified and by the object's created time. */
  ordersIn(containerId: string): ContainerOrders {
    let orders = this.orders.get(containerId);
    if (!orders) {
      orders = { modified: new CopyOrder(), created: new CopyOrder() };
      this.orders.set(containerId, orders);
    }
    return orders;
  }

  /** Copies in `containerId`, optionally limited to a folder. */
  *copiesIn(containerId: string): Generator<[DataObject, Copy]> {
    for (const object of this.objects.values()) {
      const copy = object.copies.get(containerId);
      if (copy) yield [object, copy];
    }
  }

  /** Bumps `modified` on every copy, for changes to global metadata (details, types, hidden, state). */
  touchObject(object: DataObject): void {
    const now = this.now();
    for (const containerId of object.copies.keys()) this.stamp(object, containerId, now);
  }

  /** The highest level the caller holds on any project containing the object. */
  bestLevelOn(userId: string, object: DataObject): Level {
    let best: Level = 'NONE';
    for (const containerId of object.copies.keys()) {
      const level = this.levelOf(userId, containerId);
      if (levelRank(level) > levelRank(best)) best = level;
    }
    return best;
  }

  /**
   * The copy whose metadata describe/getDetails report: the `project` hint when the caller can
   * view it and it holds the object, otherwise any copy the caller can view.
   */
  visibleCopy(userId: string, object: DataObject, hint: string | undefined): [string, Copy] {
    if (hint !== undefined) {
      this.requireContainer(hint);
      requireLevel(this.levelOf(userId, hint), 'VIEW', hint);
      const copy = object.copies.get(hint);
      if (copy) return [hint, copy];
    }
    for (const projectId of [...object.copies.keys()].sort()) {
      if (levelRank(this.levelOf(userId, projectId)) >= levelRank('VIEW')) return [projectId, object.copies.get(projectId) as Copy];
    }
    throw permissionDenied(`VIEW permission required in a project containing ${object.id} to perform this action`);
  }

  /** Files whose closing time has come are closed. */
  settleClosing(): void {
    const now = Date.now();
    for (const [id, until] of this.closingUntil) {
      if (until > now) continue;
      const object = this.objects.get(id);
      if (object?.state === 'closing') object.state = 'closed';
      this.closingUntil.delete(id);
    }
  }

  pruneNonces(): void {
    const cutoff = this.now() - NONCE_RETENTION_MS;
    for (const [key, entry] of this.nonces) if (entry.at < cutoff) this.nonces.delete(key);
  }
}

export function requireLevel(have: Level, need: Level, containerId: string): void {
  if (levelRank(have) < levelRank(need)) {
    throw permissionDenied(`${need} permission required in ${containerId} to perform this action`);
  }
}

export function folderNotFound(folder: string, containerId: string): ApiError {
  return notFound(`The folder "${folder}" could not be found in ${containerId}`);
}
