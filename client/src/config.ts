// Every `dxrecord.*` setting the extension reads, in one place. The language server reads its own
// section (validation) through the LSP configuration request; see protocol/messages.ts.
import * as vscode from 'vscode';
import { DEFAULT_DEADLINE_MS } from '../../platform/src/apiClient';

export const SECTION = 'dxrecord';

/**
 * `dxrecord.apiServer`. The setting is application-scoped and restricted: in an untrusted workspace
 * only the user's own (global) value counts, so a workspace cannot choose where the token goes.
 */
export function apiServerSetting(): string {
  const configuration = vscode.workspace.getConfiguration(SECTION);
  const value = vscode.workspace.isTrusted ? configuration.get<string>('apiServer') : configuration.inspect<string>('apiServer')?.globalValue;
  return value ?? '';
}

/** `dxrecord.requestDeadlineSeconds` in milliseconds; the API client's default when unset or not positive. */
export function requestDeadlineMs(): number {
  const seconds = vscode.workspace.getConfiguration(SECTION).get<number>('requestDeadlineSeconds');
  return seconds && seconds > 0 ? seconds * 1000 : DEFAULT_DEADLINE_MS;
}

/** Whether a configuration change touches a setting the sign-in depends on. */
export function affectsSignIn(event: vscode.ConfigurationChangeEvent): boolean {
  return event.affectsConfiguration(`${SECTION}.apiServer`) || event.affectsConfiguration(`${SECTION}.requestDeadlineSeconds`);
}
