// DNAnexus: Create Record from File.
import * as vscode from 'vscode';
import { createRecord, planCreate, refusalMessage } from '../../../platform/src/records/createRecord';
import type { CommandServices } from './services';
import { markRejection, recordFile, showRejection } from './recordFile';

export function createRecordCommand(ctx: CommandServices) {
  return async (arg?: unknown): Promise<void> => {
    const document = await recordFile(arg);
    if (!document) return;
    const text = document.getText();
    const plan = planCreate(text);
    if (plan.kind === 'refused') {
      const choice = await vscode.window.showErrorMessage(`DNAnexus: ${refusalMessage(plan.errors)}`, 'Show Problems');
      if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return;
    }
    if (plan.closes) {
      const confirm = await vscode.window.showWarningMessage(
        'The file has "close": true, so the record will be closed right after it is created.',
        { modal: true, detail: 'A closed record can never change its details, types or visibility again.' },
        'Create and Close',
      );
      if (!confirm) return;
    }
    const client = await ctx.client();
    if (!client) return;
    try {
      const created = await ctx.withProgress(`Creating a record in ${plan.project}…`, (signal) => createRecord(client, plan, signal));
      showRejection(ctx.rejections, document, undefined, '');
      await ctx.rememberRecord(created, document.isUntitled ? undefined : document.uri);
      ctx.platformChanged();
      ctx.session.log.info(`Created ${created.id} in ${created.project} from ${document.uri.toString()}`);
      const name = typeof plan.input.name === 'string' ? ` "${plan.input.name}"` : '';
      const choice = await vscode.window.showInformationMessage(`DNAnexus: created ${created.id}${name}.`, 'Describe', 'Copy ID', 'Reveal in Tree');
      if (choice === 'Describe') await vscode.commands.executeCommand('dxrecord.describeRecord', created.id, created.project);
      if (choice === 'Copy ID') await vscode.commands.executeCommand('dxrecord.copyId', created.id);
      if (choice === 'Reveal in Tree') await vscode.commands.executeCommand('dxrecord.revealRecord', created.id, created.project);
    } catch (error) {
      const marked = markRejection(ctx.rejections, document, text, error);
      ctx.report('Create Record', error, `${marked ? ' The field is marked in the file.' : ''} The file was not changed.`);
    }
  };
}
