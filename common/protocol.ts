// Custom LSP messages between the extension client and the language server. Both sides import
// these names and payload types, so they cannot drift apart. The server stays network-free: it
// asks the client, which answers from the DNAnexus API (or says it cannot).

/** Settings the server reads from the `dxrecord` configuration section. */
export interface ServerSettings {
  validation: { enable: boolean; exclude: string[]; debounceMs: number };
}

export const DEFAULT_SETTINGS: ServerSettings = {
  validation: { enable: true, exclude: [], debounceMs: 200 },
};
