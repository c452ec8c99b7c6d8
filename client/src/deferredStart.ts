// Start-up in two steps, so activation stays fast: VS Code times loading the entry bundle and the
// synchronous part of activate(), and the language client alone takes tens of ms to load. The entry
// stands in for every declared command and loads the features bundle on the next turn of the event
// loop; a command invoked before then waits for it, and then runs the real handler.
// Free of `vscode` so that tests and the bench can use it.

/** The bundle with the language client, sign-in and the record features; extension.ts loads it. */
export const FEATURES_BUNDLE = 'dist/clientFeatures.js';

/** What features.ts logs once the language client runs, and how the activation bench finds it. */
export const serverRunningMessage = (ms: number): string => `Language server running, ${ms} ms after activation began`;
export const SERVER_RUNNING = /Language server running, (\d+) ms after activation began/;

export interface Disposable {
  dispose(): unknown;
}

/** The part of `vscode.commands` the stand-ins use. */
export interface CommandRegistry {
  registerCommand(id: string, handler: (...args: any[]) => unknown): Disposable;
  executeCommand(id: string, ...args: unknown[]): PromiseLike<unknown>;
}

/**
 * Registers a stand-in for each of `ids`, then on the next turn removes them and runs `load`,
 * which registers the real commands. Resolves to what `load` returned; a stand-in invoked earlier
 * waits for that and runs the real command with the same arguments (or fails as `load` did).
 */
export function deferCommands<T>(registry: CommandRegistry, ids: readonly string[], load: () => T): { standIns: Disposable[]; loaded: Promise<T> } {
  let loaded: Promise<T> | undefined;
  const standIns = ids.map((id) =>
    registry.registerCommand(id, async (...args: unknown[]) => {
      await loaded;
      return registry.executeCommand(id, ...args);
    }),
  );
  loaded = new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    for (const standIn of standIns) standIn.dispose();
    return load();
  });
  return { standIns, loaded };
}
