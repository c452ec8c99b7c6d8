// VS Code cancellation tokens as the AbortSignals the platform code takes.
import type * as vscode from 'vscode';

export function abortOn(token: vscode.CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
