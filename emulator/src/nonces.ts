// Nonce replay (docs/platform-notes.md#nonces): same caller, route and nonce within an hour returns the
// original response when the input is unchanged, and InvalidInput when it changed.
import { invalidInput } from './errors.js';
import { canonicalJson } from '../../common/canonicalJson.js';
import { cloneJson } from '../../common/jsonText.js';
import { NONCE_RETENTION_MS, type EmulatorState } from './state.js';

export interface NonceClaim {
  key: string;
  input: string;
}

/** The earlier response for this nonce, or undefined when the call should proceed. */
export function replayNonce(state: EmulatorState, userId: string, route: string, nonce: string, input: unknown): { replay?: unknown; claim: NonceClaim } {
  const claim = { key: `${userId}\u0000${route}\u0000${nonce}`, input: canonicalJson(input) };
  const entry = state.nonces.get(claim.key);
  if (!entry || entry.at < state.now() - NONCE_RETENTION_MS) return { claim };
  if (entry.input !== claim.input) throw invalidInput('Nonce was reused for an earlier API request that had a different input');
  return { replay: cloneJson(entry.response), claim };
}

export function rememberNonce(state: EmulatorState, claim: NonceClaim, response: unknown): void {
  state.nonces.set(claim.key, { input: claim.input, response: cloneJson(response), at: state.now() });
}
