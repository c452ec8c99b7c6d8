import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmulator, type RunningEmulator } from '../../emulator/src/index.js';
import { call, expectError, world, type World } from './helpers.js';

const md5 = (bytes: Buffer): string => createHash('md5').update(bytes).digest('hex');

/** Uploads `bytes` as part `index` the way dxpy does: /upload for a URL, then PUT with its headers. */
async function putPart(w: World, id: string, bytes: Buffer, index = 1): Promise<Response> {
  const grant = (await w.api(`/${id}/upload`, { index, size: bytes.length, md5: md5(bytes) })).body;
  return fetch(grant.url, { method: 'PUT', headers: grant.headers, body: bytes });
}

async function newClosedFile(w: World, content: string, input: Record<string, unknown> = {}): Promise<string> {
  const id = (await w.api('/file/new', { project: w.project, ...input })).body.id as string;
  assert.equal((await putPart(w, id, Buffer.from(content))).status, 200);
  await w.api(`/${id}/close`, {});
  await w.api(`/${id}/describe`, {});
  return id;
}

async function download(emu: RunningEmulator, token: string, id: string, headers: Record<string, string> = {}, input: unknown = {}): Promise<Response> {
  const grant = (await call(emu, token, `/${id}/download`, input)).body;
  return fetch(grant.url, { headers });
}

