// Names as a user sees them, read from the extension manifest so the tests follow renames.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

interface Manifest {
  contributes: {
    commands?: { command: string; title: string; category?: string }[];
    viewsContainers?: { activitybar?: { id: string; title: string }[] };
    views?: Record<string, { id: string; name: string }[]>;
  };
}

const manifest: Manifest = JSON.parse(readFileSync(join(__dirname, '../package.json'), 'utf8'));

/** The command palette label of a contributed command: "<category>: <title>". */
export function commandTitle(id: string): string {
  const command = manifest.contributes.commands?.find((c) => c.command === id);
  if (!command) throw new Error(`package.json contributes no command ${id}`);
  return command.category ? `${command.category}: ${command.title}` : command.title;
}

/** The activity bar title of the container that holds a view. */
export function viewContainerTitle(viewId: string): string {
  const [containerId] = Object.entries(manifest.contributes.views ?? {}).find(([, views]) => views.some((v) => v.id === viewId)) ?? [];
  const container = manifest.contributes.viewsContainers?.activitybar?.find((c) => c.id === containerId);
  if (!container) throw new Error(`package.json has no activity bar container for view ${viewId}`);
  return container.title;
}
