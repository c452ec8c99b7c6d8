// The signed-in diagnostics: `project-not-found`, `project-access-too-low`, `link-target-not-found`,
// `link-target-state` (a target in another project, or open where a type needs it closed), and
// `folder-needs-parents` raised to a warning when the folder really is missing
// (docs/platform-notes.md#permissions, #links, #folders, #typed-details). They run
// after the pure diagnostics are published (see service.ts) and are empty when the platform
// cannot be asked, so the pure list then stands unchanged.
import type { Located, RecordDiagnostic, RecordFacts } from '../../engine/types';
import { CREATE_RECORD_LEVEL, hasAccess } from '../../../../common/dxAccess';
import { normalizeFolder } from '../../../../common/dxPaths';
import type { ObjectSummary } from '../../../../protocol/messages';
import { foldersOf, objectsOf, projectsOf, type PlatformLookup } from './lookup';

function warning(code: RecordDiagnostic['code'], at: Located, message: string): RecordDiagnostic {
  return { code, severity: 'warning', message, range: at.range, offset: at.offset, length: at.length };
}

/** The type that needs a link's target closed (`x-dx-closed` on its field), or undefined. */
export type ClosedBy = (link: Located) => string | undefined;

/** The engine puts only well-formed IDs of the right class into `facts`, so they are asked about as they are. */
export async function platformDiagnostics(
  facts: RecordFacts,
  lookup: PlatformLookup,
  signal?: AbortSignal,
  closedBy: ClosedBy = () => undefined,
): Promise<RecordDiagnostic[]> {
  const { project, links } = facts;
  const source = facts.initializeFrom?.project;
  const [folders, projects, objects, sources] = await Promise.all([
    project ? lookup({ kind: 'folders', project: project.value }, signal).then(foldersOf) : undefined,
    project ? lookup({ kind: 'project', id: project.value }, signal).then(projectsOf) : undefined,
    // Described as the copy in the record's project when there is one, so "another project" means it has none there.
    links.length ? lookup({ kind: 'describe', ids: [...new Set(links.map((l) => l.value))], ...(project ? { project: project.value } : {}) }, signal).then(objectsOf) : undefined,
    source ? lookup({ kind: 'project', id: source.value }, signal).then(projectsOf) : undefined,
  ]);
  const found: RecordDiagnostic[] = [];
  const notFound = (at: Located) =>
    warning('project-not-found', at, `Project ${at.value} does not exist on the platform or you cannot see it; check the ID or ask for VIEW access.`);
  if (project && folders === null) found.push(notFound(project));
  const level = projects?.[0]?.level;
  if (project && level && !hasAccess(level, CREATE_RECORD_LEVEL)) {
    const name = projects![0].name;
    found.push(
      warning(
        'project-access-too-low',
        project,
        `You have ${level} access to "${name}" (${project.value}); creating a record needs ${CREATE_RECORD_LEVEL} or higher. Ask a project administrator for ${CREATE_RECORD_LEVEL} access, or use another project.`,
      ),
    );
  }
  if (source && sources?.length === 0) found.push(notFound(source));
  const folder = facts.folder;
  if (project && folders && folder && facts.parents !== true) {
    const path = normalizeFolder(folder.value);
    if (path !== '/' && !folders.includes(path)) {
      found.push(warning('folder-needs-parents', folder, `Folder ${path} does not exist in ${project.value}; add "parents": true to create it, or the platform will refuse the record.`));
    }
  }
  if (objects) {
    const byId = new Map(objects.map((o) => [o.id, o]));
    for (const link of links) {
      const target = byId.get(link.value);
      if (!target) {
        found.push(warning('link-target-not-found', link, `Linked object ${link.value} was not found in any project you can see; the link dangles until it is cloned in.`));
        continue;
      }
      const problem = targetStateProblem(target, project?.value, closedBy(link));
      if (problem) found.push(warning('link-target-state', link, problem));
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}

/** Why a visible target does not serve the link: open where a type needs it closed, or in another project. */
function targetStateProblem(target: ObjectSummary, project: string | undefined, closedBy: string | undefined): string | undefined {
  const what = `Linked ${target.class} ${target.id} ("${target.name}")`;
  if (closedBy && target.state !== 'closed') {
    return `${what} is ${target.state}; the ${closedBy} type needs it closed (its tools read only closed objects). Close it, or link a closed one.`;
  }
  if (project && target.project !== project) {
    return `${what} is in ${target.project}, not in this record's project ${project}; the link stays inactive until the object is cloned into ${project}.`;
  }
  return undefined;
}

/** The pure list with the platform's findings merged in; one on the same code and span replaces the pure one. */
export function supersede(pure: readonly RecordDiagnostic[], platform: readonly RecordDiagnostic[]): RecordDiagnostic[] {
  const replaced = (d: RecordDiagnostic) => platform.some((p) => p.code === d.code && p.offset === d.offset && p.length === d.length);
  return [...pure.filter((d) => !replaced(d)), ...platform].sort((a, b) => a.offset - b.offset);
}
