// How plan and apply report: a table a person reads in a CI log (one row per file, the fields that
// change, then a one-line summary), or one JSON document for machines.
import type { ActionOutcome } from '../../platform/src/recordsAsCode/apply';
import { summarizePlan, type FieldChange, type Plan, type PlannedAction } from '../../platform/src/recordsAsCode/plan';

const SHOWN_VALUE_CHARS = 60;

function shown(value: unknown): string {
  const text = value === undefined ? '—' : JSON.stringify(value);
  return text.length > SHOWN_VALUE_CHARS ? `${text.slice(0, SHOWN_VALUE_CHARS - 1)}…` : text;
}

function changeText(change: FieldChange): string {
  return 'from' in change ? `${change.field}: ${shown(change.from)} → ${shown(change.to)}` : `${change.field}: ${shown(change.to)}`;
}

function detailOf(action: PlannedAction): string {
  if (action.problem) return action.problem;
  if (action.action === 'delete') return 'its file is gone (--prune)';
  if (action.action === 'create') return `sets ${action.changes.map((c) => c.field).join(', ')}`;
  if (action.action === 'replace') return `closed record; ${action.changes.map(changeText).join('; ')} → a new record, the old one kept as history`;
  return action.changes.map(changeText).join('; ');
}

function table(rows: string[][]): string {
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  return rows.map((row) => `  ${row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]))).join('  ')}`.trimEnd()).join('\n') + '\n';
}

function summaryLine(plan: Plan): string {
  const s = summarizePlan(plan);
  const parts = [`${s.create} to create`, `${s.update} to update`, `${s.replace} to replace`, `${s.adopt} to adopt`, `${s.delete} to delete`, `${s['no-op']} unchanged`];
  if (s.conflict) parts.push(`${s.conflict} conflict${s.conflict > 1 ? 's' : ''}`);
  if (s.invalid) parts.push(`${s.invalid} invalid`);
  return `Plan: ${parts.join(', ')}.${plan.refused ? ' Nothing will be applied until the problems above are fixed.' : ''}\n`;
}

export function planText(plan: Plan, header: { root: string; project?: string }): string {
  const rows = [['action', 'key', 'record', 'changes'], ...plan.actions.map((a) => [a.action, a.key, a.record ?? '—', detailOf(a)])];
  const notes = plan.notes.map((note) => `note: ${note}\n`).join('');
  return `Root ${header.root}${header.project ? `, project ${header.project}` : ''}\n\n${plan.actions.length ? table(rows) : '  (no record files)\n'}\n${notes}${summaryLine(plan)}`;
}

export function outcomeText(outcomes: readonly ActionOutcome[]): string {
  const rows = [['result', 'action', 'key', 'record'], ...outcomes.map((o) => [o.status, o.action.action, o.action.key, o.record ?? o.action.record ?? '—'])];
  const failures = outcomes.filter((o) => o.error).map((o) => `error: ${o.action.file ?? o.action.key}: ${o.error}\n`).join('');
  const count = (status: ActionOutcome['status']) => outcomes.filter((o) => o.status === status).length;
  const pending = outcomes.filter((o) => o.status !== 'done').map((o) => o.action.file ?? o.action.key);
  const rerun = pending.length ? ` Not done: ${pending.join(', ')} — run apply again to finish.` : '';
  return `\n${outcomes.length ? table(rows) : ''}${failures}Applied ${count('done')} of ${outcomes.length} change${outcomes.length === 1 ? '' : 's'}; ${count('failed')} failed, ${count('not started')} not started.${rerun}\n`;
}

/** The spec's JSON shape; after an apply each action also has its `status` (and `error`). */
export function planDocument(plan: Plan, outcomes?: readonly ActionOutcome[]): string {
  const byAction = new Map(outcomes?.map((o) => [o.action, o]));
  const actions = plan.actions.map((a) => {
    const outcome = byAction.get(a);
    return {
      file: a.file ?? null,
      key: a.key,
      action: a.action,
      record: outcome?.record ?? a.record ?? null,
      changes: a.changes,
      problem: a.problem ?? null,
      ...(outcomes ? { status: outcome?.status ?? 'done', ...(outcome?.error ? { error: outcome.error } : {}) } : {}),
    };
  });
  return JSON.stringify({ actions, notes: plan.notes, summary: summarizePlan(plan) }, null, 2) + '\n';
}
