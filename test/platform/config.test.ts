import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import {
  checkServerUrl, DxConfigError, dxEnvironmentFile, readDxEnvironment, resolveDxConfig, watchDxEnvironment,
} from '../../platform/src/config';

const root = mkdtempSync(join(tmpdir(), 'dxrecord-config-'));
after(() => rmSync(root, { recursive: true, force: true }));

const FILE_TOKEN = 'file-token-5b9c1f0e';
const ENV_TOKEN = 'env-token-77d2a3c4';
const SECRET_TOKEN = 'secret-token-0e8f6a21';
const context = (token: string) => JSON.stringify({ auth_token: token, auth_token_type: 'Bearer' });

let homes = 0;
/** A fresh HOME with `~/.dnanexus_config/environment.json` holding `values` (as dx writes it). */
function homeWith(values?: Record<string, unknown>): string {
  const home = join(root, `home${(homes += 1)}`);
  mkdirSync(join(home, '.dnanexus_config'), { recursive: true });
  if (values) writeFileSync(join(home, '.dnanexus_config', 'environment.json'), `${JSON.stringify(values, null, 4)}\n`);
  return home;
}

const dxFile = {
  DX_APISERVER_HOST: '127.0.0.1',
  DX_APISERVER_PORT: '8123',
  DX_APISERVER_PROTOCOL: 'http',
  DX_PROJECT_CONTEXT_ID: 'project-FFFFFFFFFFFFFFFFFFFFFFFF',
  DX_SECURITY_CONTEXT: context(FILE_TOKEN),
  DX_CLI_WD: '/',
  DX_USERNAME: 'demo',
};

test('nothing configured: api.dnanexus.com over https, no token, no project', () => {
  const resolved = resolveDxConfig({ dx: readDxEnvironment({}, homeWith()) });
  assert.equal(resolved.serverUrl, 'https://api.dnanexus.com');
  assert.equal(resolved.token, undefined);
  assert.equal(resolved.projectId, undefined);
  assert.deepEqual(resolved.source, { server: 'default', token: 'none' });
  assert.deepEqual(resolved.problems, []);
});

test('environment.json as dx writes it (all strings, security context as a JSON string)', () => {
  const resolved = resolveDxConfig({ dx: readDxEnvironment({}, homeWith(dxFile)) });
  assert.equal(resolved.serverUrl, 'http://127.0.0.1:8123');
  assert.equal(resolved.token, FILE_TOKEN);
  assert.equal(resolved.projectId, 'project-FFFFFFFFFFFFFFFFFFFFFFFF');
  assert.deepEqual(resolved.source, { server: 'file', token: 'file', project: 'file' });
});

test('the platform defaults written out in full give the same URL as no configuration', () => {
  const home = homeWith({ DX_APISERVER_HOST: 'api.dnanexus.com', DX_APISERVER_PORT: '443', DX_APISERVER_PROTOCOL: 'https' });
  assert.equal(resolveDxConfig({ dx: readDxEnvironment({}, home) }).serverUrl, 'https://api.dnanexus.com');
  const noPort = readDxEnvironment({ DX_APISERVER_PORT: '' }, homeWith({ DX_APISERVER_HOST: 'localhost', DX_APISERVER_PROTOCOL: 'http' }));
  assert.equal(resolveDxConfig({ dx: noPort }).serverUrl, 'http://localhost', 'an empty port gives a URL without one, as in dxpy');
});

test('environment variables win per variable over the file', () => {
  const env = { DX_APISERVER_PORT: '9000', DX_SECURITY_CONTEXT: context(ENV_TOKEN) };
  const resolved = resolveDxConfig({ dx: readDxEnvironment(env, homeWith(dxFile)) });
  assert.equal(resolved.serverUrl, 'http://127.0.0.1:9000', 'host and protocol still from the file');
  assert.equal(resolved.token, ENV_TOKEN);
  assert.equal(resolved.projectId, 'project-FFFFFFFFFFFFFFFFFFFFFFFF');
  assert.deepEqual(resolved.source, { server: 'env', token: 'env', project: 'file' });
});

test('DX_USER_CONF_DIR replaces ~/.dnanexus_config', () => {
  const confDir = join(root, 'elsewhere');
  mkdirSync(confDir, { recursive: true });
  writeFileSync(join(confDir, 'environment.json'), JSON.stringify({ ...dxFile, DX_APISERVER_PORT: '7777' }));
  const home = homeWith(dxFile);
  const env = { DX_USER_CONF_DIR: confDir };
  assert.equal(dxEnvironmentFile(env, home), join(confDir, 'environment.json'));
  assert.equal(resolveDxConfig({ dx: readDxEnvironment(env, home) }).serverUrl, 'http://127.0.0.1:7777');
});

