// The formatter on large and hostile files: few edits, cancellable mid-way, bounded output.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatText } from '../../server/src/languageService/formatting';

const SPACES = { tabSize: 2, insertSpaces: true };

function apply(text: string, edits: { offset: number; end: number; newText: string }[]): string {
  let out = '';
  let last = 0;
  for (const edit of edits) {
    out += text.slice(last, edit.offset) + edit.newText;
    last = edit.end;
  }
  return out + text.slice(last);
}

function minifiedRecord(items: number): string {
  return JSON.stringify({ project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq', details: Array.from({ length: items }, (_, i) => ({ n: i, tag: `t${i}`, on: i % 2 === 0 })) });
}

test('a minified record comes back as one edit that lays it out like JSON.stringify with 2 spaces', async () => {
  const text = minifiedRecord(5000);
  const edits = await formatText(text, SPACES);
  assert.equal(edits?.length, 1);
  assert.equal(apply(text, edits), JSON.stringify(JSON.parse(text), null, 2));
});

test('changes far apart stay separate edits, so the text between them is not rewritten', async () => {
  const body = JSON.stringify({ project: 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq', details: Array.from({ length: 200 }, (_, i) => ({ n: i })) }, null, 2);
  const text = body.replace('"project":', '"project" :').replace(/"n": 199/, '"n":199');
  const edits = await formatText(text, SPACES);
  assert.equal(edits?.length, 2);
  assert.equal(apply(text, edits), body);
});

test('a request aborted while formatting stops at the next slice and returns nothing', async () => {
  const text = minifiedRecord(20000);
  const controller = new AbortController();
  const pending = formatText(text, SPACES, undefined, controller.signal);
  // Runs only if the formatter yields to the event loop before it is done.
  setImmediate(() => controller.abort());
  assert.equal(await pending, undefined);
  assert.equal((await formatText(text, SPACES))?.length, 1);
});

test('100,000 nesting levels are not formatted: the indentation alone would be gigabytes', async () => {
  const text = `{"details":${'['.repeat(100000)}${']'.repeat(100000)}}`;
  assert.equal(await formatText(text, SPACES), undefined);
});

test('two strings with no comma between them are left apart, not glued into one token', async () => {
  const text = '{"a": "x" "b": 1}';
  const out = apply(text, (await formatText(text, SPACES))!);
  assert.match(out, /"x" "b"/);
});
