import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ResolvedConfig } from '../../platform/src/config';
import { describeState } from '../../platform/src/sessionState';

const config: ResolvedConfig = {
  serverUrl: 'http://127.0.0.1:8123',
  token: 'tok-never-shown-123',
  projectId: 'project-FFFFFFFFFFFFFFFFFFFFFFFF',
  source: { server: 'setting', token: 'file', project: 'file' },
  problems: [],
};

test('the status bar names the user, the selected project, where the token came from, and never the token', () => {
  const project = { id: 'project-GGGGGGGGGGGGGGGGGGGGGGGG', name: 'Cohort study' };
  const signedIn = describeState({ kind: 'signedIn', config, userId: 'user-demo' }, project);
  assert.equal(signedIn.text, 'DNAnexus: demo · Cohort study');
  assert.match(signedIn.tooltip, /Signed in to http:\/\/127\.0\.0\.1:8123 as user-demo \(token from the dx configuration file\)/);
  assert.match(signedIn.tooltip, /Project: Cohort study \(project-GGGGGGGGGGGGGGGGGGGGGGGG\)/);
  assert.equal(describeState({ kind: 'signedIn', config, userId: 'user-demo' }, { id: project.id }).text, `DNAnexus: demo · ${project.id}`);
  assert.match(describeState({ kind: 'signedIn', config, userId: 'user-demo' }).tooltip, /No project selected/);
  const states = [
    signedIn,
    describeState({ kind: 'signedOut', serverUrl: config.serverUrl }),
    describeState({ kind: 'checking', config }),
    describeState({ kind: 'unverified', config, reason: 'connection failed: ECONNREFUSED' }),
    describeState({ kind: 'rejected', config, reason: 'DNAnexus did not accept the API token.' }),
    describeState({ kind: 'configError', message: 'Refusing plain http' }),
  ];
  assert.deepEqual(states.slice(1).map((s) => s.text), [
    'DNAnexus: signed out', 'DNAnexus: checking…', 'DNAnexus: offline', 'DNAnexus: sign in again', 'DNAnexus: configuration error',
  ]);
  for (const { text, tooltip } of states) assert.ok(!`${text}${tooltip}`.includes(config.token!));
});
