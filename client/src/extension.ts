// Extension entry point (dist/client.js): only what activation needs, see deferredStart.ts. The
// language client, sign-in, the status bar item and the Records view start in features.ts
// (dist/clientFeatures.js), loaded right after activate() returns.
import * as vscode from 'vscode';
import { deferCommands, FEATURES_BUNDLE } from './deferredStart';
import type * as Features from './features';

let features: Promise<typeof Features> | undefined;

export function activate(context: vscode.ExtensionContext): void {
  const activatedAt = performance.now();
  const declared = (context.extension.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
  const { standIns, loaded } = deferCommands(vscode.commands, declared, () => {
    const bundle = require(context.asAbsolutePath(FEATURES_BUNDLE)) as typeof Features;
    bundle.start(context, activatedAt);
    return bundle;
  });
  context.subscriptions.push(...standIns);
  features = loaded;
  loaded.catch((error: unknown) => {
    void vscode.window.showErrorMessage(`DNAnexus: the extension failed to start. ${error instanceof Error ? error.message : String(error)}`);
  });
}

export async function deactivate(): Promise<void> {
  await features?.then((bundle) => bundle.stop(), () => undefined);
  features = undefined;
}
