// Nonces: a non-empty string of at most 128 UTF-8 bytes (platform Nonces page).

import { type RuleContext, isString } from './context';
import { utf8Length } from '../utf8';

export const NONCE_MAX_BYTES = 128;

export function checkNonce(ctx: RuleContext): void {
  const node = ctx.field('nonce');
  if (!isString(node)) return;
  if (node.value === '') {
    ctx.report.error('nonce-invalid', 'The nonce is empty: remove it (one is added when the record is created) or use a unique string.', node);
    return;
  }
  const bytes = utf8Length(node.value);
  if (bytes > NONCE_MAX_BYTES) {
    ctx.report.error('nonce-invalid', `The nonce is ${bytes} bytes in UTF-8; the limit is ${NONCE_MAX_BYTES}. Use a shorter unique string.`, node);
  }
}
