import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILE, PROJECT, assertRangeMatchesOffsets, codes, one, only, record, spanOf, validate } from './helpers';

function syntax(text: string) {
  return validate(text).diagnostics.filter((d) => d.code === 'json-syntax');
}

test('each syntax error is reported at its token and the other rules still run', () => {
  const text = `{\n  "project": "project-123"\n  "name": "",\n  "tags": ["a",],\n  "folder": "/x", }`;
  const result = validate(text);
  const errors = syntax(text);
  assert.deepEqual(errors.map((d) => spanOf(text, d)), ['"name"', ',', ',']);
  assert.deepEqual(errors.slice(1).map((d) => d.offset), [text.indexOf(',]'), text.lastIndexOf(',')]);
  assert.match(errors[0].message, /comma/);
  assert.match(errors[1].message, /Trailing comma/);
  for (const code of ['invalid-id', 'name-invalid', 'folder-needs-parents']) one(result, code);
  for (const d of result.diagnostics) assert.ok(d.length >= 1);
});

test('an unclosed file is reported at its end, and rules still run on what parsed', () => {
  const text = `{"project": "${PROJECT}", "details": {"a": [[{"$dnanexus_link": 5}`;
  const result = validate(text);
  const d = one(result, 'json-syntax');
  assert.equal(d.offset, text.length);
  assert.match(d.message, /4 closing brackets/);
  one(result, 'link-value-not-string');
});

test('unquoted keys, single quotes, bad literals and comments are each reported; the fields still count', () => {
  const text = `{project: "project-1", 'name': "x", "hidden": True, // note\n "tags": [nope], "close": tru}`;
  const result = validate(text);
  const messages = syntax(text).map((d) => [spanOf(text, d), d.message]);
  assert.deepEqual(messages.map((m) => m[0]), ['project', "'name'", 'True', '// note', 'nope', 'tru']);
  assert.match(messages[0][1], /double quotes/);
  assert.match(messages[2][1], /write true/);
  assert.match(messages[3][1], /Comments/);
  one(result, 'invalid-id');
  assert.ok(!codes(result).includes('missing-project'));
  assert.ok(!codes(result).includes('type-mismatch'), 'values already reported as syntax are not type-checked');
});

test('bad numbers, escapes and control characters in strings are syntax errors', () => {
  const text = `{"project": "${PROJECT}", "details": {"a": 01, "b": 1., "c": "\\x", "d": "tab\there", "e": -}}`;
  const spans = syntax(text).map((d) => spanOf(text, d));
  assert.deepEqual(spans, ['01', '1.', '\\x', '\t', '-']);
});

test('a string missing its opening quote does not derail the rest of the file', () => {
  const text = `{\n  "project": "${PROJECT}",\n  "details": {\n    broken": {"$dnanexus_link": 1},\n    "ok": {"$dnanexus_link": 2}\n  }\n}`;
  const result = validate(text);
  assert.equal(syntax(text).length, 1);
  only(result, 'link-value-not-string', 2);
});

test('mismatched brackets close up to the matching one, reported once', () => {
  const text = `{"project": "${PROJECT}", "details": {"a": [1, 2}, "tags": [""]}`;
  const result = validate(text);
  const d = one(result, 'json-syntax');
  assert.equal(spanOf(text, d), '}');
  one(result, 'tag-empty');
});

test('empty and whitespace-only files get one syntax error', () => {
  for (const text of ['', '   \n  ']) {
    const d = one(validate(text), 'json-syntax');
    assert.match(d.message, /empty/);
  }
});

test('text after the object is reported once', () => {
  const text = `{"project": "${PROJECT}"} {"x": 1}`;
  const d = one(validate(text), 'json-syntax');
  assert.equal(d.offset, text.indexOf(' {') + 1);
});

test('duplicate keys are errors on the repeated key, at any depth, in small and large objects', () => {
  const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`k${i}`, i]));
  const text = `{"project": "${PROJECT}", "details": {"a": 1, "b": [{"x": 1, "x": 2}], "a": 3, "big": ${JSON.stringify(many).replace('}', ', "k7": 0, "k29": 1}')}}, "name": "n", "name": "m"}`;
  const found = only(validate(text), 'duplicate-key', 5);
  assert.deepEqual(found.map((d) => spanOf(text, d)), ['"x"', '"a"', '"k7"', '"k29"', '"name"']);
  assert.equal(found[0].offset, text.lastIndexOf('"x"'));
  assert.match(found[4].message, /only the last one/);
});

test('keys equal after unescaping are duplicates', () => {
  const text = `{"project": "${PROJECT}", "details": {"a": 1, "\\u0061": 2}}`;
  assert.equal(spanOf(text, one(validate(text), 'duplicate-key')), '"\\u0061"');
});

test('a BOM is accepted and offsets still index the text', () => {
  assert.deepEqual(codes(validate('\uFEFF' + record())), []);
  const text = '\uFEFF{"project": "project-1"}';
  const d = one(validate(text), 'invalid-id');
  assert.equal(spanOf(text, d), '"project-1"');
  assertRangeMatchesOffsets(text, d);
});

