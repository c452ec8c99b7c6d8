// VS Code glue for the DNAnexus sign-in: resolves the configuration (dx files and variables,
// settings, SecretStorage), owns the API client every feature uses and the "DNAnexus" log channel,
// and registers the Sign In / Sign Out / Show Log commands. The status bar item is statusItem.ts.
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { DxApiClient, type LogLevel } from '../../../platform/src/apiClient';
import { readDxEnvironment, resolveDxConfig, watchDxEnvironment, type ResolvedConfig } from '../../../platform/src/config';
import { DxCancelledError, DxError, userMessageOf } from '../../../platform/src/errors';
import { isTokenRejected, whoami } from '../../../platform/src/identity';
import { describeProject } from '../../../platform/src/records/projects';
import type { SessionState } from '../../../platform/src/sessionState';
import { abortOn } from '../cancellation';
import { affectsSignIn, apiServerSetting, requestDeadlineMs } from '../config';
import { SessionStatusItem } from './statusItem';

/** Tokens are stored per server, so a token entered for one server is never sent to another. */
const SECRET_PREFIX = 'dxrecord.apiToken:';
const PROJECT_PREFIX = 'dxrecord.project:';
/** Checking the token at start-up must not sit in long retries when the server is down. */
const VERIFY_DEADLINE_MS = 15_000;

