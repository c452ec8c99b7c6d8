// Registers the record features: commands, the Records view, describe documents and the answers
// to the language server's platform lookups. Called once from activate().
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { PlatformCache } from '../lookups/platformCache';
import { answerPlatformLookups, notifyPlatformChanged } from '../lookups/answerLookups';
import { describeRecord } from '../../../platform/src/records/describeRecord';
import { RECORDS_VIEW, RecordsTreeProvider } from '../tree/recordsTreeProvider';
import type { RecordFilter } from '../tree/recordFilter';
import type { TreeNode } from '../tree/recordsTreeData';
import { createRecordCommand } from './createCommand';
import { CommandServices, type SessionServices } from './services';
import { closeRecordCommand, copyIdCommand, describeRecordCommand, pullRecordCommand, revealRecordCommand } from './recordCommands';
import { RECORD_SCHEME, RecordDocuments } from './recordDocuments';
import { updateRecordCommand } from './updateCommand';
import { LIVE_SCHEME, LiveDocuments } from '../recordsAsCode/liveDocuments';
import { RecordLensProvider } from '../recordsAsCode/recordLens';
import { compareWithPlatformCommand, pullFileCommand, pushFileCommand } from './recordsAsCodeCommands';
import { registerTypeSchemaStatus } from '../typeSchemaStatus';
import { clearFilterCommand, filterRecordsCommand, loadMoreCommand, refreshCommand, selectProjectCommand } from './viewCommands';

export function registerRecordFeatures(context: vscode.ExtensionContext, session: SessionServices, languageClient?: BaseLanguageClient): void {
  const getClient = () => session.getClient();
  const log = (message: string) => session.log.debug(message);
  const cache = new PlatformCache(getClient, { log });
  const tree = new RecordsTreeProvider(getClient, () => session.projectId);
  const documents = new RecordDocuments(getClient);
  const notifyServer = () => languageClient && notifyPlatformChanged(languageClient, log);
  const ctx = new CommandServices(session, context.workspaceState, cache, tree, documents, notifyServer);
  const lenses = new RecordLensProvider(getClient, log);
  const liveDocuments = new LiveDocuments(getClient);
  const view = vscode.window.createTreeView<TreeNode>(RECORDS_VIEW, { treeDataProvider: tree, showCollapseAll: true });

  const reveal = async (id: string, project: string): Promise<boolean> => {
    const client = getClient();
    if (!client) return false;
    try {
      const { folder } = await describeRecord(client, id, project);
      const node = await tree.data.findRecord(project, folder, id);
      if (node) await view.reveal(node, { select: true, focus: true, expand: true });
      return node !== undefined;
    } catch (error) {
      session.log.warn(`Reveal ${id} in the Records view: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };
  // The view says when a filter is on, and the context key shows the title's "clear" button. Alone
  // in its container the view has no header of its own, so its description is hidden: the message shows.
  const showFilter = (filter: RecordFilter | undefined) => {
    view.description = filter ? `Filter: ${filter.text}` : undefined;
    view.message = filter ? `Showing only records matching "${filter.text}".` : undefined;
    void vscode.commands.executeCommand('setContext', 'dxrecord.filtered', filter !== undefined);
  };
  const signedInContext = () => vscode.commands.executeCommand('setContext', 'dxrecord.signedIn', session.signedIn);
  void signedInContext();

  const commands: [string, (...args: any[]) => unknown][] = [
    ['dxrecord.createRecord', createRecordCommand(ctx)],
    ['dxrecord.describeRecord', describeRecordCommand(ctx)],
    ['dxrecord.pullRecord', pullRecordCommand(ctx)],
    ['dxrecord.updateRecord', updateRecordCommand(ctx)],
    ['dxrecord.closeRecord', closeRecordCommand(ctx)],
    ['dxrecord.copyId', copyIdCommand(ctx)],
    ['dxrecord.revealRecord', revealRecordCommand(ctx, reveal)],
    ['dxrecord.compareWithPlatform', compareWithPlatformCommand(ctx)],
    ['dxrecord.pushFile', pushFileCommand(ctx)],
    ['dxrecord.pullFile', pullFileCommand(ctx)],
    ['dxrecord.selectProject', selectProjectCommand(ctx)],
    ['dxrecord.refresh', refreshCommand(ctx)],
    ['dxrecord.filterRecords', filterRecordsCommand(ctx)],
    ['dxrecord.clearFilter', clearFilterCommand(ctx)],
    ['dxrecord.loadMore', loadMoreCommand(ctx)],
  ];
  context.subscriptions.push(
    ctx,
    tree,
    view,
    tree.onDidChangeFilter(showFilter),
    documents,
    vscode.workspace.registerTextDocumentContentProvider(RECORD_SCHEME, documents),
    lenses,
    liveDocuments,
    vscode.languages.registerCodeLensProvider({ scheme: 'file', pattern: '**/*.dxrecord.json' }, lenses),
    vscode.workspace.registerTextDocumentContentProvider(LIVE_SCHEME, liveDocuments),
    ctx.onDidChangePlatform(() => {
      lenses.refresh();
      liveDocuments.refreshAll();
    }),
    vscode.workspace.onDidCloseTextDocument((document) => lenses.forget(document)),
    ...commands.map(([id, handler]) => vscode.commands.registerCommand(id, handler)),
    // A platform rejection marked on a field is stale once the file changes. Deleting fires
    // onDidChangeDiagnostics even for a file with none, so only a marked file is touched.
    vscode.workspace.onDidChangeTextDocument(({ document }) => {
      if (ctx.rejections.has(document.uri)) ctx.rejections.delete(document.uri);
    }),
    session.onDidChange(() => {
      void signedInContext();
      ctx.platformChanged();
    }),
    ...(languageClient ? [answerPlatformLookups(languageClient, cache), registerTypeSchemaStatus(languageClient, log)] : []),
  );
}
