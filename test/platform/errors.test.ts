import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiErrorFromResponse as fromResponse, DxApiError, invalidInputFieldPath } from '../../platform/src/errors';
import { tokenRedactor } from '../../platform/src/redact';

const body = (type: string, message: string, details?: unknown) => JSON.stringify({ error: { type, message, details } });
const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const RECORD = 'record-B0FJgXy4Zg231jgbQ9zQ0003';
const apiErrorFromResponse = (route: string, input: unknown, status: number, text: string) =>
  fromResponse(route, input, status, text, tokenRedactor('errors-test-token'));

test('401 is told apart by error.type: InvalidAuthentication says sign in again, PermissionDenied names the level', () => {
  const auth = apiErrorFromResponse('/system/whoami', {}, 401, body('InvalidAuthentication', 'the token could not be found'));
  assert.equal(auth.type, 'InvalidAuthentication');
  assert.match(auth.userMessage, /Sign in again/);
  const denied = apiErrorFromResponse('/record/new', { project: PROJECT }, 401, body('PermissionDenied', 'UPLOAD required'));
  assert.equal(denied.type, 'PermissionDenied');
  assert.equal(denied.status, 401);
  assert.match(denied.userMessage, new RegExp(`needs UPLOAD access on ${PROJECT}`));
  assert.doesNotMatch(denied.userMessage, /Sign in again/);
});

test('PermissionDenied names the level each kind of route needs', () => {
  const cases: [string, unknown, RegExp][] = [
    [`/${RECORD}/describe`, { project: PROJECT }, new RegExp(`VIEW access on ${PROJECT}`)],
    [`/${RECORD}/setProperties`, { project: PROJECT }, /UPLOAD \(CONTRIBUTE if the object is closed\)/],
    [`/${RECORD}/close`, {}, new RegExp(`UPLOAD access on the project holding ${RECORD}`)],
    [`/${PROJECT}/removeObjects`, {}, new RegExp(`CONTRIBUTE access on ${PROJECT}`)],
    [`/${PROJECT}/listFolder`, {}, new RegExp(`VIEW access on ${PROJECT}`)],
  ];
  for (const [route, input, expected] of cases) {
    assert.match(apiErrorFromResponse(route, input, 401, body('PermissionDenied', 'no')).userMessage, expected, route);
  }
});

test('ResourceNotFound says what was not found; billing 403s are not mistaken for permissions', () => {
  const missing = apiErrorFromResponse(`/${RECORD}/describe`, {}, 404, body('ResourceNotFound', `The entity "${RECORD}" could not be found`));
  assert.match(missing.userMessage, new RegExp(`Not found: The entity "${RECORD}" could not be found`));
  const billing = apiErrorFromResponse('/record/new', { project: PROJECT }, 403, body('SpendingLimitExceeded', 'limit'));
  assert.equal(billing.type, 'SpendingLimitExceeded');
  assert.match(billing.userMessage, /spending limit/);
  const closed = apiErrorFromResponse(`/${RECORD}/setDetails`, {}, 422, body('InvalidState', 'closed'));
  assert.match(closed.userMessage, /closed records cannot change details/);
});

test('InvalidInput keeps the platform message and locates the field it names', () => {
  const error = apiErrorFromResponse('/record/new', {}, 422,
    body('InvalidInput', 'Expected key "project" of input to be a valid DNAnexus container ID'));
  assert.ok(error instanceof DxApiError);
  assert.match(error.userMessage, /Expected key "project" of input to be a valid DNAnexus container ID/);
  assert.deepEqual(error.fieldPath, ['project']);
  assert.deepEqual(invalidInputFieldPath('Expected input to have property "rank"'), ['rank']);
  assert.deepEqual(invalidInputFieldPath('Expected key "initializeFrom.id" of input to be a record ID'), ['initializeFrom', 'id']);
  assert.deepEqual(invalidInputFieldPath('details too large', { field: 'details' }), ['details']);
  assert.deepEqual(invalidInputFieldPath('Nonce was reused for an earlier API request that had a different input'), ['nonce']);
  assert.equal(invalidInputFieldPath('something else went wrong'), undefined);
});

test('a non-JSON or shapeless error body still gives a typed error with the status', () => {
  const html = apiErrorFromResponse('/system/whoami', {}, 502, '<html>Bad Gateway</html>');
  assert.equal(html.type, 'HTTP502');
  assert.equal(html.status, 502);
  assert.match(html.platformMessage, /without a DNAnexus error body/);
  const shapeless = apiErrorFromResponse('/system/whoami', {}, 400, '{"oops":true}');
  assert.equal(shapeless.type, 'HTTP400');
});
