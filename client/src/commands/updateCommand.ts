// DNAnexus: Update Record from File: show what would change, then apply it.
import * as vscode from 'vscode';
import { planCreate, refusalMessage } from '../../../platform/src/records/createRecord';
import { describeRecord } from '../../../platform/src/records/describeRecord';
import { applyUpdate, describePlan, planUpdate, type UpdatePlan } from '../../../platform/src/records/updateRecord';
import type { CommandServices } from './services';
import { markRejection, recordFile, showRejection, typeSchemasOf } from './recordFile';
import { recordTarget } from './recordTarget';

async function confirm(plan: UpdatePlan, name: string): Promise<boolean> {
  const detail = describePlan(plan);
  if (!plan.steps.length) {
    const why = plan.blocked.length ? `Nothing can be applied to ${plan.id}.` : `${plan.id} already matches the file.`;
    void vscode.window.showInformationMessage(`DNAnexus: ${why}`, { modal: plan.blocked.length > 0, detail });
    return false;
  }
  const title = plan.blocked.length
    ? `Update "${name}" (${plan.id})? It is closed, so only name, tags and properties can change.`
    : `Update "${name}" (${plan.id}) from the file?`;
  return (await vscode.window.showWarningMessage(title, { modal: true, detail }, 'Apply')) === 'Apply';
}

export function updateRecordCommand(ctx: CommandServices) {
  return async (arg?: unknown): Promise<void> => {
    const document = await recordFile(arg);
    if (!document) return;
    const text = document.getText();
    const file = planCreate(text, { types: typeSchemasOf(document) });
    if (file.kind === 'refused') {
      void vscode.window.showErrorMessage(`DNAnexus: ${refusalMessage(file.errors).replace('Not created', 'Not updated')}`);
      return;
    }
    const ref = ctx.recordOfFile(document.uri) ?? (await recordTarget(ctx, [], 'Update which record from this file?', false));
    if (!ref) return;
    const client = await ctx.client();
    if (!client) return;
    try {
      const current = await ctx.withProgress(`Reading ${ref.id}…`, (signal) => describeRecord(client, ref.id, file.project ?? ref.project, signal));
      const plan = planUpdate(current, file.input);
      if (!(await confirm(plan, current.name))) return;
      const outcome = await ctx.withProgress(`Updating ${ref.id}…`, (signal) => applyUpdate(client, plan, signal));
      ctx.platformChanged();
      await ctx.rememberRecord({ id: ref.id, project: current.project }, document.isUntitled ? undefined : document.uri);
      if (outcome.error) {
        markRejection(ctx.rejections, document, text, outcome.error);
        const done = outcome.applied.length ? ` Already applied: ${outcome.applied.map((s) => s.summary).join('; ')}.` : ' Nothing was applied.';
        ctx.report(`Update Record (${ref.id})`, outcome.error, done);
        return;
      }
      showRejection(ctx.rejections, document, undefined, '');
      const applied = outcome.applied.map((s) => s.summary).join('; ');
      ctx.session.log.info(`Updated ${ref.id} in ${current.project} from ${document.uri.toString()}: ${applied}`);
      void vscode.window.showInformationMessage(`DNAnexus: updated ${ref.id} (${applied}).`);
    } catch (error) {
      ctx.report(`Update Record (${ref.id})`, error);
    }
  };
}