test('a SecretStorage token wins over env and file tokens', () => {
  const env = { DX_SECURITY_CONTEXT: context(ENV_TOKEN) };
  const resolved = resolveDxConfig({ dx: readDxEnvironment(env, homeWith(dxFile)), secretToken: SECRET_TOKEN });
  assert.equal(resolved.token, SECRET_TOKEN);
  assert.equal(resolved.source.token, 'secret');
});

test('the server setting wins, and the dx token is never sent to a server it does not belong to', () => {
  const dx = readDxEnvironment({}, homeWith(dxFile));
  const elsewhere = resolveDxConfig({ dx, apiServerSetting: 'https://api.example.org/' });
  assert.equal(elsewhere.serverUrl, 'https://api.example.org');
  assert.equal(elsewhere.source.server, 'setting');
  assert.equal(elsewhere.token, undefined);
  const same = resolveDxConfig({ dx, apiServerSetting: 'http://127.0.0.1:8123' });
  assert.equal(same.token, FILE_TOKEN, 'setting names the dx server itself');
  assert.equal(resolveDxConfig({ dx, apiServerSetting: '  ' }).source.server, 'file', 'blank setting = use dx config');
});

test('plain http is refused for anything but this machine', () => {
  assert.equal(checkServerUrl('http://localhost:8080/'), 'http://localhost:8080');
  assert.equal(checkServerUrl('http://[::1]:8080'), 'http://[::1]:8080');
  assert.equal(checkServerUrl('http://127.0.0.5:1'), 'http://127.0.0.5:1');
  assert.throws(() => checkServerUrl('http://api.dnanexus.com'), (e: Error) => e instanceof DxConfigError && /use https/.test(e.message));
  assert.throws(() => checkServerUrl('http://127.0.0.1.evil.example'), DxConfigError);
  assert.throws(() => checkServerUrl('ftp://127.0.0.1'), DxConfigError);
  assert.throws(() => checkServerUrl('not a url'), DxConfigError);
  const env = { DX_APISERVER_PROTOCOL: 'http', DX_APISERVER_HOST: 'api.dnanexus.com', DX_APISERVER_PORT: '80' };
  assert.throws(() => resolveDxConfig({ dx: readDxEnvironment(env, homeWith()) }), DxConfigError);
  assert.throws(() => resolveDxConfig({ dx: readDxEnvironment({}, homeWith()), apiServerSetting: 'http://evil.example' }), DxConfigError);
});

test('bad files and contexts are reported without the token and otherwise ignored', () => {
  const home = homeWith();
  writeFileSync(join(home, '.dnanexus_config', 'environment.json'), '{ not json');
  const broken = resolveDxConfig({ dx: readDxEnvironment({}, home) });
  assert.equal(broken.serverUrl, 'https://api.dnanexus.com');
  assert.equal(broken.problems.length, 1);
  const basic = resolveDxConfig({
    dx: readDxEnvironment({ DX_SECURITY_CONTEXT: JSON.stringify({ auth_token: ENV_TOKEN, auth_token_type: 'Basic' }) }, homeWith()),
  });
  assert.equal(basic.token, undefined);
  assert.match(basic.problems.join('\n'), /other than Bearer/);
  assert.doesNotMatch(basic.problems.join('\n'), new RegExp(ENV_TOKEN));
  const reset = resolveDxConfig({ dx: readDxEnvironment({ DX_SECURITY_CONTEXT: context('PUBLIC') }, homeWith()) });
  assert.equal(reset.token, undefined, '`dx clearenv --reset` placeholder is not a sign-in');
});

test('the watcher reports creation, edits and deletion of environment.json', async () => {
  const home = homeWith();
  const file = join(home, '.dnanexus_config', 'environment.json');
  let changes = 0;
  const waitForChange = async (seen: number) => {
    for (let waited = 0; changes === seen && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    assert.ok(changes > seen, 'change noticed');
  };
  const watcher = watchDxEnvironment({}, home, () => { changes += 1; }, 100);
  try {
    await new Promise((r) => setTimeout(r, 150));
    writeFileSync(file, JSON.stringify(dxFile));
    await waitForChange(0);
    const afterCreate = changes;
    writeFileSync(file, JSON.stringify({ ...dxFile, DX_APISERVER_PORT: '1234' }));
    await waitForChange(afterCreate);
    const afterEdit = changes;
    rmSync(file);
    await waitForChange(afterEdit);
  } finally {
    watcher.dispose();
  }
});
