// The services every record command is built from (each command is a `(services) => handler`
// factory in index.ts): the session (API client, log), the tree, the platform cache,
// the describe documents, and the workspace memory of recent IDs and file ↔ record pairs.
import * as vscode from 'vscode';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { DxCancelledError, userMessageOf } from '../../../platform/src/errors';
import { abortOn } from '../cancellation';
import type { PlatformCache } from '../lookups/platformCache';
import { rememberId } from '../../../platform/src/records/recordIds';
import type { SyncBaseline } from '../../../platform/src/recordsAsCode/fileStanding';
import type { RecordsTreeProvider } from '../tree/recordsTreeProvider';
import type { RecordDocuments, RecordRef } from './recordDocuments';

export type { RecordRef } from './recordDocuments';

export interface SessionServices {
  readonly log: vscode.LogOutputChannel;
  readonly onDidChange: vscode.Event<void>;
  readonly signedIn: boolean;
  readonly projectId?: string;
  setProjectId(projectId: string | undefined, name?: string): Promise<void>;
  getClient(): DxApiClient | undefined;
}


const RECENT_KEY = 'dxrecord.recentRecordIds';
const FILE_RECORDS_KEY = 'dxrecord.fileRecords';
const SYNC_BASELINES_KEY = 'dxrecord.syncBaselines';

export class CommandServices {
  /** Platform complaints (InvalidInput) placed on the file's fields after a failed create/update. */
  readonly rejections = vscode.languages.createDiagnosticCollection('dnanexus-platform');
  readonly #platformChanged = new vscode.EventEmitter<void>();
  /** Fired by platformChanged(), for views of the platform outside these services (the record file lens). */
  readonly onDidChangePlatform = this.#platformChanged.event;

  constructor(
    readonly session: SessionServices,
    readonly state: vscode.Memento,
    readonly cache: PlatformCache,
    readonly tree: RecordsTreeProvider,
    readonly documents: RecordDocuments,
    /** Tells the language server to re-run its live checks. */
    readonly notifyServer: () => void,
  ) {}

  recentIds(): string[] {
    return this.state.get<string[]>(RECENT_KEY, []);
  }

  async rememberRecord(ref: RecordRef, file?: vscode.Uri): Promise<void> {
    await this.state.update(RECENT_KEY, rememberId(this.recentIds(), ref.id));
    if (file) await this.state.update(FILE_RECORDS_KEY, { ...this.#fileRecords(), [file.toString()]: ref });
  }

  recordOfFile(file: vscode.Uri): RecordRef | undefined {
    return this.#fileRecords()[file.toString()];
  }

  /** The record a managed file had at its last pull or push, to tell whether it changed since. */
  syncBaseline(file: vscode.Uri): SyncBaseline | undefined {
    return this.#syncBaselines()[file.toString()];
  }

  async rememberSync(file: vscode.Uri, baseline: SyncBaseline): Promise<void> {
    await this.state.update(SYNC_BASELINES_KEY, { ...this.#syncBaselines(), [file.toString()]: baseline });
  }

  #syncBaselines(): Record<string, SyncBaseline> {
    return this.state.get<Record<string, SyncBaseline>>(SYNC_BASELINES_KEY, {});
  }

  #fileRecords(): Record<string, RecordRef> {
    return this.state.get<Record<string, RecordRef>>(FILE_RECORDS_KEY, {});
  }

  /** After anything that changes records: fresh tree, cache, live checks and open descriptions. */
  platformChanged(): void {
    this.cache.invalidate();
    this.tree.refresh();
    this.documents.refreshAll();
    this.notifyServer();
    this.#platformChanged.fire();
  }

  async client(): Promise<DxApiClient | undefined> {
    const client = this.session.getClient();
    if (client) return client;
    const choice = await vscode.window.showWarningMessage('DNAnexus: sign in first to work with records on the platform.', 'Sign In');
    if (choice) await vscode.commands.executeCommand('dxrecord.signIn');
    return this.session.getClient();
  }

  withProgress<T>(title: string, task: (signal: AbortSignal) => Promise<T>): Thenable<T> {
    return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (_progress, token) =>
      task(abortOn(token)),
    );
  }

  /** Logs the failure of `action` and shows its actionable text with a "Show Log" button. */
  report(action: string, error: unknown, note = ''): void {
    const message = userMessageOf(error);
    this.session.log.error(`${action} failed: ${error instanceof Error ? error.message : String(error)}`);
    if (error instanceof DxCancelledError) {
      void vscode.window.showInformationMessage(`DNAnexus: ${action} was cancelled.${note}`);
      return;
    }
    void vscode.window.showErrorMessage(`DNAnexus: ${action} failed.${note} ${message}`, 'Show Log').then((choice) => {
      if (choice) this.session.log.show(true);
    });
  }

  dispose(): void {
    this.rejections.dispose();
    this.#platformChanged.dispose();
  }
}
