// The records tree without VS Code: project → folders → records, loaded lazily one level at a
// time. The root request (findProjects) also brings each project's folder paths, so opening any
// level costs one request: the first page of its records (findDataObjects, scope folder, recurse
// false). More records come one page per "Load more…" through the API's `starting`/`next` cursor.
// A server that does not return folders with findProjects costs a listFolder per level instead.
// Under a filter the platform searches each project once, when it is opened, for the folders
// holding matches: only those folders (and the ones above them) are listed.
import type { ProjectSummary } from '../../../protocol/messages';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { userMessageOf } from '../../../platform/src/errors';
import { findProjects } from '../../../platform/src/records/projects';
import { filterQuery, type RecordFilter } from './recordFilter';

const PAGE_SIZE = 100;

export interface RecordSummary {
  id: string;
  project: string;
  name: string;
  state: string;
  hidden: boolean;
  modified: number;
  folder: string;
  tags: string[];
  types: string[];
}

export type ContainerNode =
  | { kind: 'project'; key: string; project: ProjectSummary; path: '/' }
  | { kind: 'folder'; key: string; project: ProjectSummary; path: string };
export type TreeNode =
  | ContainerNode
  | { kind: 'record'; key: string; record: RecordSummary }
  | { kind: 'loadMore'; key: string; parent: ContainerNode }
  | { kind: 'error'; key: string; message: string; parent?: ContainerNode }
  | { kind: 'noMatch'; key: string; filter: RecordFilter };

interface Listing {
  folders: ContainerNode[];
  records: TreeNode[];
  next: unknown;
  error?: string;
}

interface FindPage {
  results: { id: string; project: string; describe: Omit<RecordSummary, 'project'> & { project?: string } }[];
  next: unknown;
}

const RECORD_FIELDS = { id: true, name: true, state: true, hidden: true, modified: true, folder: true, tags: true, types: true };
const SEARCH_PAGE = 1000;

export class RecordsTreeData {
  readonly #listings = new Map<string, Listing>();
  readonly #parents = new WeakMap<TreeNode, ContainerNode>();
  /** Every folder path per project, from the root request. */
  readonly #folders = new Map<string, string[]>();
  /** Under a filter: per project, the folders that hold a matching record. */
  readonly #matchedFolders = new Map<string, Promise<Set<string>>>();
  #roots: Promise<TreeNode[]> | undefined;
  filter: RecordFilter | undefined;

  constructor(
    private readonly getClient: () => DxApiClient | undefined,
    private readonly pageSize = PAGE_SIZE,
    private readonly searchPageSize = SEARCH_PAGE,
  ) {}

  refresh(node?: ContainerNode): void {
    if (!node) {
      this.#listings.clear();
      this.#folders.clear();
      this.#matchedFolders.clear();
      this.#roots = undefined;
      return;
    }
    this.#matchedFolders.delete(node.project.id);
    const below = node.path === '/' ? `${node.project.id}:/` : `${node.key}/`;
    for (const key of [...this.#listings.keys()]) if (key === node.key || key.startsWith(below)) this.#listings.delete(key);
  }

  setFilter(filter: RecordFilter | undefined): void {
    this.filter = filter;
    this.refresh();
  }

  async getChildren(node?: TreeNode, signal?: AbortSignal): Promise<TreeNode[]> {
    if (!node) return this.#rootNodes(signal);
    if (node.kind !== 'project' && node.kind !== 'folder') return [];
    let listing = this.#listings.get(node.key);
    if (!listing) {
      listing = await this.#firstPage(node, signal);
      if (!listing.error) this.#listings.set(node.key, listing);
    }
    return this.#render(node, listing);
  }

  async loadMore(parent: ContainerNode, signal?: AbortSignal): Promise<void> {
    const listing = this.#listings.get(parent.key);
    const client = this.getClient();
    if (!listing || listing.next === null || listing.next === undefined || !client) return;
    try {
      const page = await this.#findRecords(client, parent, listing.next, signal);
      listing.records.push(...this.#recordNodes(parent, page));
      listing.next = page.next;
      listing.error = undefined;
    } catch (error) {
      listing.error = userMessageOf(error);
    }
  }

  /** The node `node` was listed under (undefined for projects), for TreeView.reveal. */
  parentOf(node: TreeNode): ContainerNode | undefined {
    return this.#parents.get(node);
  }

  /** Loads the levels down to `folder` and returns the record's node if its page holds it. */
  async findRecord(project: string, folder: string, id: string, signal?: AbortSignal): Promise<TreeNode | undefined> {
    let node = (await this.getChildren(undefined, signal)).find((n) => n.kind === 'project' && n.project.id === project);
    const segments = folder.split('/').filter(Boolean);
    for (let depth = 1; node && depth <= segments.length; depth++) {
      const path = '/' + segments.slice(0, depth).join('/');
      node = (await this.getChildren(node, signal)).find((n) => n.kind === 'folder' && n.path === path);
    }
    if (!node) return undefined;
    return (await this.getChildren(node, signal)).find((n) => n.kind === 'record' && n.record.id === id);
  }

  #rootNodes(signal?: AbortSignal): Promise<TreeNode[]> {
    const client = this.getClient();
    if (!client) return Promise.resolve([]); // signed out: the welcome view shows
    this.#roots ??= findProjects(client, signal, true).then(
      (projects) =>
        projects.map(({ folders, ...project }): TreeNode => {
          if (folders) this.#folders.set(project.id, folders);
          return { kind: 'project', key: `${project.id}:/`, project, path: '/' };
        }),
      (error) => {
        this.#roots = undefined;
        return [{ kind: 'error', key: 'error:root', message: userMessageOf(error) }];
      },
    );
    return this.#roots;
  }

  async #firstPage(node: ContainerNode, signal?: AbortSignal): Promise<Listing> {
    const client = this.getClient();
    if (!client) return { folders: [], records: [], next: null, error: 'Signed out of DNAnexus.' };
    try {
      const [folders, matched, page] = await Promise.all([
        this.#subfolders(client, node, signal),
        this.#matches(client, node.project.id, signal),
        this.#findRecords(client, node, undefined, signal),
      ]);
      const shown = matched ? folders.filter((path) => matched.has(path)) : folders;
      return {
        folders: shown.sort().map((path): ContainerNode => ({ kind: 'folder', key: `${node.project.id}:${path}`, project: node.project, path })),
        records: this.#recordNodes(node, page),
        next: page.next,
      };
    } catch (error) {
      return { folders: [], records: [], next: null, error: userMessageOf(error) };
    }
  }

