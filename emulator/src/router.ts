// Maps a path to its handler: /system/<method>, /<class>/new, /<entity-id>/<method>.
import { ApiError } from './errors.js';
import { DATA_OBJECT_CLASSES } from '../../common/dxIds.js';
import { hashIdClass } from './ids.js';
import type { RouteDef } from './routes/context.js';
import { containerRoutes, projectNewRoutes } from './routes/containers.js';
import { fileRoutes } from './routes/files.js';
import { dataObjectRoutes, dataObjectNewRoutes } from './routes/records.js';
import { systemRoutes, userRoutes } from './routes/system.js';

export interface ResolvedRoute extends RouteDef {
  entity: string;
}

const NEW_ROUTES: Record<string, RouteDef> = { ...dataObjectNewRoutes, ...projectNewRoutes };
const FILE_ROUTES: Record<string, RouteDef> = { ...dataObjectRoutes, ...fileRoutes };

function familyFor(entity: string): Record<string, RouteDef> | undefined {
  if (entity.startsWith('user-')) return userRoutes;
  const cls = hashIdClass(entity);
  if (cls === 'project' || cls === 'container') return containerRoutes;
  // Every data-object class shares the /class-xxxx/ methods; only records and files are ever created here.
  if (cls === 'file') return FILE_ROUTES;
  if ((DATA_OBJECT_CLASSES as readonly (string | undefined)[]).includes(cls)) return dataObjectRoutes;
  return undefined;
}

export function resolveRoute(path: string): ResolvedRoute {
  const match = /^\/([^/]+)\/([^/]+)$/.exec(path);
  if (match) {
    const [, first, method] = match;
    let def: RouteDef | undefined;
    if (first === 'system') def = pick(systemRoutes, method);
    else if (method === 'new') def = pick(NEW_ROUTES, first);
    else {
      const table = familyFor(first);
      def = table && pick(table, method);
    }
    if (def) return { ...def, entity: first };
  }
  throw new ApiError('ResourceNotFound', `The route "${path}" could not be found`);
}

function pick<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.prototype.hasOwnProperty.call(table, key) ? table[key] : undefined;
}

/** The route with its entity ID generalised, e.g. "/record-xxxx/describe", for fault matching. */
export function routeTemplate(path: string): string {
  return path.replace(/^\/([a-z]+)-[0-9A-Za-z]{24}\//, '/$1-xxxx/');
}
