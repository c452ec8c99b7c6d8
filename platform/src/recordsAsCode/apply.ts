// Applies a plan: each action's calls in order, a few actions at a time. Stopping (Ctrl-C) lets
// the calls in flight finish and starts no more, and every action reports whether it was done,
// failed or never started, so a run that stopped part-way says exactly which files to rerun; the
// rerun picks up from there (creates replay by their derived nonce, the rest is planned anew).
import type { DxApiClient } from '../apiClient';
import { userMessageOf } from '../errors';
import type { Plan, PlannedAction } from './plan';
import { KEY_PROPERTY, REPLACED_BY_PROPERTY } from './root';

export type OutcomeStatus = 'done' | 'failed' | 'not started';

export interface ActionOutcome {
  action: PlannedAction;
  status: OutcomeStatus;
  /** The record the file now has (the new one after a create or replace). */
  record?: string;
  error?: string;
}

export interface ApplyOptions {
  /** Actions run at once; default 4. */
  concurrency?: number;
  /** Checked before each action starts: true stops the run after the calls in flight. */
  stopping?: () => boolean;
  onOutcome?: (outcome: ActionOutcome) => void;
}

export async function applyPlan(client: DxApiClient, plan: Plan, options: ApplyOptions = {}): Promise<ActionOutcome[]> {
  if (plan.refused) throw new Error('a refused plan cannot be applied');
  const actions = plan.actions.filter((a) => a.action !== 'no-op');
  const outcomes: ActionOutcome[] = new Array(actions.length);
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < actions.length; i = next++) {
      const action = actions[i];
      if (options.stopping?.()) {
        outcomes[i] = { action, status: 'not started' };
        continue;
      }
      try {
        outcomes[i] = { action, status: 'done', ...(await run(client, action)) };
      } catch (error) {
        outcomes[i] = { action, status: 'failed', error: userMessageOf(error) };
      }
      options.onOutcome?.(outcomes[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 4) }, worker));
  return outcomes;
}

async function run(client: DxApiClient, action: PlannedAction): Promise<{ record?: string }> {
  switch (action.action) {
    case 'create':
      return { record: (await client.newRecord(action.create!)).id };
    case 'replace': {
      const { id } = await client.newRecord(action.create!);
      // The old record stays, closed, as history: it loses the key and points at its successor.
      await client.call(`/${action.record}/setProperties`, {
        project: action.project,
        properties: { [KEY_PROPERTY]: null, [REPLACED_BY_PROPERTY]: id },
      });
      return { record: id };
    }
    case 'update':
    case 'adopt':
      for (const step of action.steps ?? []) await client.call(step.route, step.input);
      return { record: action.record };
    case 'delete':
      await client.call(`/${action.project}/removeObjects`, { objects: [action.record] });
      return {};
    default:
      throw new Error(`${action.action} is not applied`);
  }
}
