// Select Project, Refresh, the records filter and "Load more…".
import * as vscode from 'vscode';
import { findProjects } from '../../../platform/src/records/projects';
import { parseFilter } from '../tree/recordFilter';
import type { TreeNode } from '../tree/recordsTreeData';
import type { CommandServices } from './services';

export function selectProjectCommand(ctx: CommandServices) {
  return async (): Promise<void> => {
    const client = await ctx.client();
    if (!client) return;
    try {
      const projects = await ctx.withProgress('Listing your DNAnexus projects…', (signal) => findProjects(client, signal));
      const current = ctx.session.projectId;
      const picked = await vscode.window.showQuickPick(
        projects.map((p) => ({ label: p.name, description: p.id === current ? `${p.level} · current` : p.level, detail: p.id, id: p.id })),
        { title: 'Select Project', placeHolder: 'The project new records and the Records view start from', matchOnDetail: true },
      );
      if (!picked) return;
      await ctx.session.setProjectId(picked.id, picked.label);
      ctx.tree.refresh();
    } catch (error) {
      ctx.report('Listing projects', error);
    }
  };
}

export function refreshCommand(ctx: CommandServices) {
  return (): void => ctx.platformChanged();
}

export function filterRecordsCommand(ctx: CommandServices) {
  return async (): Promise<void> => {
    const value = await vscode.window.showInputBox({
      title: 'Filter Records',
      prompt: 'Part of a name (or a glob with * ?, or /regexp/), tag:NAME, type:NAME, prop:KEY=VALUE; terms combine. Empty clears the filter.',
      value: ctx.tree.data.filter?.text ?? '',
    });
    if (value !== undefined) ctx.tree.setFilter(parseFilter(value));
  };
}

export function clearFilterCommand(ctx: CommandServices) {
  return (): void => ctx.tree.setFilter(undefined);
}

export function loadMoreCommand(ctx: CommandServices) {
  return async (node: TreeNode): Promise<void> => {
    if (node?.kind === 'loadMore') await ctx.tree.loadMore(node);
  };
}
