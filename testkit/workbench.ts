// Drives a VS Code 1.100 workbench in headless chromium. One helper per user gesture, so scenarios
// read like what a person does and every selector lives here, once.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';

const SHORT = 30_000;

/** Monaco renders spaces as NBSP. */
const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

export interface Problem {
  file: string;
  message: string;
  source: string;
  code: string;
  line: number;
  column: number;
}

const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

export async function launchWorkbench(url: string, profileDir: string, env: NodeJS.ProcessEnv, shotsDir: string): Promise<Workbench> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    // Without the background-networking flags chromium keeps dialling Google on a closed network.
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1280, height: 800 },
    env,
  });
  // Reading the clipboard without this permission hangs.
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ state: 'visible', timeout: 60_000 });
  mkdirSync(shotsDir, { recursive: true });
  return new Workbench(context, page, shotsDir);
}

export class Workbench {
  constructor(
    private readonly context: BrowserContext,
    readonly page: Page,
    private readonly shotsDir: string,
  ) {}

  private get quickInput(): Locator {
    return this.page.locator('.quick-input-widget .quick-input-box input');
  }

  private quickInputRow(label: string | RegExp): Locator {
    const name = typeof label === 'string' ? exactly(label) : label;
    return this.page
      .locator('.quick-input-widget .monaco-list-row')
      .filter({ has: this.page.locator('.label-name', { hasText: name }) })
      .first();
  }

  /** Runs a command by its palette title. Clicks the exact row: Enter would take the first fuzzy match. */
  async runCommand(title: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    await this.quickInput.waitFor({ state: 'visible', timeout: SHORT });
    await this.quickInput.fill(`>${title}`);
    const row = this.quickInputRow(title);
    await row.waitFor({ state: 'visible', timeout: SHORT });
    await row.click();
  }

  /** Opens a workspace file through Quick Open and waits until its tab is active. */
  async openFile(name: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    await this.quickInput.waitFor({ state: 'visible', timeout: SHORT });
    await this.quickInput.fill(name);
    // Clicked, not Enter: while the list is still filtering, Enter opens the row focused before (an
    // editor already open, such as the active one).
    const row = this.quickInputRow(name);
    await row.waitFor({ state: 'visible', timeout: SHORT });
    await row.click();
    // Off the editor, so that no hover opens where the pointer was left.
    await this.page.mouse.move(0, 0);
    await this.page.locator('.tabs-container .tab.active', { hasText: name }).waitFor({ timeout: SHORT });
  }

