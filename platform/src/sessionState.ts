// What the session knows about the sign-in, and how the status bar shows it. Pure, so the text
// is tested without an editor.
import type { ResolvedConfig } from './config';

export type SessionState =
  | { kind: 'signedOut'; serverUrl?: string }
  | { kind: 'configError'; message: string }
  | { kind: 'checking'; config: ResolvedConfig }
  | { kind: 'signedIn'; config: ResolvedConfig; userId: string }
  | { kind: 'unverified'; config: ResolvedConfig; reason: string }
  | { kind: 'rejected'; config: ResolvedConfig; reason: string };

const TOKEN_SOURCES = { secret: 'VS Code secret storage', env: 'DX_SECURITY_CONTEXT', file: 'the dx configuration file', none: 'none' };

/** The project commands work in: the one chosen in the editor, else the dx configuration's; its name once known. */
export interface SelectedProject {
  id: string;
  name?: string;
}

export function describeState(state: SessionState, project?: SelectedProject): { text: string; tooltip: string } {
  switch (state.kind) {
    case 'signedOut':
      return { text: 'DNAnexus: signed out', tooltip: `Not signed in${state.serverUrl ? ` to ${state.serverUrl}` : ''}. Click to sign in with an API token.` };
    case 'configError':
      return { text: 'DNAnexus: configuration error', tooltip: state.message };
    case 'checking':
      return { text: 'DNAnexus: checking…', tooltip: `Checking the token with ${state.config.serverUrl}` };
    case 'signedIn':
      return {
        text: `DNAnexus: ${state.userId.replace(/^user-/, '')}${project ? ` · ${project.name ?? project.id}` : ''}`,
        tooltip: `Signed in to ${state.config.serverUrl} as ${state.userId} (token from ${TOKEN_SOURCES[state.config.source.token]})` +
          (project ? `\nProject: ${project.name ? `${project.name} (${project.id})` : project.id}` : '\nNo project selected'),
      };
    case 'unverified':
      return { text: 'DNAnexus: offline', tooltip: `Could not check the token with ${state.config.serverUrl}: ${state.reason}` };
    case 'rejected':
      return { text: 'DNAnexus: sign in again', tooltip: state.reason };
  }
}
