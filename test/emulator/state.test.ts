// The pure layers, without HTTP: IDs, folders, metadata rules, query matching, state and snapshots.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson } from '../../common/canonicalJson.js';
import { isContainerId } from '../../common/dxIds.js';
import { normalizeFolder } from '../../common/dxPaths.js';
import { baseName, folderProblem, isWithin, parentFolder } from '../../emulator/src/folders.js';
import { ID_ALPHABET, hashIdClass, mintId, seededRandomInt } from '../../emulator/src/ids.js';
import { checkDetails } from '../../emulator/src/metadata.js';
import { replayNonce, rememberNonce } from '../../emulator/src/nonces.js';
import { restore, snapshot } from '../../emulator/src/persistence.js';
import { globToRegExp, listMatcher, propertiesMatcher } from '../../emulator/src/query.js';
import { EmulatorState } from '../../emulator/src/state.js';

describe('pure emulator layers', () => {
  it('mints 24-character IDs from the platform alphabet, reproducibly when seeded', () => {
    const a = mintId('record', seededRandomInt(1));
    assert.equal(a, mintId('record', seededRandomInt(1)));
    assert.match(a, new RegExp(`^record-[${ID_ALPHABET}]{24}$`));
    assert.equal(ID_ALPHABET.length, 32);
    assert.equal(hashIdClass('container-' + 'B'.repeat(24)), 'container');
    assert.equal(hashIdClass('container-' + 'B'.repeat(23)), undefined);
    assert.ok(isContainerId('container-' + 'B'.repeat(24)) && !isContainerId('record-' + 'B'.repeat(24)));
  });

  it('normalises and relates folder paths', () => {
    assert.equal(normalizeFolder('/a//b///'), '/a/b');
    assert.equal(normalizeFolder('///'), '/');
    // Canonical paths come back as they are; anything else is rebuilt.
    for (const canonical of ['/', '/a', '/a/b c']) assert.equal(normalizeFolder(canonical), canonical);
    assert.equal(normalizeFolder('/a/'), '/a');
    assert.equal(normalizeFolder('a/b'), '/a/b');
    assert.equal(normalizeFolder(''), '/');
    assert.equal(parentFolder('/a/b'), '/a');
    assert.equal(parentFolder('/a'), '/');
    assert.equal(baseName('/a/b'), 'b');
    assert.ok(isWithin('/a/b', '/a') && !isWithin('/ab', '/a') && isWithin('/x', '/'));
    assert.ok(folderProblem('a') && folderProblem('/a/..') && folderProblem('/a\tb'));
    assert.equal(folderProblem('/a/b'), undefined);
  });

  it('compares nonce inputs by value, not key order', () => {
    assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] }), canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
    assert.notEqual(canonicalJson({ a: 1 }), canonicalJson({ a: '1' }));
  });

  it('collects links from nested details', () => {
    assert.deepEqual(checkDetails({ a: [{ $dnanexus_link: 'x' }, { b: { $dnanexus_link: 'y' } }], c: { $dnanexus_link: 'x' } }, undefined), ['x', 'y']);
    assert.throws(() => checkDetails({ a: { $dnanexus_link: 'x' } }, 10), /maximum size/);
  });

  it('matches globs, tag compositions and property filters', () => {
    assert.ok(globToRegExp('sa?ple-*').test('sample-0001'));
    assert.ok(!globToRegExp('a[b]').test('ab') && globToRegExp('a[b]').test('a[b]'));
    assert.ok(globToRegExp('a\\*').test('a*') && !globToRegExp('a\\*').test('ab'));
    const tags = listMatcher({ $or: ['x', { $and: ['y', 'z'] }] }, 'tags');
    assert.ok(tags(['x']) && tags(['y', 'z']) && !tags(['y']));
    const props = propertiesMatcher({ $and: [{ a: '1' }, { b: false }] });
    assert.ok(props({ a: '1' }) && !props({ a: '1', b: '2' }));
  });

  it('keeps timestamps strictly increasing and round-trips through a snapshot', () => {
    const state = new EmulatorState();
    state.setClock(() => 1000);
    assert.ok(state.now() < state.now());
    const user = state.createUser('u');
    const project = state.createContainer(user.id, 'P');
    state.ensureFolder(project, '/a/b', true);
    assert.throws(() => state.ensureFolder(project, '/c', false), /could not be found/);
    state.grant(project.id, 'user-other', 'VIEW');
    const copy = new EmulatorState();
    restore(copy, JSON.parse(JSON.stringify(snapshot(state))));
    assert.deepEqual([...copy.containers.get(project.id)!.folders].sort(), ['/', '/a', '/a/b']);
    assert.equal(copy.levelOf('user-other', project.id), 'VIEW');
    assert.equal(copy.userForToken(user.token)?.id, user.id);
  });

  it('forgets nonces after an hour, as the platform may', () => {
    const state = new EmulatorState();
    let now = 1_000_000;
    state.setClock(() => now);
    const first = replayNonce(state, 'user-u', '/record/new', 'n', { a: 1 });
    assert.equal(first.replay, undefined);
    rememberNonce(state, first.claim, { id: 'record-x' });
    assert.deepEqual(replayNonce(state, 'user-u', '/record/new', 'n', { a: 1 }).replay, { id: 'record-x' });
    assert.throws(() => replayNonce(state, 'user-u', '/record/new', 'n', { a: 2 }), /Nonce was reused/);
    now += 60 * 60 * 1000 + 1;
    assert.equal(replayNonce(state, 'user-u', '/record/new', 'n', { a: 2 }).replay, undefined);
  });
});
