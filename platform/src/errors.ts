// Typed failures of API calls. Every error carries `userMessage`: text a person can act on.
// Platform errors are classified by `error.type`, never by HTTP status alone (PermissionDenied
// and InvalidAuthentication are both 401; 403 means billing).
import { requiredAccess } from './access';
import { redactJson, type Redact } from './redact';

export class DxError extends Error {
  /**
   * Set by the API client: some attempt of the call may have been carried out by the server
   * without its answer reaching us (a 5xx, a lost or cut-off answer, a deadline or cancellation
   * while a request was out). False when every attempt was refused or never reached the server.
   */
  outcomeUnknown = false;

  constructor(
    message: string,
    readonly route: string,
    readonly userMessage: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Whether a failed call may still have done its work on the server (anything but our own errors counts). */
export function mayHaveActed(error: unknown): boolean {
  return !(error instanceof DxError) || error.outcomeUnknown;
}

/** What to tell the user about any failure: our errors' actionable text, else the error's message. */
export function userMessageOf(error: unknown): string {
  if (error instanceof DxError) return error.userMessage;
  return error instanceof Error ? error.message : String(error);
}

export class DxApiError extends DxError {
  /** For InvalidInput: the path in the request input the platform's message names, if any. */
  readonly fieldPath?: string[];
  constructor(
    readonly type: string,
    readonly status: number,
    route: string,
    readonly platformMessage: string,
    userMessage: string,
    readonly details?: unknown,
  ) {
    super(`${route}: ${type} (HTTP ${status}): ${platformMessage}`, route, userMessage);
    if (type === 'InvalidInput') this.fieldPath = invalidInputFieldPath(platformMessage, details);
  }
}

export class DxNetworkError extends DxError {
  constructor(route: string, detail: string, readonly code?: string) {
    super(`${route}: ${detail}`, route, `Could not reach the DNAnexus API (${detail}). Check the connection and try again.`);
  }
}

export class DxCancelledError extends DxError {
  constructor(route: string) {
    super(`${route}: cancelled`, route, 'The request was cancelled.');
  }
}

export class DxDeadlineError extends DxError {
  constructor(route: string, readonly deadlineMs: number, lastProblem: string) {
    super(
      `${route}: no success within ${deadlineMs} ms (last: ${lastProblem})`,
      route,
      `The DNAnexus API did not answer successfully within ${Math.round(deadlineMs / 1000)} s ` +
        `(last problem: ${lastProblem}). Try again later or raise "dxrecord.requestDeadlineSeconds".`,
    );
  }
}

/** `Expected key "project" of input…` → ["project"], so the editor can mark that field. */
export function invalidInputFieldPath(message: string, details?: unknown): string[] | undefined {
  if (details && typeof details === 'object' && 'field' in details) {
    const field = (details as { field: unknown }).field;
    if (typeof field === 'string' && field !== '') return field.split('.');
  }
  if (/^Nonce was reused/i.test(message)) return ['nonce'];
  const named = /\b(?:key|property|field) "([^"]+)"/.exec(message);
  return named ? named[1].split('.') : undefined;
}

function userMessageFor(type: string, platformMessage: string, route: string, input: unknown): string {
  const said = platformMessage ? ` The platform said: ${platformMessage}` : '';
  switch (type) {
    case 'InvalidAuthentication':
      return `DNAnexus did not accept the API token. Sign in again ("DNAnexus: Sign In with API Token").${said}`;
    case 'PermissionDenied': {
      const need = requiredAccess(route, input);
      const what = need ? `${need.operation} needs ${need.level} access on ${need.container}` : `${route} needs more access`;
      return `Permission denied: ${what}. Ask a project administrator for that access level.${said}`;
    }
    case 'ResourceNotFound':
      return `Not found: ${platformMessage || `the target of ${route} does not exist`}.`;
    case 'InvalidInput':
      return `The platform rejected the input: ${platformMessage}`;
    case 'InvalidState':
      return `Not allowed in the object's current state (closed records cannot change details, types or visibility).${said}`;
    case 'InvalidType':
      return `An ID of the wrong class was given.${said}`;
    case 'SpendingLimitExceeded':
      return `The billing account has reached its spending limit; contact its administrator.${said}`;
    case 'OrgExpired':
      return `The organization that pays for this project has expired.${said}`;
    case 'MalformedJSON':
      return `The request was not valid JSON (a bug in this extension; see the DNAnexus log).${said}`;
    case 'ServiceUnavailable':
    case 'RateLimitConditional':
    case 'TooManyRequests':
    case 'InternalError':
      return `The DNAnexus API is temporarily unavailable; try again later.${said}`;
    default:
      return `DNAnexus API error ${type}.${said}`;
  }
}

// A platform error type is a CamelCase word; anything else in that field is not trusted as one.
const ERROR_TYPE = /^[A-Z][A-Za-z0-9]{0,63}$/;

/**
 * The typed error for a non-200 answer. Only the parsed `error.type`, `error.message` and
 * `error.details` are kept, each redacted; the body itself never reaches a message.
 */
export function apiErrorFromResponse(route: string, input: unknown, status: number, bodyText: string, redact: Redact): DxApiError {
  let type = `HTTP${status}`;
  let message = `unexpected HTTP ${status} response without a DNAnexus error body`;
  let details: unknown;
  const error = parsedError(bodyText);
  if (error && typeof error.type === 'string' && ERROR_TYPE.test(error.type) && redact(error.type) === error.type) {
    type = error.type;
    message = typeof error.message === 'string' ? redact(error.message) : '';
    details = redactJson(error.details, redact);
  }
  return new DxApiError(type, status, route, message, userMessageFor(type, message, route, input), details);
}

function parsedError(bodyText: string): { type?: unknown; message?: unknown; details?: unknown } | undefined {
  try {
    const error = (JSON.parse(bodyText) as { error?: unknown } | null)?.error;
    return typeof error === 'object' && error !== null ? error : undefined;
  } catch {
    // A proxy or load balancer page, not the platform's JSON: typed by status.
    return undefined;
  }
}
