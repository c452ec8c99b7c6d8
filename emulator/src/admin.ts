// Administration for tests and tools: create users and projects, grant access, inject faults,
// count and inspect objects. Available programmatically and as POST /_emulator/* on 127.0.0.1 with
// the run's admin secret.
import { describeObject, OBJECT_LEGACY_FLAGS, parseFieldSelection } from './describe.js';
import { ApiError, entityNotInContainer, invalidInput } from './errors.js';
import { faultProblem, type FaultQueue, type FaultSpec } from './faults.js';
import { isObject } from './input.js';
import type { RequestLog, RequestRecord } from './requestLog.js';
import { isLevel, type EmulatorState, type Level } from './state.js';

export interface EmulatorAdmin {
  createUser(handle?: string): { userId: string; token: string };
  createProject(ownerUserId: string, name: string): string;
  /** Creates a generic `container-xxxx` (users cannot; the platform makes them for jobs). */
  createContainer(ownerUserId: string, name: string): string;
  grant(projectId: string, userId: string, level: Level): void;
  injectFault(fault: FaultSpec): void;
  clearFaults(): void;
  countObjects(filter?: { projectId?: string; class?: string }): number;
  describe(id: string, projectId?: string): unknown;
  /** The most recent API requests (admin ones excluded), oldest first; see `requestLogLimit`. */
  requestLog(): RequestRecord[];
  /** API requests served since the start, including those the bounded log no longer holds. */
  requestCount(): number;
}

export function createAdmin(
  state: EmulatorState,
  faults: FaultQueue,
  requests: RequestLog,
  onMutation: () => void,
): EmulatorAdmin {
  const requireUser = (userId: string): void => {
    if (!state.users.has(userId)) throw new ApiError('ResourceNotFound', `The user "${userId}" could not be found`);
  };
  const newContainer = (cls: 'project' | 'container') => (ownerUserId: string, name: string): string => {
    requireUser(ownerUserId);
    const id = state.createContainer(ownerUserId, name, cls).id;
    onMutation();
    return id;
  };
  return {
    createUser(handle) {
      if (handle !== undefined && !/^[a-zA-Z0-9._-]+$/.test(handle)) throw invalidInput(`Invalid user handle "${handle}"`);
      const user = state.createUser(handle);
      onMutation();
      return { userId: user.id, token: user.token };
    },
    createProject: newContainer('project'),
    createContainer: newContainer('container'),
    grant(projectId, userId, level) {
      if (!isLevel(level)) throw invalidInput(`Invalid level "${String(level)}"`);
      requireUser(userId);
      state.grant(projectId, userId, level);
      onMutation();
    },
    injectFault: (fault) => faults.add(fault),
    clearFaults: () => faults.clear(),
    countObjects(filter = {}) {
      let count = 0;
      for (const object of state.objects.values()) {
        if (filter.class !== undefined && object.class !== filter.class) continue;
        if (filter.projectId !== undefined && !object.copies.has(filter.projectId)) continue;
        count++;
      }
      return count;
    },
    describe(id, projectId) {
      const container = state.containers.get(id);
      if (container) return { ...container, folders: [...container.folders].sort(), permissions: Object.fromEntries(container.permissions) };
      const object = state.requireObject(id);
      const chosen = projectId ?? [...object.copies.keys()].sort()[0];
      const copy = object.copies.get(chosen);
      if (!copy) throw entityNotInContainer(id, chosen);
      return describeObject(object, chosen, copy, parseFieldSelection({ properties: true, details: true }, OBJECT_LEGACY_FLAGS));
    },
    requestLog: () => requests.entries(),
    requestCount: () => requests.total,
  };
}

const str = (v: unknown, key: string): string => {
  if (typeof v !== 'string') throw invalidInput(`Expected key "${key}" of input to be a string`);
  return v;
};

/** POST /_emulator/<action> dispatch for other processes (e.g. the e2e harness). */
export function handleAdminRequest(admin: EmulatorAdmin, path: string, input: unknown): unknown {
  const body = isObject(input) ? input : {};
  switch (path) {
    case '/_emulator/users':
      return admin.createUser(body.handle === undefined ? undefined : str(body.handle, 'handle'));
    case '/_emulator/projects':
      return { id: admin.createProject(str(body.ownerUserId, 'ownerUserId'), str(body.name, 'name')) };
    case '/_emulator/containers':
      return { id: admin.createContainer(str(body.ownerUserId, 'ownerUserId'), str(body.name, 'name')) };
    case '/_emulator/grant':
      admin.grant(str(body.projectId, 'projectId'), str(body.userId, 'userId'), str(body.level, 'level') as Level);
      return {};
    case '/_emulator/faults': {
      const problem = faultProblem(input);
      if (problem) throw invalidInput(problem);
      admin.injectFault(input as unknown as FaultSpec);
      return {};
    }
    case '/_emulator/faults/clear':
      admin.clearFaults();
      return {};
    case '/_emulator/count': {
      const filter: { projectId?: string; class?: string } = {};
      if (body.projectId !== undefined) filter.projectId = str(body.projectId, 'projectId');
      if (body.class !== undefined) filter.class = str(body.class, 'class');
      return { count: admin.countObjects(filter) };
    }
    case '/_emulator/describe':
      return admin.describe(str(body.id, 'id'), body.projectId === undefined ? undefined : str(body.projectId, 'projectId'));
    case '/_emulator/requests':
      return { requests: admin.requestLog(), total: admin.requestCount() };
    default:
      throw new ApiError('ResourceNotFound', `The admin route "${path}" could not be found`);
  }
}
