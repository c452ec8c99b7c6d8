// planRecords, in process (it is pure): which live record each file belongs to — by project and
// key, else an unkeyed, never-replaced record with the file's folder and name — as the plan indexes
// the looked-up records once instead of scanning them per file.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LiveRecord } from '../../platform/src/recordsAsCode/live';
import { planRecords, type PlanInput } from '../../platform/src/recordsAsCode/plan';
import { KEY_PROPERTY, REPLACED_BY_PROPERTY } from '../../platform/src/recordsAsCode/root';

const P1 = 'project-B0FJgXy4Zg231jgbQ9zQ0001';
const P2 = 'project-B0FJgXy4Zg231jgbQ9zQ0002';

let serial = 0;
function live(project: string, name: string, folder: string, properties: Record<string, string> = {}): LiveRecord {
  const id = `record-B0FJgXy4Zg231jgbQ9zQ${String(++serial).padStart(4, '0')}`;
  return { id, project, name, folder, tags: [], types: [], hidden: false, state: 'open', modified: 0, properties, details: {} };
}

const file = (key: string, fields: Record<string, unknown>) => ({ path: `${key}.dxrecord.json`, key, text: JSON.stringify(fields) });

function plan(input: Partial<PlanInput> & Pick<PlanInput, 'files'>) {
  return planRecords({ managed: [], unmanaged: [], prune: false, inScope: () => true, ...input }).actions.map((a) => [a.key, a.action, a.record]);
}

describe('planRecords: matching files to live records', () => {
  it('a key matches only the record of the same project; the same key elsewhere is not it', () => {
    const here = live(P1, 'a', '/', { [KEY_PROPERTY]: 'a' });
    const there = live(P2, 'a', '/', { [KEY_PROPERTY]: 'a' });
    assert.deepEqual(plan({ files: [file('a', { project: P1, name: 'a' })], managed: [there, here] }), [['a', 'no-op', here.id]]);
    assert.deepEqual(plan({ files: [file('a', { project: P2, name: 'b' })], managed: [here, there] }), [['a', 'update', there.id]]);
  });

  it('two live records with one key are a conflict; a replaced record (history) does not count', () => {
    const first = live(P1, 'a', '/', { [KEY_PROPERTY]: 'a' });
    const second = live(P1, 'a', '/', { [KEY_PROPERTY]: 'a' });
    const history = live(P1, 'a', '/', { [KEY_PROPERTY]: 'a', [REPLACED_BY_PROPERTY]: first.id });
    assert.deepEqual(plan({ files: [file('a', { project: P1, name: 'a' })], managed: [first, second] }), [['a', 'conflict', undefined]]);
    assert.deepEqual(plan({ files: [file('a', { project: P1, name: 'a' })], managed: [first, history] }), [['a', 'no-op', first.id]]);
  });

  it('an unkeyed record is adopted by project, normalized folder and name, never a replaced one or another place', () => {
    const target = live(P1, 'S1', '/runs');
    const others = [live(P2, 'S1', '/runs'), live(P1, 'S1', '/'), live(P1, 'S2', '/runs'), live(P1, 'S3', '/runs', { [REPLACED_BY_PROPERTY]: target.id })];
    const files = [
      file('runs/S1', { project: P1, name: 'S1', folder: '/runs/' }),
      file('runs/S3', { project: P1, name: 'S3', folder: '/runs' }),
      file('runs/S4', { project: P1, name: 'S4', folder: '/runs' }),
    ];
    assert.deepEqual(plan({ files, unmanaged: [...others, target] }), [
      ['runs/S1', 'adopt', target.id],
      ['runs/S3', 'create', undefined],
      ['runs/S4', 'create', undefined],
    ]);
  });

  it('two unkeyed records at the file\'s place, or two files wanting one record, adopt nothing', () => {
    const twins = [live(P1, 'S1', '/runs'), live(P1, 'S1', '/runs')];
    assert.deepEqual(plan({ files: [file('runs/S1', { project: P1, name: 'S1', folder: '/runs' })], unmanaged: twins }), [['runs/S1', 'create', undefined]]);
    const one = live(P1, 'S1', '/runs');
    const rivals = [file('a/S1', { project: P1, name: 'S1', folder: '/runs' }), file('b/S1', { project: P1, name: 'S1', folder: '/runs' })];
    assert.deepEqual(plan({ files: rivals, unmanaged: [one] }).map(([, action]) => action), ['conflict', 'conflict']);
  });
});