export class Session implements vscode.Disposable {
  readonly log: vscode.LogOutputChannel;
  readonly onDidChange: vscode.Event<void>;
  /** Resolves once the first configuration read has finished (the token check may still run). */
  readonly ready: Promise<void>;
  #state: SessionState = { kind: 'signedOut' };
  #client?: DxApiClient;
  #generation = 0;
  #verification?: AbortController;
  /** Project names for the status bar, by ID; undefined while being looked up or when unknown. */
  readonly #projectNames = new Map<string, string | undefined>();
  readonly #changed = new vscode.EventEmitter<void>();
  readonly #status = new SessionStatusItem();
  readonly #disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext) {
    this.log = vscode.window.createOutputChannel('DNAnexus', { log: true });
    this.onDidChange = this.#changed.event;
    this.#disposables.push(
      this.log,
      this.#changed,
      this.#status,
      vscode.commands.registerCommand('dxrecord.signIn', (token?: unknown) => this.signIn(typeof token === 'string' ? token : undefined)),
      vscode.commands.registerCommand('dxrecord.signOut', () => this.signOut()),
      vscode.commands.registerCommand('dxrecord.showLog', () => this.log.show(true)),
      watchDxEnvironment(process.env, homedir(), () => this.#reloadLogged('the dx configuration file changed')),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (affectsSignIn(event)) this.#reloadLogged('settings changed');
      }),
      context.secrets.onDidChange((event) => {
        if (event.key.startsWith(SECRET_PREFIX)) this.#reloadLogged('the stored token changed');
      }),
    );
    this.ready = this.reload();
  }

  get signedIn(): boolean {
    return this.#client !== undefined;
  }

  get serverUrl(): string | undefined {
    return 'config' in this.#state ? this.#state.config.serverUrl : undefined;
  }

  /** The project chosen in VS Code ("Select Project"), else the dx configuration's current project. */
  get projectId(): string | undefined {
    if (!('config' in this.#state)) return undefined;
    const chosen = this.context.globalState.get<string>(PROJECT_PREFIX + this.#state.config.serverUrl);
    return chosen ?? this.#state.config.projectId;
  }

  /** `name` spares a lookup when the caller (Select Project) already knows it. */
  async setProjectId(projectId: string | undefined, name?: string): Promise<void> {
    const serverUrl = this.serverUrl;
    if (!serverUrl) return;
    if (projectId && name) this.#projectNames.set(projectId, name);
    await this.context.globalState.update(PROJECT_PREFIX + serverUrl, projectId);
    this.log.info(`Selected project ${name ? `${name} (${projectId})` : projectId ?? 'none'}`);
    this.#showStatus();
    this.#changed.fire();
  }

  getClient(): DxApiClient | undefined {
    return this.#client;
  }

  async reload(): Promise<void> {
    const generation = (this.#generation += 1);
    this.#verification?.abort();
    let config: ResolvedConfig;
    try {
      config = await this.#resolve();
    } catch (error) {
      if (generation !== this.#generation) return;
      const message = error instanceof Error ? error.message : String(error);
      this.log.error(`DNAnexus configuration: ${message}`);
      this.#apply({ kind: 'configError', message }, undefined);
      return;
    }
    if (generation !== this.#generation) return;
    for (const problem of config.problems) this.log.warn(problem);
    if (!config.token) {
      this.log.info(`Not signed in (server ${config.serverUrl})`);
      this.#apply({ kind: 'signedOut', serverUrl: config.serverUrl }, undefined);
      return;
    }
    this.log.info(`Using ${config.serverUrl} (server from ${config.source.server}, token from ${config.source.token})`);
    this.#apply({ kind: 'checking', config }, this.#clientFor(config, config.token));
    void this.#verify(config, generation);
  }

  /** Asks for a token, checks it with /system/whoami, and only then stores it. */
  async signIn(given?: string): Promise<boolean> {
    let config: ResolvedConfig;
    try {
      config = await this.#resolve();
    } catch (error) {
      void vscode.window.showErrorMessage(`DNAnexus: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const token = given?.trim() || (await vscode.window.showInputBox({
      title: 'DNAnexus API token',
      prompt: `Paste an API token for ${config.serverUrl} (create one in the DNAnexus web UI under your profile's API Tokens). It is kept in VS Code's secret storage.`,
      password: true,
      ignoreFocusOut: true,
      validateInput: (value) => (/^\S{8,}$/.test(value.trim()) ? null : 'A token is at least 8 characters, without spaces'),
    }))?.trim();
    if (!token) return false;
    const client = this.#clientFor(config, token);
    try {
      const userId = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Checking the token with ${config.serverUrl}…`, cancellable: true },
        (_progress, cancel) => whoami(client, { signal: abortOn(cancel) }),
      );
      await this.context.secrets.store(SECRET_PREFIX + config.serverUrl, token);
      await this.reload();
      void vscode.window.showInformationMessage(`DNAnexus: signed in as ${userId}.`);
      return true;
    } catch (error) {
      if (isTokenRejected(error)) this.#report('Sign-in failed', `${config.serverUrl} did not accept this token; check that it is complete and not expired.`);
      else if (!(error instanceof DxCancelledError)) this.#report('Sign-in failed', error);
      return false;
    }
  }

  async signOut(): Promise<void> {
    const config = await this.#resolve().catch(() => undefined);
    if (!config) return;
    await this.context.secrets.delete(SECRET_PREFIX + config.serverUrl);
    await this.reload();
    this.log.info(`Signed out of ${config.serverUrl}`);
    const remaining = 'config' in this.#state ? this.#state.config.source.token : 'none';
    void vscode.window.showInformationMessage(
      remaining === 'env' || remaining === 'file'
        ? 'DNAnexus: removed the token stored in VS Code. The dx configuration still provides one; run `dx logout` or `dx clearenv` to remove it.'
        : 'DNAnexus: signed out.',
    );
  }

  dispose(): void {
    this.#verification?.abort();
    for (const disposable of this.#disposables) disposable.dispose();
  }

  async #resolve(): Promise<ResolvedConfig> {
    const dx = readDxEnvironment(process.env, homedir());
    const apiServer = apiServerSetting();
    const withoutSecret = resolveDxConfig({ dx, apiServerSetting: apiServer });
    const secretToken = await this.context.secrets.get(SECRET_PREFIX + withoutSecret.serverUrl);
    return resolveDxConfig({ dx, apiServerSetting: apiServer, secretToken });
  }

  #clientFor(config: ResolvedConfig, token: string, deadlineMs = requestDeadlineMs()): DxApiClient {
    const log = this.log;
    const write: Record<LogLevel, (message: string) => void> = {
      debug: (m) => log.debug(m), info: (m) => log.info(m), warn: (m) => log.warn(m), error: (m) => log.error(m),
    };
    const userAgent = `dxrecord-vscode/${this.context.extension.packageJSON.version} (node ${process.versions.node}; vscode ${vscode.version})`;
    return new DxApiClient({ serverUrl: config.serverUrl, token, deadlineMs, userAgent, log: (level, message) => write[level](message) });
  }

  async #verify(config: ResolvedConfig, generation: number): Promise<void> {
    const controller = new AbortController();
    this.#verification = controller;
    const client = this.#clientFor(config, config.token ?? '', VERIFY_DEADLINE_MS);
    try {
      const userId = await whoami(client, { signal: controller.signal });
      if (generation !== this.#generation) return;
      this.log.info(`Signed in to ${config.serverUrl} as ${userId}`);
      this.#apply({ kind: 'signedIn', config, userId }, this.#client);
    } catch (error) {
      if (generation !== this.#generation || controller.signal.aborted) return;
      const reason = error instanceof DxError ? error.userMessage : String(error);
      if (isTokenRejected(error)) {
        this.log.warn(`The token was rejected by ${config.serverUrl}`);
        this.#apply({ kind: 'rejected', config, reason }, undefined);
      } else {
        this.log.warn(`Could not check the token with ${config.serverUrl}: ${reason}`);
        this.#apply({ kind: 'unverified', config, reason }, this.#client);
      }
    }
  }

  #apply(state: SessionState, client: DxApiClient | undefined): void {
    this.#state = state;
    this.#client = client;
    this.#showStatus();
    this.#changed.fire();
  }

  #showStatus(): void {
    const id = this.projectId;
    this.#status.show(this.#state, id ? { id, name: this.#projectNames.get(id) } : undefined);
    if (id && !this.#projectNames.has(id) && this.#state.kind === 'signedIn' && this.#client) void this.#lookUpProjectName(this.#client, id);
  }

  async #lookUpProjectName(client: DxApiClient, id: string): Promise<void> {
    this.#projectNames.set(id, undefined);
    try {
      const project = await describeProject(client, id, AbortSignal.timeout(VERIFY_DEADLINE_MS));
      if (!project) return;
      this.#projectNames.set(id, project.name);
      this.#showStatus();
    } catch (error) {
      this.#projectNames.delete(id);
      this.log.warn(`Could not read the name of ${id}: ${userMessageOf(error)}`);
    }
  }

  #reloadLogged(reason: string): void {
    this.log.info(`Reloading the DNAnexus configuration: ${reason}`);
    this.reload().catch((error) => this.log.error(`Reload failed: ${String(error)}`));
  }

  #report(what: string, error: unknown): void {
    const message = userMessageOf(error);
    this.log.error(`${what}: ${message}`);
    void vscode.window.showErrorMessage(`DNAnexus: ${what}. ${message}`, 'Show Log').then((choice) => {
      if (choice) this.log.show(true);
    });
  }
}