describe('files', () => {
  let w: World;
  let other: string;
  before(async () => {
    w = await world();
    other = (await w.api('/project/new', { name: 'Other' })).body.id;
  });
  after(() => w.emu.close());

  it('/file/new creates an open file, replaying a nonce like /record/new', async () => {
    const input = { project: w.project, name: 'reads.fastq', folder: '/in', parents: true, media: 'text/plain', nonce: 'file-nonce-1' };
    const first = await w.api('/file/new', input);
    assert.match(first.body.id, /^file-[0-9BFGJKPQVXYZbfgjkpqvxyz]{24}$/);
    assert.deepEqual((await w.api('/file/new', input)).body, first.body);
    expectError(await w.api('/file/new', { ...input, name: 'changed' }), 422, 'InvalidInput');
    const d = (await w.api(`/${first.body.id}/describe`, { fields: { parts: true }, defaultFields: true })).body;
    assert.deepEqual([d.class, d.state, d.name, d.folder, d.media, d.size, d.parts], ['file', 'open', 'reads.fastq', '/in', 'text/plain', 0, {}]);
  });

  it('hands out an upload URL on the emulator itself and keeps the PUT bytes as the part', async () => {
    const id = (await w.api('/file/new', { project: w.project })).body.id;
    const bytes = Buffer.from('ACGT\n'.repeat(100));
    const grant = (await w.api(`/${id}/upload`, { index: 1, size: bytes.length, md5: md5(bytes) })).body;
    assert.equal(new URL(grant.url).origin, w.emu.url);
    assert.equal(grant.headers['content-md5'], createHash('md5').update(bytes).digest('base64'));
    const pending = (await w.api(`/${id}/describe`, { fields: { parts: true, state: true } })).body;
    assert.equal(pending.parts['1'].state, 'pending');
    assert.equal((await fetch(grant.url, { method: 'PUT', headers: grant.headers, body: bytes })).status, 200);
    const done = (await w.api(`/${id}/describe`, { fields: { parts: true, size: true } })).body;
    assert.deepEqual(done.parts, { 1: { size: bytes.length, md5: md5(bytes), state: 'complete' } });
    assert.equal(done.size, bytes.length);
    assert.equal((await fetch(grant.url, { method: 'PUT', body: bytes })).status, 401, 'an upload URL is used once');
  });

  it('refuses a part that does not match what was announced, and a bad index', async () => {
    const id = (await w.api('/file/new', { project: w.project })).body.id;
    const grant = (await w.api(`/${id}/upload`, { size: 3, md5: md5(Buffer.from('abc')) })).body;
    const wrong = await fetch(grant.url, { method: 'PUT', body: 'abd' });
    assert.equal(wrong.status, 422);
    assert.equal(((await wrong.json()) as { error: { type: string } }).error.type, 'InvalidInput');
    expectError(await w.api(`/${id}/upload`, { index: 0 }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/upload`, { index: 10_001 }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/upload`, { md5: 'nope' }), 422, 'InvalidInput');
    expectError(await w.api(`/${id}/close`, {}), 422, 'InvalidState');
  });

  it('closes through "closing": the describe after close reports it once, then "closed"', async () => {
    const slow = await world({ fileClosingMs: 60_000 });
    try {
      const second = (await slow.api('/project/new', { name: 'Second' })).body.id;
      const id = (await slow.api('/file/new', { project: slow.project })).body.id;
      expectError(await slow.api(`/${id}/close`, {}), 422, 'InvalidState');
      await putPart(slow, id, Buffer.from('hello'));
      assert.deepEqual((await slow.api(`/${id}/close`, {})).body, { id });
      expectError(await slow.api(`/${slow.project}/clone`, { objects: [id], project: second }), 422, 'InvalidState');
      expectError(await slow.api(`/${id}/download`, {}), 422, 'InvalidState');
      const find = async (state: string) => (await slow.api('/system/findDataObjects', { class: 'file', state })).body.results.map((r: { id: string }) => r.id);
      assert.deepEqual(await find('closing'), [id]);
      assert.equal((await slow.api(`/${id}/describe`, {})).body.state, 'closing');
      const closed = (await slow.api(`/${id}/describe`, {})).body;
      assert.deepEqual([closed.state, closed.size, closed.media], ['closed', 5, 'text/plain']);
      expectError(await slow.api(`/${id}/upload`, {}), 422, 'InvalidState');
    } finally {
      await slow.emu.close();
    }
  });

  it('finishes closing by itself once the closing time has passed, described or not', async () => {
    const quick = await world({ fileClosingMs: 0 });
    try {
      const id = (await quick.api('/file/new', { project: quick.project })).body.id;
      await putPart(quick, id, Buffer.from([0x00, 0xff, 0x10]));
      await quick.api(`/${id}/close`, {});
      const found = (await quick.api('/system/findDataObjects', { class: 'file', state: 'closed', describe: { fields: { media: true } } })).body.results;
      assert.deepEqual(found.map((r: { id: string; describe: { media: string } }) => [r.id, r.describe.media]), [[id, 'application/octet-stream']]);
    } finally {
      await quick.emu.close();
    }
  });

  it('serves a closed file from a download URL, whole or by Range', async () => {
    const id = await newClosedFile(w, '0123456789', { name: 'digits.txt' });
    const whole = await download(w.emu, w.alice.token, id);
    assert.deepEqual([whole.status, await whole.text()], [200, '0123456789']);
    const ranged = await download(w.emu, w.alice.token, id, { Range: 'bytes=2-5' });
    assert.deepEqual([ranged.status, ranged.headers.get('content-range'), await ranged.text()], [206, 'bytes 2-5/10', '2345']);
    const tail = await download(w.emu, w.alice.token, id, { Range: 'bytes=-3' });
    assert.equal(await tail.text(), '789');
    assert.equal((await download(w.emu, w.alice.token, id, { Range: 'bytes=20-' })).status, 416);
    const grant = (await w.api(`/${id}/download`, { filename: 'renamed.txt' })).body;
    assert.deepEqual([new URL(grant.url).origin, grant.headers], [w.emu.url, {}]);
    assert.match((await fetch(grant.url)).headers.get('content-disposition') ?? '', /renamed\.txt/);
    expectError(await w.asBob(`/${id}/download`, {}), 401, 'PermissionDenied');
    assert.equal((await fetch(`${w.emu.url}/_transfer/not-a-secret/x`)).status, 401);
  });

  it('is found, listed and described in bulk like a record, with class "file"', async () => {
    const id = await newClosedFile(w, 'x', { name: 'listed.bin', folder: '/listed', parents: true });
    const found = (await w.api('/system/findDataObjects', { class: 'file', scope: { project: w.project, folder: '/listed' }, describe: true })).body.results;
    assert.deepEqual(found.map((r: { id: string; describe: { class: string; size: number } }) => [r.id, r.describe.class, r.describe.size]), [[id, 'file', 1]]);
    const listed = (await w.api(`/${w.project}/listFolder`, { folder: '/listed', describe: true })).body.objects;
    assert.deepEqual(listed.map((o: { id: string; describe: { name: string } }) => [o.id, o.describe.name]), [[id, 'listed.bin']]);
    const bulk = (await w.api('/system/describeDataObjects', { objects: [id], classDescribeOptions: { file: { fields: { parts: true } } } })).body.results;
    assert.deepEqual(Object.keys(bulk[0].describe.parts), ['1']);
  });

  it('clones into another project, where it downloads the same bytes', async () => {
    const id = await newClosedFile(w, 'shared bytes');
    assert.deepEqual((await w.api(`/${w.project}/clone`, { objects: [id], project: other })).body.exists, []);
    const there = await download(w.emu, w.alice.token, id, {}, { project: other });
    assert.equal(await there.text(), 'shared bytes');
  });

  it('has only the file methods on files: no /record-xxxx/upload', async () => {
    const record = (await w.api('/record/new', { project: w.project })).body.id;
    expectError(await w.api(`/${record}/upload`, {}), 404, 'ResourceNotFound');
  });

  it('never logs a transfer URL secret', async () => {
    const id = (await w.api('/file/new', { project: w.project })).body.id;
    const grant = (await w.api(`/${id}/upload`, {})).body;
    await fetch(grant.url, { method: 'PUT', body: 'z' });
    const secret = new URL(grant.url).pathname.split('/')[2];
    assert.ok(w.lines.some((line) => line.startsWith('PUT /_transfer/… 200')));
    assert.ok(!w.lines.some((line) => line.includes(secret)));
    assert.ok(!JSON.stringify(w.emu.admin.requestLog()).includes(secret));
  });
});

describe('files persist', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dxemu-files-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a closed file and its bytes across a restart', async () => {
    const dataFile = join(dir, 'state.json');
    const first = await startEmulator({ dataFile, fileClosingMs: 60_000 });
    const user = first.admin.createUser('keeper');
    const project = first.admin.createProject(user.userId, 'Kept');
    const id = (await call(first, user.token, '/file/new', { project, name: 'kept.txt' })).body.id;
    const grant = (await call(first, user.token, `/${id}/upload`, {})).body;
    await fetch(grant.url, { method: 'PUT', body: 'persisted' });
    await call(first, user.token, `/${id}/close`, {});
    await first.close();
    const second = await startEmulator({ dataFile });
    try {
      const d = (await call(second, user.token, `/${id}/describe`, {})).body;
      assert.deepEqual([d.name, d.state], ['kept.txt', 'closed'], 'saved while closing, it is closed after the restart');
      assert.equal(await (await download(second, user.token, id)).text(), 'persisted');
    } finally {
      await second.close();
    }
  });
});
