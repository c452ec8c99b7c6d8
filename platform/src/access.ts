// The access level each route needs (docs/platform-notes.md#permissions), to say what a
// PermissionDenied was about: "creating a record needs UPLOAD access on project-…".
import { CREATE_RECORD_LEVEL } from '../../common/dxAccess';

export interface RequiredAccess {
  operation: string;
  level: string;
  container: string;
}

const DATA_OBJECT_LEVELS: Record<string, string> = {
  describe: 'VIEW',
  getDetails: 'VIEW',
  listProjects: 'VIEW',
  setDetails: 'UPLOAD',
  addTypes: 'UPLOAD',
  removeTypes: 'UPLOAD',
  setVisibility: 'UPLOAD',
  close: 'UPLOAD',
  rename: 'UPLOAD (CONTRIBUTE if the object is closed)',
  setProperties: 'UPLOAD (CONTRIBUTE if the object is closed)',
  addTags: 'UPLOAD (CONTRIBUTE if the object is closed)',
  removeTags: 'UPLOAD (CONTRIBUTE if the object is closed)',
};

const CONTAINER_LEVELS: Record<string, string> = {
  describe: 'VIEW',
  listFolder: 'VIEW',
  newFolder: 'UPLOAD',
  removeObjects: 'CONTRIBUTE',
  removeFolder: 'CONTRIBUTE',
  move: 'CONTRIBUTE',
  renameFolder: 'CONTRIBUTE',
  destroy: 'ADMINISTER',
};

function projectOf(input: unknown): string | undefined {
  if (input && typeof input === 'object' && 'project' in input) {
    const project = (input as { project: unknown }).project;
    if (typeof project === 'string') return project;
  }
  return undefined;
}

export function requiredAccess(route: string, input: unknown): RequiredAccess | undefined {
  if (route === '/record/new') {
    return { operation: 'creating a record', level: CREATE_RECORD_LEVEL, container: projectOf(input) ?? 'the target project' };
  }
  const match = /^\/([a-z]+-[^/]+)\/([A-Za-z]+)$/.exec(route);
  if (!match) return undefined;
  const [, id, method] = match;
  if (id.startsWith('project-') || id.startsWith('container-')) {
    const level = CONTAINER_LEVELS[method];
    return level ? { operation: method, level, container: id } : undefined;
  }
  const level = DATA_OBJECT_LEVELS[method];
  if (!level) return undefined;
  return { operation: `${method} of ${id}`, level, container: projectOf(input) ?? `the project holding ${id}` };
}
