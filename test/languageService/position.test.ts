// locate with an ObjectIndex gives exactly what getLocation's scan from the start gives, on every
// offset of varied small documents (broken ones included) and of generated records, and on a sample
// of offsets in large ones; and with the index it parses only from the innermost object.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { generateRecord } from '../../bench/corpus';
import { ObjectIndex } from '../../server/src/languageService/objectIndex';
import { layoutByVisit } from '../../server/src/languageService/visitorLayout';
import { locate } from '../../server/src/languageService/position';
import { ODD_TEXTS } from './oddTexts';

const LINK = 'file-B0FJgXy4Zg231jgbQ9zQ0004';

function same(text: string, offsets: Iterable<number>): number {
  const objects = new ObjectIndex(text, layoutByVisit(text));
  let compared = 0;
  for (const offset of offsets) {
    assert.deepEqual(locate('file:///t', text, offset, objects), locate('file:///t', text, offset), `offset ${offset} of ${JSON.stringify(text.slice(0, 80))}`);
    compared++;
  }
  return compared;
}

const every = (text: string) => Array.from({ length: text.length + 1 }, (_, i) => i);

describe('locate with the top-level layout', () => {
  test('equals the scan from the start on every offset of varied small documents', () => {
    for (const text of ODD_TEXTS) same(text, every(text));
  });

  test('equals the scan from the start on every offset of generated records, valid and broken', () => {
    for (let seed = 0; seed < 4; seed++) {
      for (const broken of [false, true]) {
        const { text } = generateRecord(2000, broken, 700 + seed);
        same(text, every(text));
      }
    }
  });

  test('equals the scan from the start on a sample of offsets in large records', () => {
    for (const broken of [false, true]) {
      const text = generateRecord(300 * 1024, broken, 42).text;
      const step = 997;
      const offsets = [...Array.from({ length: Math.floor(text.length / step) }, (_, i) => i * step + (i % 7)), text.length - 3, text.length - 2, text.length - 1, text.length];
      assert.ok(same(text, offsets) > 300);
    }
  });

  test('parses only from the innermost object around the cursor', () => {
    const text = `{"name": "x", "details": {"reads": [{"$dnanexus_link": "${LINK}"}]}}`;
    const objects = new ObjectIndex(text, layoutByVisit(text));
    const offset = text.indexOf(LINK) + 3;
    // The index of that text over one whose start a scan from the start reads as an array and a
    // different path: the path before the innermost object comes from the index, the rest from the object.
    const innermost = text.indexOf('{"$dnanexus_link"');
    const other = `[${' '.repeat(innermost - 1)}${text.slice(innermost)}`;
    const located = locate('file:///t', other, offset, objects);
    assert.deepEqual(located.context.path, ['details', 'reads', 0, '$dnanexus_link']);
    assert.equal(located.context.prefix, LINK.slice(0, 3));
    assert.deepEqual(located.node && { offset: located.node.offset, type: located.node.type }, { offset: offset - 4, type: 'string' });
    assert.deepEqual(locate('file:///t', other, offset).context.path, [0, '$dnanexus_link']);
  });
});
