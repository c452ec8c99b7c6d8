// Answers the language server's platform lookups from the API, with a short-lived cache so
// typing never multiplies requests. Each lookup has its own short timeout: a slow or absent
// platform makes the answer `unavailable` quickly and the server keeps its pure results.
import type { ObjectSummary, PlatformAnswer, PlatformQuery } from '../../../protocol/messages';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { userMessageOf } from '../../../platform/src/errors';
import { describeProject, findProjects, projectFolders } from '../../../platform/src/records/projects';

export interface PlatformCacheOptions {
  ttlMs?: number;
  /** How long an unreachable platform is remembered as such (no request meanwhile). */
  unavailableTtlMs?: number;
  timeoutMs?: number;
  now?: () => number;
  log?: (message: string) => void;
}

const OBJECT_FIELDS = { id: true, project: true, class: true, name: true, state: true, folder: true };
const OBJECTS_PAGE = 100;
const DESCRIBE_BATCH = 1000;

export class PlatformCache {
  readonly #entries = new Map<string, { expires: number; answer: Promise<PlatformAnswer> }>();
  readonly #ttlMs: number;
  readonly #unavailableTtlMs: number;
  readonly #timeoutMs: number;
  readonly #now: () => number;

  constructor(
    private readonly getClient: () => DxApiClient | undefined,
    private readonly options: PlatformCacheOptions = {},
  ) {
    this.#ttlMs = options.ttlMs ?? 60_000;
    this.#unavailableTtlMs = options.unavailableTtlMs ?? 10_000;
    this.#timeoutMs = options.timeoutMs ?? 3_000;
    this.#now = options.now ?? Date.now;
  }

  invalidate(): void {
    this.#entries.clear();
  }

  /** The caller's signal only stops waiting; the shared request still fills the cache. */
  async answer(query: PlatformQuery, signal?: AbortSignal): Promise<PlatformAnswer> {
    const answer = query.kind === 'describe' ? this.#describe(query.ids, query.project) : this.#cached(JSON.stringify(query), () => this.#fetch(query));
    if (!signal) return answer;
    const cancelled = new Promise<PlatformAnswer>((resolve) => {
      if (signal.aborted) resolve({ kind: 'unavailable', reason: 'cancelled' });
      signal.addEventListener('abort', () => resolve({ kind: 'unavailable', reason: 'cancelled' }), { once: true });
    });
    return Promise.race([answer, cancelled]);
  }

  #cached(key: string, fetch: () => Promise<PlatformAnswer>): Promise<PlatformAnswer> {
    const entry = this.#entries.get(key);
    if (entry && entry.expires > this.#now()) return entry.answer;
    return this.#store(key, fetch());
  }

  #store(key: string, answer: Promise<PlatformAnswer>): Promise<PlatformAnswer> {
    this.#entries.set(key, { expires: this.#now() + this.#ttlMs, answer });
    void answer.then((a) => {
      if (a.kind === 'unavailable' && this.#entries.get(key)?.answer === answer) {
        this.#entries.set(key, { expires: this.#now() + this.#unavailableTtlMs, answer });
      }
    });
    return answer;
  }

  /** Cached per ID, so editing one link in a large file asks only about that one. */
  async #describe(ids: string[], project: string | undefined): Promise<PlatformAnswer> {
    const key = (id: string) => `describe:${project ?? ''}:${id}`;
    const missing = ids.filter((id) => !((this.#entries.get(key(id))?.expires ?? 0) > this.#now()));
    if (missing.length) {
      const batch = this.#fetch({ kind: 'describe', ids: missing, ...(project ? { project } : {}) });
      for (const id of missing) {
        this.#store(key(id), batch.then((a): PlatformAnswer => (a.kind === 'objects' ? { kind: 'objects', objects: a.objects.filter((o) => o.id === id) } : a)));
      }
    }
    const answers = await Promise.all(ids.map((id) => this.#entries.get(key(id))!.answer));
    return answers.find((a) => a.kind === 'unavailable') ?? { kind: 'objects', objects: answers.flatMap((a) => (a.kind === 'objects' ? a.objects : [])) };
  }

  async #fetch(query: PlatformQuery): Promise<PlatformAnswer> {
    const client = this.getClient();
    if (!client) return { kind: 'unavailable', reason: 'signed out' };
    const signal = AbortSignal.timeout(this.#timeoutMs);
    try {
      switch (query.kind) {
        case 'projects':
          return { kind: 'projects', projects: await findProjects(client, signal) };
        case 'project': {
          const project = await describeProject(client, query.id, signal);
          return { kind: 'projects', projects: project ? [project] : [] };
        }
        case 'folders':
          return { kind: 'folders', folders: await projectFolders(client, query.project, signal) };
        case 'objects':
          return { kind: 'objects', objects: await projectObjects(client, query.project, query.classes, signal) };
        case 'describe':
          return { kind: 'objects', objects: await describeObjects(client, query.ids, query.project, signal) };
      }
    } catch (error) {
      const reason = userMessageOf(error);
      this.options.log?.(`platform lookup ${query.kind} unavailable: ${reason}`);
      return { kind: 'unavailable', reason };
    }
  }
}

function summary(d: ObjectSummary): ObjectSummary {
  return { id: d.id, project: d.project, class: d.class, name: d.name, state: d.state, folder: d.folder };
}

async function projectObjects(client: DxApiClient, project: string, classes: string[], signal: AbortSignal): Promise<ObjectSummary[]> {
  const pages = await Promise.all(
    classes.map((cls) =>
      client.call<{ results: { describe: ObjectSummary }[] }>(
        '/system/findDataObjects',
        { class: cls, scope: { project, recurse: true }, visibility: 'either', describe: { fields: OBJECT_FIELDS }, limit: OBJECTS_PAGE },
        { signal },
      ),
    ),
  );
  return pages.flatMap((page) => page.results.map((r) => summary(r.describe)));
}

/** IDs the user cannot see (or that do not exist) are left out. At most 1000 IDs per call (docs/platform-notes.md#batch-sizes). */
async function describeObjects(client: DxApiClient, ids: string[], project: string | undefined, signal: AbortSignal): Promise<ObjectSummary[]> {
  const batches = Array.from({ length: Math.ceil(ids.length / DESCRIBE_BATCH) }, (_, i) => ids.slice(i * DESCRIBE_BATCH, (i + 1) * DESCRIBE_BATCH));
  const outs = await Promise.all(
    batches.map((objects) =>
      client.call<{ results: ({ describe?: ObjectSummary } | null)[] }>(
        '/system/describeDataObjects',
        { objects: project ? objects.map((id) => ({ id, project })) : objects, classDescribeOptions: { '*': { fields: OBJECT_FIELDS } } },
        { signal },
      ),
    ),
  );
  return outs.flatMap((out) => out.results.flatMap((r) => (r?.describe?.id ? [summary(r.describe)] : [])));
}
