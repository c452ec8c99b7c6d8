// The status bar item that shows the sign-in state and opens the log or the sign-in.
import * as vscode from 'vscode';
import { describeState, type SessionState } from '../../../platform/src/sessionState';

export class SessionStatusItem implements vscode.Disposable {
  readonly #item = vscode.window.createStatusBarItem('dxrecord.session', vscode.StatusBarAlignment.Left, 50);

  constructor() {
    this.#item.name = 'DNAnexus sign-in';
    this.#item.show();
  }

  show(state: SessionState): void {
    const { text, tooltip } = describeState(state);
    this.#item.text = `$(${state.kind === 'signedIn' ? 'account' : 'debug-disconnect'}) ${text}`;
    this.#item.tooltip = tooltip;
    this.#item.command = state.kind === 'signedIn' || state.kind === 'checking' ? 'dxrecord.showLog' : 'dxrecord.signIn';
  }

  dispose(): void {
    this.#item.dispose();
  }
}
