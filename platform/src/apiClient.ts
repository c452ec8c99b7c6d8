// The one DNAnexus API client every feature uses: POST <server>/<route> with JSON, typed errors,
// and dxpy's retry behaviour (docs/platform-notes.md#retries, decision 5) bounded by a deadline and an AbortSignal.
import { setTimeout as sleep } from 'node:timers/promises';
import { jsonText } from '../../common/jsonText';
import { version } from '../../package.json';
import { checkServerUrl } from './config';
import { apiErrorFromResponse, DxCancelledError, DxDeadlineError, DxNetworkError, type DxError } from './errors';
import { withNonce } from './nonce';
import { tokenRedactor, type Redact } from './redact';
import { acceptsNonce, isRetryableStatus, isSafeToResend, isThrottled, MAX_COUNTED_RETRIES, neverReachedServer, retryDelaySeconds } from './retry';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface ApiClientOptions {
  serverUrl: string;
  token?: string;
  userAgent?: string;
  /** Total budget for one call including retries (default 120000). */
  deadlineMs?: number;
  /** Receives progress and retry notes; never given the token. */
  log?: (level: LogLevel, message: string) => void;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export const DEFAULT_DEADLINE_MS = 120_000;
const DEFAULT_USER_AGENT = `dxrecord-vscode/${version} (node ${process.versions.node})`;

type Attempt =
  | { kind: 'ok'; value: unknown }
  | { kind: 'status'; status: number; retryAfter: string | null; text: string }
  | { kind: 'transport'; detail: string; code?: string; sent: boolean; timedOut?: boolean };

export class DxApiClient {
  readonly serverUrl: string;
  readonly deadlineMs: number;
  readonly #token?: string;
  readonly #userAgent: string;
  readonly #log: (level: LogLevel, message: string) => void;
  readonly #redact: Redact;

  constructor(options: ApiClientOptions) {
    this.serverUrl = checkServerUrl(options.serverUrl);
    this.#token = options.token || undefined;
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.#redact = tokenRedactor(this.#token);
    this.deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;
    const log = options.log;
    this.#log = log ? (level, message) => log(level, this.#redact(message)) : () => undefined;
  }

  /** Creation routes (e.g. /record/new) always get a nonce, added when the input has none. */
  call<T = unknown>(route: string, input: unknown = {}, options: CallOptions = {}): Promise<T> {
    const sent = acceptsNonce(route) && isPlainObject(input) ? withNonce(input) : input;
    // Serialised once: every attempt resends exactly these bytes, or the nonce replay would 422.
    return this.#send(route, jsonText(sent), sent, options) as Promise<T>;
  }

  newRecord(input: Record<string, unknown>, options: CallOptions = {}): Promise<{ id: string }> {
    return this.call<{ id: string }>('/record/new', input, options);
  }

  async #send(route: string, body: string, input: unknown, options: CallOptions): Promise<unknown> {
    const { signal } = options;
    const deadlineAt = Date.now() + this.deadlineMs;
    let attempts = 0;
    let counted = 0;
    // Whether an attempt so far may have been carried out without its answer reaching us.
    let outcomeUnknown = false;
    const fail = (error: DxError): DxError => {
      error.outcomeUnknown = outcomeUnknown;
      return error;
    };
    for (;;) {
      if (signal?.aborted) throw fail(new DxCancelledError(route));
      attempts += 1;
      const outcome = await this.#attempt(route, body, signal, deadlineAt);
      if (outcome.kind === 'ok') return outcome.value;

      let problem: string;
      if (outcome.kind === 'status') {
        const error = apiErrorFromResponse(route, input, outcome.status, outcome.text, this.#redact);
        if (!isRetryableStatus(outcome.status)) throw fail(error);
        // A 5xx can come after the work was done (a proxy timing out, a crash before answering).
        outcomeUnknown = true;
        if (!isThrottled(outcome.status)) counted += 1;
        if (counted > MAX_COUNTED_RETRIES) throw fail(error);
        problem = `${error.type} (HTTP ${outcome.status})`;
      } else {
        if (outcome.sent) outcomeUnknown = true;
        if (signal?.aborted) throw fail(new DxCancelledError(route));
        if (outcome.timedOut) throw fail(new DxDeadlineError(route, this.deadlineMs, outcome.detail));
        const error = new DxNetworkError(route, outcome.detail, outcome.code);
        if (outcome.sent && !isSafeToResend(route)) {
          this.#log('error', `${route}: ${outcome.detail}; not resent because the request may have reached the server and ${route} is not safe to repeat`);
          throw fail(error);
        }
        counted += 1;
        if (counted > MAX_COUNTED_RETRIES) throw fail(error);
        problem = outcome.detail;
      }

      const delayMs = 1000 * retryDelaySeconds(attempts, outcome.kind === 'status' ? outcome : undefined);
      if (Date.now() + delayMs >= deadlineAt) {
        this.#log('error', `${route}: ${problem}; the next retry (in ${delayMs / 1000} s) would pass the deadline`);
        throw fail(new DxDeadlineError(route, this.deadlineMs, problem));
      }
      this.#log('warn', `${route}: ${problem}; retry ${attempts} in ${delayMs / 1000} s`);
      try {
        await sleep(delayMs, undefined, { signal });
      } catch {
        throw fail(new DxCancelledError(route));
      }
    }
  }

  async #attempt(route: string, body: string, signal: AbortSignal | undefined, deadlineAt: number): Promise<Attempt> {
    const headers: Record<string, string> = {
      'Content-Type': 'application/json',
      'DNAnexus-API': '1.0.0',
      'User-Agent': this.#userAgent,
    };
    if (this.#token) headers.Authorization = `Bearer ${this.#token}`;
    const timeout = AbortSignal.timeout(Math.max(1, deadlineAt - Date.now()));
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(this.serverUrl + route, {
        method: 'POST',
        headers,
        body,
        // A redirect is reported, never followed: the token must only go to the configured server.
        redirect: 'manual',
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (error) {
      const code = errorCode(error);
      return { kind: 'transport', detail: describeTransport(error, code), code, sent: !neverReachedServer(code), timedOut: timeout.aborted };
    }
    let text: string;
    try {
      text = await response.text();
    } catch (error) {
      const code = errorCode(error);
      return { kind: 'transport', detail: `response cut off (${describeTransport(error, code)})`, code, sent: true, timedOut: timeout.aborted };
    }
    this.#log('debug', `POST ${route} -> ${response.status} in ${Date.now() - started} ms`);
    if (response.status !== 200) {
      return { kind: 'status', status: response.status, retryAfter: response.headers.get('retry-after'), text };
    }
    try {
      return { kind: 'ok', value: JSON.parse(text) };
    } catch {
      return { kind: 'transport', detail: 'the server sent a response that is not valid JSON', sent: true };
    }
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth += 1) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    const inner = (current as { cause?: unknown; errors?: unknown[] }).cause ?? (current as { errors?: unknown[] }).errors?.[0];
    current = inner;
  }
  return undefined;
}

function describeTransport(error: unknown, code: string | undefined): string {
  const name = (error as { name?: unknown })?.name;
  if (name === 'AbortError' || name === 'TimeoutError') return 'request aborted';
  return code ? `connection failed: ${code}` : 'connection failed';
}
