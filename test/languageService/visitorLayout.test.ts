// The objects of a text as the visitor reads them, taken mostly from the engine's pass, equal a
// visit of the whole text (broken texts included); and completion and hover with that layout
// adopted answer exactly as they do without it, at random offsets of generated records.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { generateRecord } from '../../bench/corpus';
import { seededRandom } from '../../bench/random';
import { validateRecord } from '../../server/src/engine';
import { INDEX_FROM_OFFSET } from '../../server/src/languageService/objectIndex';
import { createLanguageService } from '../../server/src/languageService/service';
import { layoutFromEngine, layoutByVisit, visitorLayout } from '../../server/src/languageService/visitorLayout';
import { ODD_TEXTS } from './oddTexts';

const engineLayout = (text: string) => validateRecord(text, { objects: true }).objects;

describe('the visitor layout from the engine', () => {
  test('equals a visit of the whole text on varied small documents', () => {
    let fromEngine = 0;
    for (const text of ODD_TEXTS) {
      const layout = visitorLayout(text, engineLayout(text));
      assert.deepEqual(layout, layoutByVisit(text), JSON.stringify(text));
      if (layoutFromEngine(text, engineLayout(text)!)) fromEngine++;
    }
    assert.ok(fromEngine > ODD_TEXTS.length / 2, `${fromEngine} of ${ODD_TEXTS.length} taken from the engine`);
  });

  test('equals a visit of the whole text on generated records, valid and broken', () => {
    for (const bytes of [2_000, 40_000, 300_000]) {
      for (let seed = 0; seed < 3; seed++) {
        for (const broken of [false, true]) {
          const { text } = generateRecord(bytes, broken, 900 + seed);
          const layout = layoutFromEngine(text, engineLayout(text)!);
          assert.ok(layout, `${bytes} bytes, seed ${seed}, broken ${broken}: taken from the engine`);
          assert.deepEqual(layout, layoutByVisit(text));
        }
      }
    }
  });

  test('is none when the visitor does not open an object where the engine read a strict one', () => {
    // The visitor skips a non-string key up to the next `}` or `,`: `{"b": {…}}` is not an object to it, and it takes the `}` after `1` for the end of the outer one.
    const text = '{ 5 {"b": {"x": 1}}, "c": {"d": 1}}';
    const engine = engineLayout(text)!;
    assert.ok(Array.from(engine.closes).some((close) => close >= 0), 'the engine read a strict object');
    assert.equal(layoutFromEngine(text, engine), undefined);
    assert.deepEqual(visitorLayout(text, engine), layoutByVisit(text));
  });

  test('with nothing strict to take, every object comes from the visit', () => {
    const text = '{"a": {"b": 1,}, "c": [{"d": tru}]';
    const engine = engineLayout(text)!;
    assert.deepEqual(Array.from(engine.closes), [-1, -1, -1], 'no object is strict JSON');
    assert.deepEqual(layoutFromEngine(text, engine), layoutByVisit(text));
  });
});

describe('completion and hover with the adopted layout', () => {
  test('locate the cursor with that layout, without a visit of their own', () => {
    const { text } = generateRecord(100 * 1024, false, 3);
    const document = TextDocument.create('file:///r.dxrecord.json', 'dxrecord', 1, text);
    const result = validateRecord(text, { objects: true });
    const layout = visitorLayout(text, result.objects);
    // The top-level object's path from the top is [] in the text; this layout says otherwise.
    const forged = { ...layout, tails: layout.tails.map((tail, row) => (row === 0 ? ['forged'] : tail)) };
    const service = createLanguageService();
    service.adopt(document, { ...result, visitorLayout: forged });
    const offset = text.length - 10;
    assert.deepEqual(service.model(document).objectsFor(offset)?.locationAt(offset).path.slice(0, 2), ['forged', 'details']);
  });

  test('answer as without it at random offsets of large generated records', async () => {
    const random = seededRandom(7);
    let compared = 0;
    for (const broken of [false, true]) {
      for (const seed of [11, 12]) {
        const { text } = generateRecord(200 * 1024, broken, seed);
        const document = TextDocument.create(`file:///r${seed}.dxrecord.json`, 'dxrecord', 1, text);
        const result = validateRecord(text, { objects: true });
        const fast = createLanguageService();
        fast.adopt(document, { ...result, visitorLayout: visitorLayout(text, result.objects) });
        const previous = createLanguageService();
        previous.adopt(document, validateRecord(text));
        for (let i = 0; i < 150; i++) {
          // Mostly where the index is used, some before.
          const offset = i % 10 ? INDEX_FROM_OFFSET + random.int(text.length - INDEX_FROM_OFFSET + 1) : random.int(INDEX_FROM_OFFSET);
          const position = document.positionAt(offset);
          const where = `offset ${offset}, broken ${broken}, seed ${seed}`;
          assert.deepEqual(await fast.completions(document, position), await previous.completions(document, position), where);
          assert.deepEqual(await fast.hover(document, position), await previous.hover(document, position), where);
          compared++;
        }
      }
    }
    assert.equal(compared, 600);
  });
});
