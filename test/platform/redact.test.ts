import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { apiErrorFromResponse } from '../../platform/src/errors';
import { redactJson, tokenRedactor } from '../../platform/src/redact';
import { ECHO_FORMS, leakReport, tokenFormIn } from './tokenForms';

const token = `REDACTCANARY${randomBytes(12).toString('hex')}`;
const echo = `authorization: Bearer ${token}; user-agent: x`;
const redact = tokenRedactor(token);

test('every form of the token in a text is found by the detector, then removed by the redaction', () => {
  for (const [form, encode] of Object.entries(ECHO_FORMS)) {
    const text = `the server said <${encode(echo)}> and <${encode(token)}>`;
    assert.ok(tokenFormIn(text, token), `control: the detector sees the ${form} form`);
    const redacted = redact(text);
    const found = tokenFormIn(redacted, token);
    assert.equal(found, undefined, `${form}: ${found && leakReport(redacted, token, found)}`);
    assert.match(redacted, /^the server said </, `${form}: the text around the token stays`);
  }
});

test('an Authorization header line loses its value whatever token it carries', () => {
  const other = tokenRedactor(undefined);
  assert.equal(other('Authorization: Bearer abc.def-123 next'), 'Authorization: [token] next');
  assert.equal(other('{"authorization":"Bearer abc"}'), '{"authorization":"[token]"}');
  assert.equal(other('no header here'), 'no header here');
});

test('a JSON-escaped echo in an error body is redacted after parsing, in the message and the details', () => {
  const escaped = ECHO_FORMS.jsonSomeMixedCase(echo);
  const body = `{"error":{"type":"InvalidInput","message":"echo ${escaped}","details":{"${ECHO_FORMS.jsonLower(token)}":["${escaped}"]}}}`;
  assert.ok(JSON.stringify(JSON.parse(body)).includes(token), 'control: parsing the body yields the raw token');
  const error = apiErrorFromResponse('/system/whoami', {}, 422, body, redact);
  assert.equal(error.type, 'InvalidInput');
  const visible = [error.message, error.userMessage, error.platformMessage, JSON.stringify(error.details)].join('\n');
  assert.equal(tokenFormIn(visible, token), undefined);
  assert.match(error.platformMessage, /^echo authorization: \[token\]/);
  const unredacted = apiErrorFromResponse('/system/whoami', {}, 422, body, (text) => text);
  assert.ok(tokenFormIn(unredacted.userMessage, token), 'control: without redaction the token is in the user message');
});

test('an error type that is not a platform error name is not trusted, so a token there cannot reach a message', () => {
  for (const type of [token, `Invalid${token}`, 'not a type', '']) {
    const error = apiErrorFromResponse('/system/whoami', {}, 400, JSON.stringify({ error: { type, message: 'm' } }), redact);
    assert.equal(error.type, 'HTTP400', type);
    assert.equal(tokenFormIn(`${error.message} ${error.userMessage}`, token), undefined);
  }
});

test('redactJson keeps the shape and non-string values', () => {
  assert.deepEqual(redactJson({ [token]: [token, 1, null, { ok: true }] }, redact), { '[token]': ['[token]', 1, null, { ok: true }] });
});
