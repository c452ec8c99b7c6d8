// The CodeLens at the top of a record file under a managed root: where it stands (not created /
// in sync / differs / replaced) with Compare, Push and Pull. Lenses come from the status cache at
// once; the cache computes in the background and asks for the lenses again when it knows more.
import * as vscode from 'vscode';
import type { DxApiClient } from '../../../platform/src/apiClient';
import type { FileStanding } from '../../../platform/src/recordsAsCode/fileStanding';
import { findRoot, RECORD_SUFFIX } from '../../../platform/src/recordsAsCode/root';
import { StandingCache } from './standingCache';

/** Typing pauses this long before a file's status is looked up again. */
const LENS_DEBOUNCE_MS = 500;

export const COMPARE_COMMAND = 'dxrecord.compareWithPlatform';
export const PUSH_COMMAND = 'dxrecord.pushFile';
export const PULL_COMMAND = 'dxrecord.pullFile';

export class RecordLensProvider implements vscode.CodeLensProvider, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.#changed.event;
  readonly #cache: StandingCache;

  constructor(private readonly getClient: () => DxApiClient | undefined, log: (message: string) => void) {
    this.#cache = new StandingCache(getClient, () => this.#changed.fire(), { debounceMs: LENS_DEBOUNCE_MS, log });
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    if (document.uri.scheme !== 'file' || !document.fileName.endsWith(RECORD_SUFFIX) || !this.getClient() || !findRoot(document.fileName)) return [];
    const answer = this.#cache.peek(document.fileName, document.getText());
    const top = new vscode.Range(0, 0, 0, 0);
    const text = (title: string) => new vscode.CodeLens(top, { title, command: '' });
    if (!answer) return [text('DNAnexus: checking…')];
    if (answer.error) return [text(`DNAnexus: cannot check: ${answer.error}`)];
    if (!answer.standing) return [];
    const pending = answer.current ? '' : ' (checking…)';
    return [text(`DNAnexus: ${answer.standing.label}${pending}`), ...actions(answer.standing).map(([title, command]) => new vscode.CodeLens(top, { title, command, arguments: [document.uri] }))];
  }

  /** After a write or sign-in change. */
  refresh(): void {
    this.#cache.invalidate();
  }

  forget(document: vscode.TextDocument): void {
    this.#cache.forget(document.fileName);
  }

  dispose(): void {
    this.#cache.dispose();
    this.#changed.dispose();
  }
}

function actions(standing: FileStanding): [string, string][] {
  const shown: [string, string][] = [];
  if (standing.live && standing.kind !== 'in sync') shown.push(['Compare', COMPARE_COMMAND]);
  if (standing.kind === 'not created' || standing.kind === 'differs' || standing.kind === 'replaced') shown.push(['Push', PUSH_COMMAND]);
  if (standing.live && standing.kind !== 'in sync' && standing.kind !== 'conflict') shown.push(['Pull', PULL_COMMAND]);
  return shown;
}