test('CRLF line endings give LSP lines and characters', () => {
  const text = record({ name: '', folder: 'x' }).replace(/\n/g, '\r\n');
  const result = validate(text);
  const name = one(result, 'name-invalid');
  assert.deepEqual(name.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 12 } });
  for (const d of result.diagnostics) assertRangeMatchesOffsets(text, d);
});

test('lone CR line breaks count as lines too', () => {
  const text = `{"project": "${PROJECT}",\r"name": ""}`;
  assert.deepEqual(one(validate(text), 'name-invalid').range.start, { line: 1, character: 8 });
});

test('characters are UTF-16 units, so an emoji counts 2, as in LSP', () => {
  const text = `{"project": "${PROJECT}", "tags": ["🧬🧬", ""], "details": {"🧬": {"$dnanexus_link": 1}}}`;
  const result = validate(text);
  const tag = one(result, 'tag-empty');
  const expected = text.indexOf('""');
  assert.deepEqual(tag.range, { start: { line: 0, character: expected }, end: { line: 0, character: expected + 2 } });
  assert.equal(text.slice(0, expected).length - [...text.slice(0, expected)].length, 2, 'two emoji before it');
  for (const d of result.diagnostics) assertRangeMatchesOffsets(text, d);
});

test('10,000 levels of nesting validate without recursion, open or closed', () => {
  const depth = 10000;
  const deep = `${'['.repeat(depth)}{"$dnanexus_link": "${FILE}"}${']'.repeat(depth)}`;
  const text = `{"project": "${PROJECT}", "details": ${deep}}`;
  const result = validate(text);
  assert.deepEqual(codes(result), []);
  assert.equal(result.facts.links.length, 1);
  const objects = `{"project": "${PROJECT}", "details": ${'{"a":'.repeat(depth)}{"$dnanexus_link": 3}`;
  const broken = validate(objects);
  assert.deepEqual(codes(broken).sort(), ['json-syntax', 'link-value-not-string']);
  const deepTop = validate('['.repeat(depth) + ']'.repeat(depth));
  assert.deepEqual(codes(deepTop), ['not-an-object']);
});

test('a multi-megabyte record validates, and errors deep inside it are found at the right lines', () => {
  const items = Array.from({ length: 40000 }, (_, i) => ({ id: i, label: `sample ${i} — Zoë 🧬`, reads: { $dnanexus_link: FILE }, qc: [i / 8, true, null] }));
  const text = JSON.stringify({ project: PROJECT, details: { items } }, null, 1);
  assert.ok(text.length > 4_000_000, `size ${text.length}`);
  const clean = validate(text);
  assert.deepEqual(codes(clean), ['details-large']);
  assert.equal(clean.facts.links.length, 40000);

  const at = text.indexOf('"reads"', text.length - 2000);
  const broken = text.slice(0, at) + '"reads": {"$dnanexus_link": 5}, "x"' + text.slice(text.indexOf('}', at) + 1);
  const result = validate(broken);
  const link = one(result, 'link-value-not-string');
  assertRangeMatchesOffsets(broken, link);
  const bad = one(result, 'json-syntax');
  assertRangeMatchesOffsets(broken, bad);
});

test('a key cut off by the closing brace or a comma, or an unkeyed value, does not upset the rest', () => {
  const cases = [
    `{"project": "${PROJECT}", "name"}`,
    `{"project": "${PROJECT}", "name", "tags": [""]}`,
    `{"project": "${PROJECT}", : 5, {"a": 1}, "tags": [""]}`,
    `{"project": "${PROJECT}", "details": {"a" ]`,
  ];
  for (const text of cases) {
    const result = validate(text);
    assert.ok(codes(result).includes('json-syntax'), text);
    assert.ok(!codes(result).includes('missing-project'), text);
  }
  assert.ok(codes(validate(cases[1])).includes('tag-empty'));
  assert.ok(codes(validate(cases[2])).includes('tag-empty'));
});

test('seeded random damage never throws, and every range is in order and matches its offsets', () => {
  let seed = 20261126;
  const rnd = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const base = record({ name: 'n', tags: ['', 'a'], properties: { k: null }, folder: '/a//', details: { a: [{ $dnanexus_link: 5 }, [[{ b: '🧬é', $dnanexus_link: 'x' }]]] } });
  const junk = ['\r\n', '\r', '\n', '/*', '*/', '//', '"', "'", ',', '}', ']', '{', '[', ':', 'x', '🧬', '\\', 'true', '-'];
  for (let t = 0; t < 1500; t++) {
    let text = base;
    for (let k = 0; k < 1 + Math.floor(rnd() * 4); k++) {
      const at = Math.floor(rnd() * text.length);
      text = rnd() < 0.5 ? text.slice(0, at) + junk[Math.floor(rnd() * junk.length)] + text.slice(at) : text.slice(0, at) + text.slice(at + 1);
    }
    let previous = 0;
    for (const d of validate(text).diagnostics) {
      assert.ok(d.offset >= previous && d.length >= 0 && d.offset + d.length <= text.length, JSON.stringify(text));
      previous = d.offset;
      if (!(text[d.offset - 1] === '\r' && text[d.offset] === '\n')) assertRangeMatchesOffsets(text, d);
    }
  }
});
