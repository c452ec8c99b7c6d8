// Retry policy, following dxpy's DXHTTPRequest (docs/platform-notes.md#retries, decision 5): which failures may be
// retried, whether they use up the retry budget, and how long to wait before the next attempt.

/** Retries that count against the budget (throttled 503/429 responses do not count). */
export const MAX_COUNTED_RETRIES = 6;

export function isThrottled(status: number): boolean {
  return status === 503 || status === 429;
}

export function isRetryableStatus(status: number): boolean {
  return status >= 500 || status === 429;
}

// Routes that dx-toolkit's wrapper table marks idempotent (or nonce-carrying), by method name.
const DATA_OBJECT_METHODS = new Set([
  'describe', 'getDetails', 'setDetails', 'setProperties', 'addTags', 'removeTags', 'addTypes',
  'removeTypes', 'rename', 'setVisibility', 'close', 'listProjects',
]);
const CONTAINER_METHODS = new Set(['describe', 'listFolder', 'newFolder']);
const SYSTEM_METHODS = new Set([
  'whoami', 'findDataObjects', 'findProjects', 'findApps', 'findGlobalWorkflows',
  'describeDataObjects', 'resolveDataObjects',
]);
const NONCE_ROUTES = new Set([
  '/record/new', '/file/new', '/applet/new', '/app/new', '/workflow/new', '/job/new', '/org/new',
]);

export function acceptsNonce(route: string): boolean {
  return NONCE_ROUTES.has(route);
}

export function isSafeToResend(route: string): boolean {
  if (acceptsNonce(route)) return true;
  const match = /^\/([a-z]+)-[^/]+\/([A-Za-z]+)$/.exec(route);
  if (match) {
    const [, cls, method] = match;
    if (cls === 'project' || cls === 'container') return CONTAINER_METHODS.has(method);
    if (cls === 'user') return method === 'describe';
    return DATA_OBJECT_METHODS.has(method);
  }
  const system = /^\/system\/([A-Za-z]+)$/.exec(route);
  return system !== null && SYSTEM_METHODS.has(system[1]);
}

// Error codes that prove the request never left this machine or never reached the server.
const NEVER_SENT_CODES = new Set([
  'ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETDOWN', 'ENETUNREACH', 'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED', 'ERR_TLS_CERT_ALTNAME_INVALID',
]);

export function neverReachedServer(code: string | undefined): boolean {
  return code !== undefined && NEVER_SENT_CODES.has(code);
}

// dxpy's delay. `attempts` counts every attempt so far, throttled ones included. An integer
// Retry-After s on 503/429 waits s + floor(0.25 * min(n-1, 20) * s), or s when s >= 60; otherwise
// 1 s, then a random whole number of seconds in [2^(n-2), 2^(n-1)] with n capped at 8.
export function retryDelaySeconds(
  attempts: number,
  response?: { status: number; retryAfter: string | null },
  random: () => number = Math.random,
): number {
  if (response && isThrottled(response.status) && response.retryAfter !== null) {
    const trimmed = response.retryAfter.trim();
    if (/^\d+$/.test(trimmed)) {
      const seconds = Number(trimmed);
      if (seconds >= 60) return seconds;
      return seconds + Math.floor(0.25 * Math.min(attempts - 1, 20) * seconds);
    }
  }
  if (attempts <= 1) return 1;
  const n = Math.min(attempts, 8);
  const low = 2 ** (n - 2);
  const high = 2 ** (n - 1);
  return low + Math.floor(random() * (high - low + 1));
}