  /** Answers the open input box (token prompts included) and presses Enter. */
  async answerInput(value: string): Promise<void> {
    await this.quickInput.waitFor({ state: 'visible', timeout: SHORT });
    await this.quickInput.fill(value);
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the open input box holds a value matching `expected` (e.g. a dialog's default), then accepts it. */
  async acceptInput(expected: RegExp): Promise<string> {
    await this.quickInput.waitFor({ state: 'visible', timeout: SHORT });
    const value = await this.until(async () => {
      const text = await this.quickInput.inputValue();
      return expected.test(text) ? text : undefined;
    });
    await this.page.keyboard.press('Enter');
    return value;
  }

  /** Picks a row of the open quick pick by its label. */
  async pick(label: string | RegExp): Promise<void> {
    const row = this.quickInputRow(label);
    await row.waitFor({ state: 'visible', timeout: SHORT });
    await row.click();
  }

  get editor(): Locator {
    return this.page.locator('.editor-group-container.active .monaco-editor').first();
  }

  /** The visible text of the active editor (Monaco renders only what is on screen). */
  async editorText(): Promise<string> {
    return plain(await this.editor.locator('.view-lines').innerText());
  }

  /** The whole text of the active editor, through the clipboard (Monaco renders only the visible lines). */
  async editorFullText(): Promise<string> {
    await this.editor.locator('.view-line').first().click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Control+C');
    await this.page.keyboard.press('ArrowLeft');
    return String(await this.page.evaluate('navigator.clipboard.readText()'));
  }

  /** Replaces the whole text of the active editor, as if typed (auto-closing is off in the e2e settings). */
  async replaceEditorText(text: string): Promise<void> {
    await this.editor.locator('.view-lines').click();
    await this.page.keyboard.press('Control+A');
    await this.page.keyboard.press('Delete');
    await this.page.keyboard.insertText(text);
  }

  /** Puts the caret just after the first occurrence of `text` in the active editor (through Go to Line/Column). */
  async placeCaretAfter(text: string): Promise<void> {
    const lines = (await this.editorFullText()).split(/\r?\n/);
    const line = lines.findIndex((candidate) => candidate.includes(text));
    if (line < 0) throw new Error(`"${text}" is not in the active editor`);
    const column = lines[line].indexOf(text) + text.length + 1;
    await this.page.keyboard.press('Control+G');
    await this.quickInput.waitFor({ state: 'visible', timeout: SHORT });
    await this.quickInput.fill(`:${line + 1}:${column}`);
    await this.page.keyboard.press('Enter');
    await this.quickInput.waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** Error squiggles in the active editor. */
  squiggles(): Locator {
    return this.editor.locator('.squiggly-error');
  }

  /** Shows the Problems panel and returns its marker rows. */
  async problems(): Promise<Problem[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) await this.page.keyboard.press('Control+Shift+M');
    await panel.waitFor({ state: 'visible', timeout: SHORT });
    // Level 1 rows name a file; the level 2 rows under it read "message\nsource\ncode\n[Ln l, Col c]".
    const rows = await panel.locator('.monaco-list-row').evaluateAll((els) =>
      els.map((el) => ({ level: el.getAttribute('aria-level'), text: String(el.innerText) })),
    );
    let file = '';
    const problems: Problem[] = [];
    for (const { level, text } of rows) {
      const parts = plain(text).split('\n').map((part) => part.trim());
      if (level === '1') file = parts[0] ?? '';
      if (level !== '2') continue;
      const position = /\[Ln (\d+), Col (\d+)\]/.exec(parts[parts.length - 1] ?? '');
      problems.push({ file, message: parts[0] ?? '', source: parts[1] ?? '', code: parts[2] ?? '', line: Number(position?.[1]), column: Number(position?.[2]) });
    }
    return problems;
  }

  /** Polls `probe` until it returns something other than undefined. */
  async until<T>(probe: () => Promise<T | undefined>, timeoutMs = SHORT): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value = await probe();
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
      await this.page.waitForTimeout(100);
    }
  }

  /** Polls the Problems panel until `predicate` holds. */
  async waitForProblems(predicate: (rows: Problem[]) => boolean, timeoutMs = SHORT): Promise<Problem[]> {
    let last: Problem[] = [];
    return this.until(async () => {
      last = await this.problems();
      return predicate(last) ? last : undefined;
    }, timeoutMs).catch(() => {
      throw new Error(`Problems panel never matched; last rows:\n${JSON.stringify(last, null, 1)}`);
    });
  }

