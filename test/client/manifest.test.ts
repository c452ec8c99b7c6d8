// The record features' manifest entries: every command the code registers is declared with the
// title the palette shows, every menu and welcome link names a declared command, and the view exists.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const root = join(__dirname, '../..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes;
const declared = new Map<string, string>(
  (contributes.commands as { command: string; title: string; category?: string }[]).map((c) => [c.command, `${c.category}: ${c.title}`]),
);

test('every command registered by the record features is declared, with its palette title', () => {
  const source = readFileSync(join(root, 'client/src/commands/index.ts'), 'utf8');
  const registered = [...source.matchAll(/\['(dxrecord\.[A-Za-z]+)'/g)].map((m) => m[1]);
  assert.ok(registered.length >= 12);
  for (const id of registered) assert.ok(declared.has(id), `${id} is not declared`);
  assert.deepEqual(
    ['createRecord', 'describeRecord', 'pullRecord', 'updateRecord', 'closeRecord', 'copyId', 'selectProject', 'refresh'].map((c) => declared.get(`dxrecord.${c}`)),
    [
      'DNAnexus: Create Record from File',
      'DNAnexus: Describe Record',
      'DNAnexus: Pull Record into File',
      'DNAnexus: Update Record from File',
      'DNAnexus: Close Record',
      'DNAnexus: Copy ID',
      'DNAnexus: Select Project',
      'DNAnexus: Refresh',
    ],
  );
});

test('the record file lens and Create name declared commands: Compare with Platform, Push, Pull', () => {
  const lens = readFileSync(join(root, 'client/src/recordsAsCode/recordLens.ts'), 'utf8');
  const named = [...lens.matchAll(/_COMMAND = '(dxrecord\.[A-Za-z]+)'/g)].map((m) => m[1]);
  assert.deepEqual(named.map((id) => declared.get(id)), ['DNAnexus: Compare with Platform', 'DNAnexus: Push File to Platform', 'DNAnexus: Pull File from Platform']);
});

test('menus and welcome links only name declared commands', () => {
  let menuEntries = 0;
  for (const [menu, entries] of Object.entries(contributes.menus as Record<string, { command: string }[]>)) {
    for (const entry of entries) assert.ok(declared.has(entry.command), `${menu} names ${entry.command}`);
    menuEntries += entries.length;
  }
  let links = 0;
  for (const welcome of contributes.viewsWelcome as { contents: string }[]) {
    for (const [, id] of welcome.contents.matchAll(/\(command:([\w.]+)\)/g)) {
      assert.ok(declared.has(id), `welcome names ${id}`);
      links += 1;
    }
  }
  // Without these the loops above would pass on a manifest whose menus or links failed to parse.
  assert.ok(menuEntries > 0 && links > 0, `checked ${menuEntries} menu entries and ${links} welcome links`);
});

test('the Records view lives in its own activity-bar container with a Sign In welcome', () => {
  const container = contributes.viewsContainers.activitybar.find((c: { id: string }) => c.id === 'dxrecord');
  assert.ok(container && existsSync(join(root, container.icon)));
  assert.deepEqual(contributes.views.dxrecord.map((v: { id: string }) => v.id), ['dxrecord.records']);
  const signedOut = contributes.viewsWelcome.find((w: { when: string }) => w.when === '!dxrecord.signedIn');
  assert.match(signedOut.contents, /\[Sign In\]\(command:dxrecord\.signIn\)/);
  const editorTitle = contributes.menus['editor/title'].find((m: { command: string }) => m.command === 'dxrecord.createRecord');
  assert.equal(editorTitle.when, 'resourceLangId == dxrecord');
});
