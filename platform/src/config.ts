// Where to send API calls and with which token, resolved the way `dx` users already have it:
// DX_* environment variables win per variable over `$DX_USER_CONF_DIR|~/.dnanexus_config/
// environment.json`; an explicit server setting wins over both; a token from VS Code's
// SecretStorage wins over the dx token. Pure apart from reading (and watching) that one file.
import { readFileSync, unwatchFile, watchFile } from 'node:fs';
import { join } from 'node:path';

export const DX_VARIABLES = [
  'DX_APISERVER_HOST',
  'DX_APISERVER_PORT',
  'DX_APISERVER_PROTOCOL',
  'DX_SECURITY_CONTEXT',
  'DX_PROJECT_CONTEXT_ID',
] as const;
export type DxVariable = (typeof DX_VARIABLES)[number];

export interface DxEnvironment {
  values: Partial<Record<DxVariable, string>>;
  origin: Partial<Record<DxVariable, 'env' | 'file'>>;
  file: string;
  /** Non-fatal problems (unreadable file, bad JSON) to log; never contain token text. */
  problems: string[];
}

export interface ResolvedConfig {
  serverUrl: string;
  token?: string;
  projectId?: string;
  source: {
    server: 'setting' | 'env' | 'file' | 'default';
    token: 'secret' | 'env' | 'file' | 'none';
    project?: 'env' | 'file';
  };
  problems: string[];
}

export interface ResolveOptions {
  dx: DxEnvironment;
  /** `dxrecord.apiServer`; "" or undefined means "use the dx configuration". */
  apiServerSetting?: string;
  secretToken?: string;
}

export class DxConfigError extends Error {}

const DEFAULT_SERVER_URL = 'https://api.dnanexus.com';

export function dxEnvironmentFile(env: NodeJS.ProcessEnv, homeDir: string): string {
  return join(env.DX_USER_CONF_DIR || join(homeDir, '.dnanexus_config'), 'environment.json');
}

export function readDxEnvironment(env: NodeJS.ProcessEnv, homeDir: string): DxEnvironment {
  const file = dxEnvironmentFile(env, homeDir);
  const result: DxEnvironment = { values: {}, origin: {}, file, problems: [] };
  let fromFile: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) fromFile = parsed as Record<string, unknown>;
    else result.problems.push(`${file} does not hold a JSON object; ignored`);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT') result.problems.push(`${file} could not be read (${code ?? 'invalid JSON'}); ignored`);
  }
  for (const name of DX_VARIABLES) {
    const envValue = env[name];
    const fileValue = fromFile[name];
    if (envValue !== undefined) {
      result.values[name] = envValue;
      result.origin[name] = 'env';
    } else if (typeof fileValue === 'string' || typeof fileValue === 'number') {
      result.values[name] = String(fileValue);
      result.origin[name] = 'file';
    }
  }
  return result;
}

function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
}

export function checkServerUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new DxConfigError(`"${text}" is not a valid API server URL (expected e.g. ${DEFAULT_SERVER_URL})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new DxConfigError(`API server URL must use https, not ${url.protocol}`);
  }
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new DxConfigError(
      `Refusing to send DNAnexus credentials over plain http to ${url.host}; use https (plain http is allowed only for 127.0.0.1/localhost)`,
    );
  }
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function dxServerUrl(dx: DxEnvironment): string {
  const protocol = dx.values.DX_APISERVER_PROTOCOL || 'https';
  const host = dx.values.DX_APISERVER_HOST || 'api.dnanexus.com';
  const port = dx.values.DX_APISERVER_PORT;
  return checkServerUrl(`${protocol}://${host}${port ? `:${port}` : ''}`);
}

function serverOrigin(dx: DxEnvironment): 'env' | 'file' | 'default' {
  const origins = [dx.origin.DX_APISERVER_HOST, dx.origin.DX_APISERVER_PORT, dx.origin.DX_APISERVER_PROTOCOL];
  if (origins.includes('env')) return 'env';
  return origins.includes('file') ? 'file' : 'default';
}

function dxToken(dx: DxEnvironment): { token?: string; problem?: string } {
  const text = dx.values.DX_SECURITY_CONTEXT;
  if (!text) return {};
  let context: { auth_token?: unknown; auth_token_type?: unknown };
  try {
    context = JSON.parse(text) as typeof context;
  } catch {
    return { problem: 'DX_SECURITY_CONTEXT is not valid JSON; ignored' };
  }
  const type = context.auth_token_type;
  if (type !== undefined && (typeof type !== 'string' || type.toLowerCase() !== 'bearer')) {
    return { problem: 'DX_SECURITY_CONTEXT has an auth_token_type other than Bearer; ignored' };
  }
  // "PUBLIC" is what `dx clearenv --reset` writes: a placeholder, not a signed-in user.
  if (typeof context.auth_token !== 'string' || context.auth_token === '' || context.auth_token === 'PUBLIC') return {};
  return { token: context.auth_token };
}

/** The dx token goes only to the dx server it belongs to, never to another `dxrecord.apiServer`. */
export function resolveDxConfig(options: ResolveOptions): ResolvedConfig {
  const { dx } = options;
  const problems = [...dx.problems];
  const dxUrl = dxServerUrl(dx);
  const setting = options.apiServerSetting?.trim();
  const serverUrl = setting ? checkServerUrl(setting) : dxUrl;
  const resolved: ResolvedConfig = {
    serverUrl,
    source: { server: setting ? 'setting' : serverOrigin(dx), token: 'none' },
    problems,
  };
  const fromDx = dxToken(dx);
  if (fromDx.problem) problems.push(fromDx.problem);
  if (options.secretToken) {
    resolved.token = options.secretToken;
    resolved.source.token = 'secret';
  } else if (fromDx.token && serverUrl === dxUrl) {
    resolved.token = fromDx.token;
    resolved.source.token = dx.origin.DX_SECURITY_CONTEXT ?? 'file';
  }
  if (dx.values.DX_PROJECT_CONTEXT_ID) {
    resolved.projectId = dx.values.DX_PROJECT_CONTEXT_ID;
    resolved.source.project = dx.origin.DX_PROJECT_CONTEXT_ID;
  }
  return resolved;
}

// Polls the file's stat rather than fs.watch: it keeps working when the file or its folder does
// not exist yet, and across dx rewriting or replacing it.
export function watchDxEnvironment(
  env: NodeJS.ProcessEnv,
  homeDir: string,
  onChange: () => void,
  intervalMs = 1000,
): { dispose(): void } {
  const file = dxEnvironmentFile(env, homeDir);
  const listener = (current: { mtimeMs: number; size: number; ino: number }, previous: typeof current) => {
    if (current.mtimeMs !== previous.mtimeMs || current.size !== previous.size || current.ino !== previous.ino) onChange();
  };
  watchFile(file, { interval: intervalMs, persistent: false }, listener);
  return { dispose: () => unwatchFile(file, listener) };
}
