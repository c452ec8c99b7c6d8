// Compare with Platform, Push, Pull: a record file under a managed root (a folder holding
// .dxrecord/) against the record that carries its key, with the same one-file plan as
// `dxrecord plan`. Push refuses to overwrite a record that changed on the platform since the file
// was last pulled or pushed; Pull replaces the file's text as an undoable edit.
import { basename } from 'node:path';
import * as vscode from 'vscode';
import { baselineOf, changedSince, changeLines, pushStanding, standingOf, type FileStanding } from '../../../platform/src/recordsAsCode/fileStanding';
import { pulledText } from '../../../platform/src/recordsAsCode/pull';
import { findRoot, RECORD_SUFFIX, ROOT_MARKER } from '../../../platform/src/recordsAsCode/root';
import { liveUri } from '../recordsAsCode/liveDocuments';
import type { CommandServices } from './services';
import { recordFile } from './recordFile';

/** The file and where it stands now (read fresh, not from the lens's cache). */
async function currentStanding(ctx: CommandServices, arg: unknown, title: string) {
  const document = await recordFile(arg);
  if (!document) return undefined;
  const notManaged = () => {
    void vscode.window.showWarningMessage(`DNAnexus: ${title} works on a .dxrecord.json file under a folder holding ${ROOT_MARKER}/; run \`dxrecord init\` in the folder that holds your record files.`);
    return undefined;
  };
  if (document.uri.scheme !== 'file' || !document.fileName.endsWith(RECORD_SUFFIX) || !findRoot(document.fileName)) return notManaged();
  const client = await ctx.client();
  if (!client) return undefined;
  try {
    const standing = await ctx.withProgress(`Comparing ${basename(document.fileName)} with the platform…`, (signal) => standingOf(client, document.fileName, document.getText(), signal));
    return standing ? { document, client, standing } : notManaged();
  } catch (error) {
    ctx.report(title, error);
    return undefined;
  }
}

export async function openComparison(file: vscode.Uri, standing: FileStanding): Promise<void> {
  const title = `${basename(file.fsPath)} (${standing.live?.id ?? 'not created'} on the platform ↔ file)`;
  await vscode.commands.executeCommand('vscode.diff', liveUri(file, standing.key), file, title);
}

export function compareWithPlatformCommand(ctx: CommandServices) {
  return async (arg?: unknown): Promise<void> => {
    const found = await currentStanding(ctx, arg, 'Compare with Platform');
    if (found) await openComparison(found.document.uri, found.standing);
  };
}

export function pushFileCommand(ctx: CommandServices) {
  return async (arg?: unknown): Promise<void> => {
    const found = await currentStanding(ctx, arg, 'Push');
    if (!found) return;
    const { document, client, standing } = found;
    const { kind, label, live, action } = standing;
    if (kind === 'in sync') {
      void vscode.window.showInformationMessage(`DNAnexus: ${standing.key} is in sync with ${live?.id}; nothing to push.`);
      return;
    }
    if (kind === 'conflict' || kind === 'invalid') {
      void vscode.window.showErrorMessage(`DNAnexus: ${standing.key} ${label}`);
      return;
    }
    if (changedSince(ctx.syncBaseline(document.uri), live)) {
      await openComparison(document.uri, standing);
      const choice = await vscode.window.showWarningMessage(
        `DNAnexus: ${live!.id} changed on the platform since this file was last pulled or pushed. Compare them, then Pull to take the platform's version, or push the file over it.`,
        'Push Anyway',
      );
      if (choice !== 'Push Anyway') return;
    }
    const confirmed = await vscode.window.showWarningMessage(
      `Push ${standing.key} to ${action.project}? (${label})`,
      { modal: true, detail: changeLines(action).join('\n') },
      'Push',
    );
    if (confirmed !== 'Push') return;
    try {
      const pushed = await ctx.withProgress(`Pushing ${standing.key}…`, (signal) => pushStanding(client, standing, signal));
      await ctx.rememberSync(document.uri, pushed.baseline);
      await ctx.rememberRecord({ id: pushed.record, project: action.project }, document.uri);
      ctx.platformChanged();
      void vscode.window.showInformationMessage(`DNAnexus: pushed ${standing.key} (${pushed.record}).`);
    } catch (error) {
      ctx.platformChanged();
      ctx.report(`Push (${standing.key})`, error);
    }
  };
}

export function pullFileCommand(ctx: CommandServices) {
  return async (arg?: unknown): Promise<void> => {
    const found = await currentStanding(ctx, arg, 'Pull');
    if (!found) return;
    const { document, standing } = found;
    const { live } = standing;
    if (!live) {
      void vscode.window.showInformationMessage(`DNAnexus: no record carries the key ${standing.key} yet; nothing to pull.`);
      return;
    }
    const fields = [...new Set(standing.action.changes.map((c) => c.field.split('.')[0]))];
    const confirmed = await vscode.window.showWarningMessage(
      `Overwrite ${basename(document.fileName)} with ${live.id} as it is on the platform?`,
      { modal: true, detail: fields.length ? `The file's ${fields.join(', ')} will be replaced. Undo brings the file's text back.` : 'The file already matches; it is rewritten in the pulled form.' },
      'Pull',
    );
    if (confirmed !== 'Pull') return;
    const text = pulledText(live);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(document.positionAt(0), document.positionAt(document.getText().length)), text);
    // save() answers false for a document that is not dirty, as after an edit that changed nothing.
    const unchanged = document.getText() === text && !document.isDirty;
    if (!unchanged && (!(await vscode.workspace.applyEdit(edit)) || !(await document.save()))) {
      void vscode.window.showErrorMessage(`DNAnexus: could not write ${document.fileName}.`);
      return;
    }
    await ctx.rememberSync(document.uri, baselineOf(live));
    await ctx.rememberRecord({ id: live.id, project: live.project }, document.uri);
    ctx.platformChanged();
  };
}
