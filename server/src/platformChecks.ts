// The signed-in diagnostics (spec diagnostics.md): `project-not-found`, `link-target-not-found`,
// and `folder-needs-parents` raised to a warning when the folder really is missing. They run
// after the pure diagnostics are published and return the merged list, or undefined when the
// platform could not be asked (the pure list then stands).
import type { Located, RecordDiagnostic, ValidationResult } from './engine/types';
import { isContainerId, isDataObjectId } from '../../common/dxIds';
import { normalizeFolder } from '../../common/dxPaths';
import { foldersOf, objectsOf, type PlatformLookup } from './platformLookup';

function diagnostic(code: RecordDiagnostic['code'], at: Located, message: string): RecordDiagnostic {
  return { code, severity: 'warning', message, range: at.range, offset: at.offset, length: at.length };
}

/** Only values the engine found well-formed are worth asking about. */
function hasErrorAt(diagnostics: RecordDiagnostic[], at: Located): boolean {
  return diagnostics.some((d) => d.severity === 'error' && d.offset === at.offset);
}

export async function platformDiagnostics(
  result: ValidationResult,
  lookup: PlatformLookup,
  signal?: AbortSignal,
): Promise<RecordDiagnostic[] | undefined> {
  const { facts, diagnostics } = result;
  const project = facts.project && isContainerId(facts.project.value) && !hasErrorAt(diagnostics, facts.project) ? facts.project : undefined;
  const links = facts.links.filter((link) => isDataObjectId(link.value));
  const [folders, objects] = await Promise.all([
    project ? lookup({ kind: 'folders', project: project.value }, signal).then(foldersOf) : undefined,
    links.length ? lookup({ kind: 'describe', ids: [...new Set(links.map((l) => l.value))] }, signal).then(objectsOf) : undefined,
  ]);
  if (folders === undefined && objects === undefined) return undefined;

  let merged = [...diagnostics];
  const added: RecordDiagnostic[] = [];
  if (project && folders === null) {
    added.push(diagnostic('project-not-found', project, `Project ${project.value} does not exist on the platform or you cannot see it; check the ID or ask for VIEW access.`));
  }
  const folder = facts.folder;
  if (folders && folder && !hasErrorAt(diagnostics, folder) && normalizeFolder(folder.value) !== '/' && facts.parents !== true) {
    const path = normalizeFolder(folder.value);
    // The offline hint ("folder must already exist") is settled either way once we know.
    merged = merged.filter((d) => !(d.code === 'folder-needs-parents' && d.offset === folder.offset));
    if (!folders.includes(path)) {
      added.push(diagnostic('folder-needs-parents', folder, `Folder ${path} does not exist in ${project!.value}; add "parents": true to create it, or the platform will refuse the record.`));
    }
  }
  if (objects) {
    const found = new Set(objects.map((o) => o.id));
    for (const link of links) {
      if (!found.has(link.value)) {
        added.push(diagnostic('link-target-not-found', link, `Linked object ${link.value} was not found in any project you can see; the link will dangle until it is cloned in.`));
      }
    }
  }
  return [...merged, ...added].sort((a, b) => a.offset - b.offset);
}
