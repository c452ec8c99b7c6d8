// Schema errors cost a constant amount of work each: counted as reads of the property keys, which
// a per-error scan of the object (quadratic in the error count) would multiply by the key count.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ObjectNode, PropNode, ValueNode } from '../../server/src/engine/model';
import { LineIndex } from '../../server/src/engine/positions';
import { Report } from '../../server/src/engine/report';
import { checkFields } from '../../server/src/engine/rules/fields';
import { PROJECT } from './helpers';

const N = 5000;
/** Generous: building the plain value, the key index and one message each read a key a few times. */
const READS_PER_KEY = 12;

function counted(key: string, value: ValueNode, offset: number, counter: { reads: number }): PropNode {
  return {
    get key() {
      counter.reads++;
      return key;
    },
    keyOffset: offset,
    keyLength: key.length + 2,
    value,
  };
}

const num = (offset: number): ValueNode => ({ type: 'number', value: 1, offset, length: 1 });
const object = (props: PropNode[]): ObjectNode => ({ type: 'object', props, offset: 0, length: 1 });
const projectProp: PropNode = { key: 'project', keyOffset: 1, keyLength: 9, value: { type: 'string', value: PROJECT, offset: 11, length: 34 } };

function errorsAndReads(build: (counter: { reads: number }) => ObjectNode): { errors: number; readsPerKey: number } {
  const counter = { reads: 0 };
  const root = build(counter);
  const report = new Report();
  checkFields(report, root);
  return { errors: report.finish(new LineIndex('', [0], 0)).length, readsPerKey: counter.reads / N };
}

test(`${N} non-string property values: each key is read a constant number of times`, () => {
  const { errors, readsPerKey } = errorsAndReads((counter) => {
    const props = Array.from({ length: N }, (_, i) => counted(`k${i}`, num(100 + i * 10), 95 + i * 10, counter));
    return object([projectProp, { key: 'properties', keyOffset: 50, keyLength: 12, value: object(props) }]);
  });
  assert.equal(errors, N);
  assert.ok(readsPerKey <= READS_PER_KEY, `${readsPerKey} reads per key`);
});

test(`${N} unknown top-level keys: each key is read a constant number of times`, () => {
  const { errors, readsPerKey } = errorsAndReads((counter) =>
    object([projectProp, ...Array.from({ length: N }, (_, i) => counted(`x${i}`, num(100 + i * 10), 95 + i * 10, counter))]),
  );
  assert.equal(errors, N);
  assert.ok(readsPerKey <= READS_PER_KEY, `${readsPerKey} reads per key`);
});
