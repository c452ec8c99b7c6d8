// Select Project, Refresh, the records filter and "Load more…".
import * as vscode from 'vscode';
import { findProjects } from '../../../platform/src/records/projects';
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
      await ctx.session.setProjectId(picked.id);
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
    const current = ctx.tree.data.filter;
    const shown = current.name ? current.name : current.tag ? `tag:${current.tag}` : current.type ? `type:${current.type}` : '';
    const value = await vscode.window.showInputBox({
      title: 'Filter Records',
      prompt: 'Part of a name, or tag:NAME, or type:NAME. Empty clears the filter.',
      value: shown,
    });
    if (value === undefined) return;
    const text = value.trim();
    const filter = text.startsWith('tag:') ? { tag: text.slice(4) } : text.startsWith('type:') ? { type: text.slice(5) } : text ? { name: text } : {};
    ctx.tree.setFilter(filter);
    await vscode.commands.executeCommand('setContext', 'dxrecord.filtered', text !== '');
  };
}

export function clearFilterCommand(ctx: CommandServices) {
  return async (): Promise<void> => {
    ctx.tree.setFilter({});
    await vscode.commands.executeCommand('setContext', 'dxrecord.filtered', false);
  };
}

export function loadMoreCommand(ctx: CommandServices) {
  return async (node: TreeNode): Promise<void> => {
    if (node?.kind === 'loadMore') await ctx.tree.loadMore(node);
  };
}
