// The live side of Compare with Platform: a read-only document holding the file's record as Pull
// would write it, `dnanexus-live:/<key>.dxrecord.json?<the file's URI>`. Content is read from the
// API each time VS Code asks, so a refresh after a write shows the record as it is now.
import * as vscode from 'vscode';
import type { DxApiClient } from '../../../platform/src/apiClient';
import { userMessageOf } from '../../../platform/src/errors';
import { standingOf } from '../../../platform/src/recordsAsCode/fileStanding';
import { pulledText } from '../../../platform/src/recordsAsCode/pull';

export const LIVE_SCHEME = 'dnanexus-live';

export function liveUri(file: vscode.Uri, key: string): vscode.Uri {
  return vscode.Uri.from({ scheme: LIVE_SCHEME, path: `/${key}.dxrecord.json`, query: file.toString() });
}

export class LiveDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  readonly #changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.#changed.event;

  constructor(private readonly getClient: () => DxApiClient | undefined) {}

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const client = this.getClient();
    if (!client) return '// Sign in to DNAnexus to see the record on the platform.\n';
    const file = vscode.Uri.parse(uri.query);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      const document = await vscode.workspace.openTextDocument(file);
      const standing = await standingOf(client, file.fsPath, document.getText(), controller.signal);
      if (!standing?.live) return `// No record on the platform carries the key ${standing?.key ?? ''} yet.\n`;
      return pulledText(standing.live);
    } catch (error) {
      return `// Could not read the record: ${userMessageOf(error)}\n`;
    }
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === LIVE_SCHEME) this.#changed.fire(document.uri);
  }

  dispose(): void {
    this.#changed.dispose();
  }
}
