// Describe Record's read-only documents: `dnanexus-record:/NAME (record-xxxx).json?project=project-yyyy`,
// so the tab reads the record's name. Content comes from the API each time VS Code asks, so
// "Refresh" re-describes; the command's own describe is handed over to spare the first request.
import * as vscode from 'vscode';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { userMessageOf } from '../../../platform/src/errors';
import { describeRecord, formatDescription, type RecordDescription } from '../../../platform/src/records/describeRecord';
import { isRecordId } from '../../../platform/src/records/recordIds';

/** A record, and the project whose copy of it is meant. */
export interface RecordRef {
  id: string;
  project?: string;
}

export const RECORD_SCHEME = 'dnanexus-record';

export function recordUri(ref: RecordRef, name: string): vscode.Uri {
  // A slash in the name would start a folder in the path.
  const title = `${name.replace(/[/\\]/g, '_')} (${ref.id})`;
  return vscode.Uri.from({ scheme: RECORD_SCHEME, path: `/${title}.json`, query: ref.project ? `project=${ref.project}` : '' });
}

export function recordRefOf(uri: vscode.Uri): RecordRef | undefined {
  if (uri.scheme !== RECORD_SCHEME) return undefined;
  const id = /(record-[0-9A-Za-z]+)\)?\.json$/.exec(uri.path)?.[1];
  const project = new URLSearchParams(uri.query).get('project') ?? undefined;
  return id && isRecordId(id) ? { id, project } : undefined;
}

function problem(message: string): string {
  return JSON.stringify({ error: message, hint: 'Run "DNAnexus: Refresh" to try again.' }, null, 2) + '\n';
}

export class RecordDocuments implements vscode.TextDocumentContentProvider {
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;
  /** Descriptions the command already read, served once instead of describing again. */
  readonly #handedOver = new Map<string, string>();

  constructor(private readonly getClient: () => DxApiClient | undefined) {}

  handOver(uri: vscode.Uri, description: RecordDescription): void {
    this.#handedOver.set(uri.toString(), formatDescription(description));
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const handedOver = this.#handedOver.get(uri.toString());
    this.#handedOver.delete(uri.toString());
    if (handedOver !== undefined) return handedOver;
    const ref = recordRefOf(uri);
    const client = this.getClient();
    if (!ref) return problem(`Not a record document: ${uri.toString()}`);
    if (!client) return problem(`Sign in to DNAnexus to describe ${ref.id}.`);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      return formatDescription(await describeRecord(client, ref.id, ref.project, controller.signal));
    } catch (error) {
      const message = userMessageOf(error);
      return problem(`Could not describe ${ref.id}: ${message}`);
    }
  }

  refresh(uri: vscode.Uri): void {
    this.#changed.fire(uri);
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === RECORD_SCHEME) this.refresh(document.uri);
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
