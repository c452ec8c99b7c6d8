// Describe Record, Pull Record into File, Copy ID, Close Record, Reveal in Tree.
import * as vscode from 'vscode';
import { closeRecord } from '../../../platform/src/records/closeRecord';
import { pullRecord } from '../../../platform/src/records/pullRecord';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { findRecord } from '../../../platform/src/records/describeRecord';
import { describeProject } from '../../../platform/src/records/projects';
import type { CommandServices } from './services';
import { recordUri } from './recordDocuments';
import { recordTarget } from './recordTarget';

/** "was not found in "Name" (project-…) or any other project you can see", naming the project asked first. */
async function whereSearched(client: DxApiClient, project: string | undefined): Promise<string> {
  if (!project) return 'in any project you can see';
  const summary = await describeProject(client, project).catch(() => undefined);
  return `in ${summary ? `"${summary.name}" (${project})` : project} or any other project you can see`;
}

export function describeRecordCommand(ctx: CommandServices) {
  return async (...args: unknown[]): Promise<void> => {
    const ref = await recordTarget(ctx, args, 'Describe Record');
    if (!ref) return;
    const client = await ctx.client();
    if (!client) return;
    const project = ref.project ?? ctx.session.projectId;
    try {
      const description = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Describing ${ref.id}…` }, () =>
        findRecord(client, ref.id, project),
      );
      if (!description) {
        // Nothing to show and nothing worth remembering: a notification, no document, no history entry.
        void vscode.window.showWarningMessage(`DNAnexus: ${ref.id} was not found ${await whereSearched(client, project)}.`);
        return;
      }
      const found = { id: ref.id, project: description.project };
      await ctx.rememberRecord(found);
      const uri = recordUri(found, description.name);
      ctx.documents.handOver(uri, description);
      const open = vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
      const document = await vscode.workspace.openTextDocument(uri);
      if (open) ctx.documents.refresh(uri);
      await vscode.window.showTextDocument(document, { preview: false });
    } catch (error) {
      ctx.report(`Describe Record (${ref.id})`, error);
    }
  };
}

const NEW_FILE = 'Open as a new unsaved file';
const SAVE_FILE = 'Save as a .dxrecord.json file…';

export function pullRecordCommand(ctx: CommandServices) {
  return async (...args: unknown[]): Promise<void> => {
    const ref = await recordTarget(ctx, args, 'Pull Record into File');
    if (!ref) return;
    const client = await ctx.client();
    if (!client) return;
    try {
      const pulled = await ctx.withProgress(`Reading ${ref.id}…`, (signal) => pullRecord(client, ref.id, ref.project, signal));
      const how = await vscode.window.showQuickPick([NEW_FILE, SAVE_FILE], { title: `Pull ${pulled.record.name} into…` });
      if (!how) return;
      let document: vscode.TextDocument;
      if (how === SAVE_FILE) {
        const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
        const fileName = `${pulled.record.name.replace(/[^\w.-]+/g, '_')}.dxrecord.json`;
        const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined, filters: { 'DNAnexus record': ['json'] } });
        if (!target) return;
        await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(pulled.text));
        document = await vscode.workspace.openTextDocument(target);
      } else {
        document = await vscode.workspace.openTextDocument({ language: 'dxrecord', content: pulled.text });
      }
      await ctx.rememberRecord({ id: ref.id, project: pulled.record.project }, document.uri);
      await vscode.window.showTextDocument(document, { preview: false });
    } catch (error) {
      ctx.report(`Pull Record (${ref.id})`, error);
    }
  };
}

export function copyIdCommand(ctx: CommandServices) {
  return async (...args: unknown[]): Promise<void> => {
    const ref = await recordTarget(ctx, args, 'Copy Record ID');
    if (!ref) return;
    await vscode.env.clipboard.writeText(ref.id);
    vscode.window.setStatusBarMessage(`Copied ${ref.id}`, 3000);
  };
}

export function closeRecordCommand(ctx: CommandServices) {
  return async (...args: unknown[]): Promise<void> => {
    const ref = await recordTarget(ctx, args, 'Close Record');
    if (!ref) return;
    const confirm = await vscode.window.showWarningMessage(
      `Close ${ref.id}?`,
      { modal: true, detail: 'Closing is permanent: the record\'s details, types and visibility can never change again. Name, tags and properties stay editable.' },
      'Close Record',
    );
    if (!confirm) return;
    const client = await ctx.client();
    if (!client) return;
    try {
      await ctx.withProgress(`Closing ${ref.id}…`, (signal) => closeRecord(client, ref.id, signal));
      ctx.platformChanged();
      void vscode.window.showInformationMessage(`DNAnexus: closed ${ref.id}.`);
    } catch (error) {
      ctx.report(`Close Record (${ref.id})`, error);
    }
  };
}

export function revealRecordCommand(ctx: CommandServices, reveal: (id: string, project: string) => Promise<boolean>) {
  return async (...args: unknown[]): Promise<void> => {
    const ref = await recordTarget(ctx, args, 'Reveal Record in Tree');
    if (!ref) return;
    const project = ref.project ?? ctx.session.projectId;
    if (!project || !(await reveal(ref.id, project))) {
      void vscode.window.showInformationMessage(`DNAnexus: ${ref.id} is not on the first page of its folder in the Records view.`);
    }
  };
}