  /** Triggers completion at the caret and returns the suggestion labels: none when the widget says
   * "No suggestions" (so a caller polling for a late answer retries at once, not after a timeout). */
  async suggestions(): Promise<string[]> {
    const widget = this.page.locator('.editor-widget.suggest-widget');
    const rows = widget.locator('.monaco-list-row');
    const none = widget.locator('.message', { hasText: /No suggestions/ });
    // Asked again if the widget has not opened after a while: a busy editor can drop the keypress.
    await this.until(async () => {
      await this.page.keyboard.press('Control+Space');
      return (await rows.first().or(none).waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false)) || undefined;
    });
    if (await none.isVisible()) return [];
    return (await rows.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))).map(plain);
  }

  /** Accepts the suggestion whose label starts with `label`, moving the focus with the keyboard. */
  async acceptSuggestion(label: string): Promise<void> {
    await this.focusListRow('.editor-widget.suggest-widget', label);
    await this.page.keyboard.press('Enter');
    await this.page.locator('.editor-widget.suggest-widget').waitFor({ state: 'hidden', timeout: SHORT });
  }

  /** Opens the quick fixes at the caret and applies the one with this title. */
  async applyQuickFix(title: string): Promise<void> {
    await this.page.keyboard.press('Control+.');
    await this.page.locator('.action-widget .monaco-list-row').first().waitFor({ state: 'visible', timeout: SHORT });
    // Rows cannot be clicked (an overlay takes the pointer); select with the keyboard.
    await this.focusListRow('.action-widget', title);
    await this.page.keyboard.press('Enter');
  }

  private async focusListRow(widget: string, label: string): Promise<void> {
    const focused = this.page.locator(`${widget} .monaco-list-row.focused`);
    const labels = await this.page.locator(`${widget} .monaco-list-row`).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
    for (let i = 0; i <= labels.length; i++) {
      const current = plain((await focused.getAttribute('aria-label', { timeout: 1_000 }).catch(() => null)) ?? '');
      if (current.startsWith(label)) return;
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no "${label}" in ${widget}; rows: ${labels.join(' | ')}`);
  }

  notification(text: string | RegExp): Locator {
    return this.page.locator('.notifications-toasts .notification-toast', { hasText: text }).first();
  }

  async clickNotificationButton(text: string | RegExp, button: string): Promise<void> {
    const toast = this.notification(text);
    await toast.waitFor({ state: 'visible', timeout: SHORT });
    await toast.locator('.monaco-button', { hasText: exactly(button) }).click();
  }

  /** A CodeLens of the active editor whose text matches (commands and plain status alike). */
  codeLens(text: string | RegExp): Locator {
    return this.editor.locator('.codelens-decoration').locator('a, span', { hasText: text }).first();
  }

  /** Clicks the CodeLens command with this title in the active editor. */
  async clickCodeLens(title: string): Promise<void> {
    const lens = this.editor.locator('.codelens-decoration a', { hasText: exactly(title) }).first();
    await lens.waitFor({ state: 'visible', timeout: SHORT });
    await lens.click();
  }

  /** The open modal dialog (showWarningMessage with modal: true). */
  dialog(): Locator {
    return this.page.locator('.monaco-dialog-box');
  }

  async clickDialogButton(label: string): Promise<void> {
    const button = this.dialog().locator('.monaco-button', { hasText: exactly(label) }).first();
    await button.waitFor({ state: 'visible', timeout: SHORT });
    await button.click();
  }

  /** Shows a view container in the side bar (clicking its activity bar icon again would hide it). */
  async openViewContainer(title: string): Promise<void> {
    const sidebarTitle = this.page.locator('.part.sidebar .composite.title .title-label h2');
    const showing = async (): Promise<boolean> =>
      (await this.page.locator('.part.sidebar').isVisible()) && ((await sidebarTitle.textContent()) ?? '').startsWith(title);
    if (await showing()) return;
    await this.page.locator(`.part.activitybar a.action-label[aria-label^="${title}"]`).click();
    await this.until(async () => ((await showing()) ? true : undefined));
  }

  /** A row of the side bar tree whose label (not its description) matches. */
  treeRow(label: string | RegExp): Locator {
    const name = typeof label === 'string' ? exactly(label) : label;
    return this.page
      .locator('.part.sidebar .monaco-list-row[role="treeitem"]')
      .filter({ has: this.page.locator('.label-name', { hasText: name }) })
      .first();
  }

  /** Labels of the rendered tree rows in the side bar, in order; `level` picks one depth. */
  async treeRows(level?: number): Promise<string[]> {
    const selector = `.part.sidebar .monaco-list-row[role="treeitem"]${level ? `[aria-level="${level}"]` : ''} .label-name`;
    return (await this.page.locator(selector).allTextContents()).map((t) => plain(t).trim());
  }

  /** Clicks a collapsed row to expand it, or an expanded one to collapse it. */
  async toggleTreeRow(label: string | RegExp): Promise<void> {
    const row = this.treeRow(label);
    await row.waitFor({ state: 'visible', timeout: SHORT });
    await row.click();
  }

  /** Scrolls the side bar tree down until the row is rendered (long lists are virtualised), then clicks it. */
  async clickTreeRowAfterScrolling(label: string | RegExp): Promise<void> {
    const row = this.treeRow(label);
    const tree = this.page.locator('.part.sidebar .monaco-list').first();
    for (let i = 0; i < 100 && !(await row.isVisible()); i++) {
      await tree.hover();
      await this.page.mouse.wheel(0, 600);
      await this.page.waitForTimeout(50);
    }
    await row.click();
  }

  /** The view's "Collapse All" title action. */
  async collapseTree(): Promise<void> {
    await this.page.locator('.part.sidebar .title-actions .action-label[aria-label^="Collapse All"]').click({ timeout: SHORT });
  }

  welcomeView(): Locator {
    return this.page.locator('.part.sidebar .welcome-view-content');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: join(this.shotsDir, `${name}.png`) });
  }

  async close(): Promise<void> {
    await this.context.close();
  }
}