  async #subfolders(client: DxApiClient, node: ContainerNode, signal?: AbortSignal): Promise<string[]> {
    const all = this.#folders.get(node.project.id);
    if (all) return all.filter((path) => path !== '/' && path.slice(0, path.lastIndexOf('/') || 1) === node.path);
    const listed = await client.call<{ folders: string[] }>(`/${node.project.id}/listFolder`, { folder: node.path, only: 'folders' }, { signal });
    return listed.folders;
  }

  /** Under a filter, the folders of `project` holding a match or leading to one (one search, all pages); else undefined. */
  #matches(client: DxApiClient, project: string, signal?: AbortSignal): Promise<Set<string>> | undefined {
    if (!this.filter) return undefined;
    let matched = this.#matchedFolders.get(project);
    if (!matched) {
      matched = this.#searchFolders(client, project, signal);
      this.#matchedFolders.set(project, matched);
      matched.catch(() => this.#matchedFolders.delete(project));
    }
    return matched;
  }

  async #searchFolders(client: DxApiClient, project: string, signal?: AbortSignal): Promise<Set<string>> {
    const folders = new Set<string>();
    let starting: unknown;
    do {
      const input = { ...this.#search(project, '/', true), describe: { fields: { folder: true } }, limit: this.searchPageSize, ...(starting ? { starting } : {}) };
      const page = await client.call<{ results: { describe: { folder: string } }[]; next: unknown }>('/system/findDataObjects', input, { signal });
      for (const r of page.results) {
        // The folder and every folder above it, so each level's filter is one lookup.
        for (let folder = r.describe.folder; folder !== '/' && !folders.has(folder); folder = folder.slice(0, folder.lastIndexOf('/')) || '/') folders.add(folder);
      }
      starting = page.next;
    } while (starting);
    return folders;
  }

  #search(project: string, folder: string, recurse: boolean) {
    return { class: 'record', scope: { project, folder, recurse }, visibility: 'either', ...filterQuery(this.filter) };
  }

  #findRecords(client: DxApiClient, node: ContainerNode, starting: unknown, signal?: AbortSignal): Promise<FindPage> {
    const input = {
      ...this.#search(node.project.id, node.path, false),
      describe: { fields: RECORD_FIELDS },
      limit: this.pageSize,
      ...(starting !== undefined ? { starting } : {}),
    };
    return client.call<FindPage>('/system/findDataObjects', input, { signal });
  }

  #recordNodes(parent: ContainerNode, page: FindPage): TreeNode[] {
    return page.results.map((r) => ({
      kind: 'record',
      key: `${parent.project.id}:${r.id}`,
      record: { ...r.describe, id: r.id, project: r.project, folder: r.describe.folder ?? parent.path },
    }));
  }

  #render(node: ContainerNode, listing: Listing): TreeNode[] {
    const children: TreeNode[] = [...listing.folders, ...listing.records];
    if (this.filter && node.kind === 'project' && !children.length && !listing.error) {
      children.push({ kind: 'noMatch', key: `none:${node.key}`, filter: this.filter });
    }
    if (listing.error) children.push({ kind: 'error', key: `error:${node.key}`, message: listing.error, parent: node });
    else if (listing.next !== null && listing.next !== undefined) children.push({ kind: 'loadMore', key: `more:${node.key}`, parent: node });
    for (const child of children) this.#parents.set(child, node);
    return children;
  }
}
