// The records view: VS Code's face for RecordsTreeData (labels, icons, tooltips, commands).
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../../common/markdown';
import type { DxApiClient } from '../../../platform/src/apiClient';
import type { RecordFilter } from './recordFilter';
import { RecordsTreeData, type ContainerNode, type TreeNode } from './recordsTreeData';

export const RECORDS_VIEW = 'dxrecord.records';

function recordItem(node: Extract<TreeNode, { kind: 'record' }>): vscode.TreeItem {
  const r = node.record;
  const item = new vscode.TreeItem(r.name, vscode.TreeItemCollapsibleState.None);
  item.description = [r.state, r.hidden ? 'hidden' : ''].filter(Boolean).join(' · ');
  item.iconPath = new vscode.ThemeIcon(r.state === 'open' ? 'unlock' : 'lock');
  item.contextValue = r.state === 'open' ? 'record.open' : 'record.closed';
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.appendMarkdown(`**${escapeMarkdown(r.name)}**\n\n`);
  tooltip.appendMarkdown(`ID: \`${r.id}\`  \nState: ${r.state}${r.hidden ? ' (hidden)' : ''}  \n`);
  tooltip.appendMarkdown(`Modified: ${new Date(r.modified).toLocaleString()}  \nFolder: ${escapeMarkdown(r.folder)}`);
  if (r.tags?.length) tooltip.appendMarkdown(`  \nTags: ${r.tags.map(escapeMarkdown).join(', ')}`);
  if (r.types?.length) tooltip.appendMarkdown(`  \nTypes: ${r.types.map(escapeMarkdown).join(', ')}`);
  item.tooltip = tooltip;
  item.command = { command: 'dxrecord.describeRecord', title: 'Describe Record', arguments: [node] };
  return item;
}

export class RecordsTreeProvider implements vscode.TreeDataProvider<TreeNode> {
  readonly data: RecordsTreeData;
  readonly #changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.#changed.event;
  readonly #filterChanged = new vscode.EventEmitter<RecordFilter | undefined>();
  readonly onDidChangeFilter = this.#filterChanged.event;

  constructor(
    getClient: () => DxApiClient | undefined,
    private readonly selectedProject: () => string | undefined,
  ) {
    this.data = new RecordsTreeData(getClient);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    let item: vscode.TreeItem;
    switch (node.kind) {
      case 'project': {
        item = new vscode.TreeItem(node.project.name, vscode.TreeItemCollapsibleState.Collapsed);
        item.description = [node.project.level, node.project.id === this.selectedProject() ? 'selected' : ''].filter(Boolean).join(' · ');
        item.tooltip = `${node.project.name}\n${node.project.id}\nYour access: ${node.project.level}`;
        item.iconPath = new vscode.ThemeIcon('repo');
        item.contextValue = 'project';
        break;
      }
      case 'folder':
        // Under a filter only folders leading to matches are listed: open them to show the matches.
        item = new vscode.TreeItem(
          node.path.slice(node.path.lastIndexOf('/') + 1),
          this.data.filter ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed,
        );
        item.tooltip = `${node.project.name}:${node.path}`;
        item.iconPath = vscode.ThemeIcon.Folder;
        item.contextValue = 'folder';
        break;
      case 'record':
        item = recordItem(node);
        break;
      case 'loadMore':
        item = new vscode.TreeItem('Load more…');
        item.command = { command: 'dxrecord.loadMore', title: 'Load more…', arguments: [node] };
        item.contextValue = 'loadMore';
        break;
      case 'error':
        // The label stays short so "show log" is visible in a narrow sidebar; the reason follows.
        item = new vscode.TreeItem('Failed to load (click to show log)');
        item.description = node.message;
        item.tooltip = node.message;
        item.iconPath = new vscode.ThemeIcon('error');
        item.command = { command: 'dxrecord.showLog', title: 'Show Log' };
        item.contextValue = 'error';
        break;
      case 'noMatch':
        item = new vscode.TreeItem(`No records match "${node.filter.text}"`);
        item.iconPath = new vscode.ThemeIcon('filter');
        item.command = { command: 'dxrecord.clearFilter', title: 'Clear Records Filter' };
        item.tooltip = 'Click to clear the filter';
        break;
    }
    // VS Code remembers expansion per ID: a project stays open across filters, while each filter
    // gets fresh folder IDs so its folders open to their matches.
    item.id = this.data.filter && node.kind !== 'project' ? `${node.key}?filter=${this.data.filter.text}` : node.key;
    return item;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = await this.data.getChildren(node);
    if (node) return children;
    // The selected project first: it is the one the user works in.
    const selected = this.selectedProject();
    return [...children].sort((a, b) => Number(isProject(b, selected)) - Number(isProject(a, selected)));
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return this.data.parentOf(node);
  }

  async loadMore(node: Extract<TreeNode, { kind: 'loadMore' }>): Promise<void> {
    await this.data.loadMore(node.parent);
    this.#changed.fire(node.parent);
  }

  refresh(node?: ContainerNode): void {
    this.data.refresh(node);
    this.#changed.fire(node);
  }

  setFilter(filter: RecordFilter | undefined): void {
    this.data.setFilter(filter);
    this.#changed.fire(undefined);
    this.#filterChanged.fire(filter);
  }

  dispose(): void {
    this.#changed.dispose();
    this.#filterChanged.dispose();
  }
}

function isProject(node: TreeNode, id: string | undefined): boolean {
  return node.kind === 'project' && node.project.id === id;
}
