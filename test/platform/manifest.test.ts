// The manifest is where VS Code learns that a workspace may not choose the API server.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const manifest = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8'));

test('dxrecord.apiServer is user-only and restricted in untrusted workspaces', () => {
  const setting = manifest.contributes.configuration.properties['dxrecord.apiServer'];
  assert.equal(setting.scope, 'application', 'workspace settings files cannot set it');
  assert.equal(setting.default, '');
  assert.ok(manifest.capabilities.untrustedWorkspaces.restrictedConfigurations.includes('dxrecord.apiServer'));
  assert.equal(manifest.contributes.configuration.properties['dxrecord.requestDeadlineSeconds'].default, 120);
});

test('sign-in commands carry the titles users search for', () => {
  const titles = Object.fromEntries(
    (manifest.contributes.commands as { command: string; title: string; category?: string }[])
      .map((c) => [c.command, `${c.category ? `${c.category}: ` : ''}${c.title}`]),
  );
  assert.equal(titles['dxrecord.signIn'], 'DNAnexus: Sign In with API Token');
  assert.equal(titles['dxrecord.signOut'], 'DNAnexus: Sign Out');
  assert.equal(titles['dxrecord.showLog'], 'DNAnexus: Show Log');
});
