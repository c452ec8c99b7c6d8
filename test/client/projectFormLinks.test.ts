// Decision 1 (revised): a {project, id} link's id is a link fact like a string link's, so the
// signed-in check looks it up (against the emulator over HTTP, as the editor would).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DxApiClient } from '../../platform/src/apiClient';
import { PlatformCache } from '../../client/src/lookups/platformCache';
import { DEMO_TOKEN, startEmulator, type RunningEmulator } from '../../emulator/src/index.js';
import { validateRecord } from '../../server/src/engine';
import { platformDiagnostics, supersede } from '../../server/src/languageService/platform/checks';

const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';
const SEEDED_FILE = 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz';
const DANGLING = 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJ0';

describe('project-form links and the signed-in checks', () => {
  let emu: RunningEmulator;
  before(async () => {
    emu = await startEmulator({ seedDemo: true });
  });
  after(() => emu.close());

  async function problems(target: string): Promise<string[]> {
    const text = JSON.stringify({ project: PROJECT, details: { reads: { $dnanexus_link: { project: PROJECT, id: target } } } }, null, 2);
    const client = new DxApiClient({ serverUrl: emu.url, token: DEMO_TOKEN, deadlineMs: 10_000 });
    const cache = new PlatformCache(() => client);
    const { diagnostics, facts } = validateRecord(text);
    const platform = await platformDiagnostics(facts, (query, signal) => cache.answer(query, signal));
    return supersede(diagnostics, platform).map((d) => d.code);
  }

  it('an existing target: only the form warning', async () => {
    assert.deepEqual(await problems(SEEDED_FILE), ['link-project-form']);
  });

  it('a target the platform cannot find: link-target-not-found as for a string link', async () => {
    assert.deepEqual((await problems(DANGLING)).sort(), ['link-project-form', 'link-target-not-found']);
  });
});
