// The status bar item: who is signed in and in which project. Signed in, one click switches the
// project; the tooltip links to the log and to signing out. Otherwise a click signs in.
import * as vscode from 'vscode';
import { escapeMarkdown } from '../../../common/markdown';
import { describeState, type SelectedProject, type SessionState } from '../../../platform/src/sessionState';

const LINKED_COMMANDS = ['dxrecord.showLog', 'dxrecord.selectProject', 'dxrecord.signOut'];

export class SessionStatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('dxrecord.session', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.#item.name = 'DNAnexus sign-in';
    this.#item.show();
  }

  show(state: SessionState, project?: SelectedProject): void {
    const { text, tooltip } = describeState(state, project);
    const signedIn = state.kind === 'signedIn' || state.kind === 'checking';
    this.#item.text = `$(${state.kind === 'signedIn' ? 'account' : 'debug-disconnect'}) ${text}`;
    const markdown = new vscode.MarkdownString(tooltip.split('\n').map(escapeMarkdown).join('  \n'));
    markdown.isTrusted = { enabledCommands: LINKED_COMMANDS };
    markdown.appendMarkdown(signedIn
      ? '\n\n[Switch Project](command:dxrecord.selectProject) · [Show Log](command:dxrecord.showLog) · [Sign Out](command:dxrecord.signOut)'
      : '\n\n[Show Log](command:dxrecord.showLog)');
    this.#item.tooltip = markdown;
    this.#item.command = signedIn ? 'dxrecord.selectProject' : 'dxrecord.signIn';
  }

  dispose(): void {
    this.#item.dispose();
  }
}
