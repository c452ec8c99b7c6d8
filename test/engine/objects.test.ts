// The layout of every object, recorded on the engine's pass when asked for: where each opens and
// closes, the object it is in, and its path from there; no close for one with a syntax error inside.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { validateRecord } from '../../server/src/engine';

test('each object: its braces, the object it is in, and its path from there', () => {
  const text = '{"a": {"b": [1, {"c": {}}, [[{}]]]}, "d": [{"e": 2}]}';
  const objects = validateRecord(text, { objects: true }).objects;
  const at = (from: number) => text.indexOf('{', from);
  const opens = [0, at(1), at(at(1) + 1), at(at(at(1) + 1) + 1), text.indexOf('{}]]'), text.indexOf('{"e"')];
  assert.deepEqual(objects, {
    opens,
    closes: [text.length - 1, text.indexOf(']]]}') + 3, text.indexOf('}}, [[') + 1, text.indexOf('}}, [['), opens[4] + 1, text.indexOf('}]}')],
    parents: [-1, 0, 1, 2, 1, 0],
    tails: [[], ['a'], ['b', 1], ['c'], ['b', 2, 0, 0], ['d', 0]],
  });
});

test('an object with a syntax error inside has no close; the strict ones around it keep theirs', () => {
  const text = '{"a": {"b": tru}, "c": {"d": 1}, "e": {"f": {"g": 1,}}, "h": {';
  const { closes, tails } = validateRecord(text, { objects: true }).objects!;
  assert.deepEqual(tails, [[], ['a'], ['c'], ['e'], ['f'], ['h']]);
  assert.deepEqual(Array.from(closes), [-1, -1, text.indexOf('}, "e"'), -1, -1, -1]);
});

test('only when asked for', () => {
  assert.equal(validateRecord('{"a": {}}').objects, undefined);
});
