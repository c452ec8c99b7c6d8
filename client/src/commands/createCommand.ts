// DNAnexus: Create Record from File.
import * as vscode from 'vscode';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { mayHaveActed, userMessageOf } from '../../../platform/src/errors';
import { createFailureNote, createRecord, findPossiblyCreated, MAY_HAVE_CREATED, planCreate, refusalMessage, type ReadyPlan } from '../../../platform/src/records/createRecord';
import { PendingCreates } from '../../../platform/src/records/pendingCreates';
import { standingOf } from '../../../platform/src/recordsAsCode/fileStanding';
import { findRoot } from '../../../platform/src/recordsAsCode/root';
import { PUSH_COMMAND } from '../recordsAsCode/recordLens';
import type { CommandServices, RecordRef } from './services';
import { markRejection, recordFile, showRejection, typeSchemasOf } from './recordFile';

/**
 * A file under a managed root whose key a live record already carries is pushed, not created again:
 * true when the user was offered Push instead (and took it or not).
 */
async function offeredPush(ctx: CommandServices, client: DxApiClient, document: vscode.TextDocument, text: string): Promise<boolean> {
  if (document.uri.scheme !== 'file' || !findRoot(document.fileName)) return false;
  const standing = await ctx.withProgress('Looking for the record that carries this file\'s key…', (signal) => standingOf(client, document.fileName, text, signal));
  if (!standing?.keyed || !standing.live) return false;
  const choice = await vscode.window.showWarningMessage(
    `${standing.key} is already on the platform as ${standing.live.id} (${standing.label}).`,
    { modal: true, detail: 'The record carries this file\'s key; creating would make a second one. Push applies the file to it instead.' },
    'Push Instead',
  );
  if (choice) await vscode.commands.executeCommand(PUSH_COMMAND, document.uri);
  return true;
}

export function createRecordCommand(ctx: CommandServices) {
  const creates = new PendingCreates(ctx.state);
  return async (arg?: unknown): Promise<void> => {
    const document = await recordFile(arg);
    if (!document) return;
    const text = document.getText();
    const plan = planCreate(text, { types: typeSchemasOf(document) });
    if (plan.kind === 'refused') {
      const choice = await vscode.window.showErrorMessage(`DNAnexus: ${refusalMessage(plan.errors)}`, 'Show Problems');
      if (choice) await vscode.commands.executeCommand('workbench.actions.view.problems');
      return;
    }
    const client = await ctx.client();
    if (!client) return;
    try {
      if (await offeredPush(ctx, client, document, text)) return;
    } catch (error) {
      ctx.report('Create Record', error, ' The file was not changed.');
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
    const file = document.uri.toString();
    const started = Date.now();
    try {
      const created = await ctx.withProgress(`Creating a record in ${plan.project}…`, (signal) =>
        createRecord(client, plan, { signal, pending: { creates, file } }));
      showRejection(ctx.rejections, document, undefined, '');
      await ctx.rememberRecord(created, document.isUntitled ? undefined : document.uri);
      ctx.platformChanged();
      ctx.session.log.info(`Created ${created.id} in ${created.project} from ${file}`);
      const name = typeof plan.input.name === 'string' ? ` "${plan.input.name}"` : '';
      await offerRecord(created, `DNAnexus: created ${created.id}${name}.`);
    } catch (error) {
      const marked = markRejection(ctx.rejections, document, text, error);
      if (!mayHaveActed(error)) {
        ctx.report('Create Record', error, `${marked ? ' The field is marked in the file.' : ''} ${createFailureNote(error)} The file was not changed.`);
        return;
      }
      await reportUnknownOutcome(ctx, client, plan, error, creates.startedAt(file, plan.input) ?? started);
    }
  };
}

/** A failure after the request may have reached the platform: say so, and offer to look. */
async function reportUnknownOutcome(ctx: CommandServices, client: DxApiClient, plan: ReadyPlan, error: unknown, since: number): Promise<void> {
  ctx.session.log.error(`Create Record did not finish: ${error instanceof Error ? error.message : String(error)}`);
  const choice = await vscode.window.showWarningMessage(`DNAnexus: Create Record did not finish. ${userMessageOf(error)} ${createFailureNote(error)}`, 'Look for It', 'Show Log');
  if (choice === 'Show Log') ctx.session.log.show(true);
  if (choice !== 'Look for It') return;
  try {
    const found = await ctx.withProgress(`Looking for the record in ${plan.project}…`, (signal) => findPossiblyCreated(client, plan, since, signal));
    if (found.length === 0) {
      void vscode.window.showInformationMessage(`DNAnexus: no record from this file has appeared in ${plan.project} yet. ${MAY_HAVE_CREATED}`);
      return;
    }
    ctx.platformChanged();
    await offerRecord({ id: found[0], project: plan.project }, `DNAnexus: found ${found.join(', ')} in ${plan.project}, created since this Create began.`);
  } catch (lookError) {
    ctx.report('Looking for the record', lookError);
  }
}

async function offerRecord(record: RecordRef, message: string): Promise<void> {
  const choice = await vscode.window.showInformationMessage(message, 'Describe', 'Copy ID', 'Reveal in Tree');
  if (choice === 'Describe') await vscode.commands.executeCommand('dxrecord.describeRecord', record.id, record.project);
  if (choice === 'Copy ID') await vscode.commands.executeCommand('dxrecord.copyId', record.id);
  if (choice === 'Reveal in Tree') await vscode.commands.executeCommand('dxrecord.revealRecord', record.id, record.project);
}
