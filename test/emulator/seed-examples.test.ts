import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DxApiClient } from '../../platform/src/apiClient';
import { PlatformCache } from '../../client/src/lookups/platformCache';
import { DEMO_TOKEN, startEmulator, type RunningEmulator } from '../../emulator/src/index.js';
import { validateRecord } from '../../server/src/engine';
import { platformDiagnostics, supersede } from '../../server/src/languageService/platform/checks';
import { call } from './helpers.js';

const VALID = join(__dirname, '..', '..', 'examples', 'valid');
const examples = readdirSync(VALID)
  .filter((f) => f.endsWith('.dxrecord.json'))
  .map((f) => {
    const text = readFileSync(join(VALID, f), 'utf8');
    return { file: f, text, record: JSON.parse(text) as Record<string, unknown> };
  });

/** The diagnostics the editor shows for `text` when signed in to `emu` as the demo user (warnings and errors). */
async function signedInProblems(emu: RunningEmulator, text: string): Promise<string[]> {
  const client = new DxApiClient({ serverUrl: emu.url, token: DEMO_TOKEN, deadlineMs: 10_000 });
  const cache = new PlatformCache(() => client);
  const { diagnostics, facts } = validateRecord(text);
  const platform = await platformDiagnostics(facts, (query, signal) => cache.answer(query, signal));
  return supersede(diagnostics, platform).filter((d) => d.severity === 'error' || d.severity === 'warning').map((d) => d.code);
}

/** Every link target in a details value, string form or project form. */
function linkTargets(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(linkTargets);
  if (typeof node !== 'object' || node === null) return [];
  const link = (node as Record<string, unknown>).$dnanexus_link;
  if (typeof link === 'string') return [link];
  if (typeof link === 'object' && link !== null) return [(link as { id: string }).id];
  return Object.values(node).flatMap(linkTargets);
}

// The shipped valid examples must be clean for the demo user: their project and every link target exist.
describe('--seed-demo holds what the shipped examples name', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ seedDemo: true });
  });
  after(() => emu.close());

  it('finds examples to check', () => {
    assert.ok(examples.length > 0);
    assert.ok(examples.some(({ record }) => linkTargets(record.details).length > 0));
  });

  for (const { file, text, record } of examples) {
    it(`${file}: the project exists and the demo user can create in it`, async () => {
      const d = await call(emu, DEMO_TOKEN, `/${String(record.project)}/describe`, {});
      assert.equal(d.status, 200, JSON.stringify(d.body));
      assert.ok(['UPLOAD', 'CONTRIBUTE', 'ADMINISTER'].includes(d.body.level), d.body.level);
    });

    it(`${file}: every link target exists and is visible to the demo user, closed`, async () => {
      const targets = [...new Set(linkTargets(record.details))];
      const results = (await call(emu, DEMO_TOKEN, '/system/describeDataObjects', { objects: targets })).body.results;
      assert.deepEqual(results.map((r: { describe?: { id: string; state: string } }) => [r.describe?.id, r.describe?.state]), targets.map((t) => [t, 'closed']));
    });

    it(`${file}: is clean for the editor signed in as the demo user`, async () => {
      assert.deepEqual(await signedInProblems(emu, text), []);
    });

    it(`${file}: Create works on it as the demo user`, async () => {
      const created = await call(emu, DEMO_TOKEN, '/record/new', record);
      assert.equal(created.status, 200, JSON.stringify(created.body));
      const links = (await call(emu, DEMO_TOKEN, `/${created.body.id}/describe`, {})).body.links;
      assert.deepEqual(links, [...new Set(linkTargets(record.details))]);
    });
  }

  it('the signed-in check does ask the platform: a target the seed lacks is reported', async () => {
    const linked = examples.find(({ record }) => linkTargets(record.details).length > 0);
    assert.ok(linked);
    const target = linkTargets(linked.record.details)[0];
    const dangling = target.slice(0, -1) + (target.endsWith('0') ? '1' : '0');
    assert.deepEqual(await signedInProblems(emu, linked.text.replace(target, dangling)), ['link-target-not-found']);
  });

  it('the linked files hold bytes the demo user can download', async () => {
    const files = [...new Set(examples.flatMap(({ record }) => linkTargets(record.details)))].filter((id) => id.startsWith('file-'));
    assert.ok(files.length > 0);
    for (const id of files) {
      const d = (await call(emu, DEMO_TOKEN, `/${id}/describe`, {})).body;
      const grant = (await call(emu, DEMO_TOKEN, `/${id}/download`, {})).body;
      const bytes = Buffer.from(await (await fetch(grant.url)).arrayBuffer());
      assert.ok(d.size > 0);
      assert.equal(bytes.length, d.size);
    }
  });
});
