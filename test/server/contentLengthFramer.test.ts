// The base protocol's framing as the stdin reader thread does it: bodies come out whole and in
// order however the bytes are split, and a header block without a usable Content-Length is
// reported and skipped.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ContentLengthFramer } from '../../server/src/lsp/contentLengthFramer';

const frame = (body: string, headers = '') => Buffer.concat([Buffer.from(`${headers}Content-Length: ${Buffer.byteLength(body)}\r\n\r\n`), Buffer.from(body)]);

function framed(chunks: Buffer[]): (string | Error)[] {
  const out: (string | Error)[] = [];
  const framer = new ContentLengthFramer({ body: (bytes) => out.push(bytes.toString('utf8')), error: (message) => out.push(new Error(message)) });
  for (const chunk of chunks) framer.push(chunk);
  return out;
}

const split = (bytes: Buffer, size: number) => Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));

test('several messages in one chunk come out in order', () => {
  const bodies = ['{"id":1}', '{"id":2,"method":"x"}', '{}'];
  assert.deepEqual(framed([Buffer.concat(bodies.map((body) => frame(body)))]), bodies);
});

test('messages split byte by byte, headers and multi-byte characters included, come out whole', () => {
  const bodies = ['{"text":"São Paulo — 東京 🧬"}', '{"id":2}'];
  const bytes = Buffer.concat(bodies.map((body) => frame(body, 'Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n')));
  assert.deepEqual(framed(split(bytes, 1)), bodies);
  for (const size of [2, 3, 7, 64]) assert.deepEqual(framed(split(bytes, size)), bodies, `chunks of ${size}`);
});

test('a 5 MB body in 64 KiB chunks, with a message right behind it in its last chunk', () => {
  const big = JSON.stringify({ text: 'é'.repeat(2_500_000) + 'x' });
  assert.ok(Buffer.byteLength(big) > 5_000_000);
  const out = framed(split(Buffer.concat([frame(big), frame('{"id":9}')]), 65_536));
  assert.equal(out.length, 2);
  assert.ok(out[0] === big, 'the large body is exact');
  assert.equal(out[1], '{"id":9}');
});

test('the header name is matched in any case', () => {
  assert.deepEqual(framed([Buffer.from('content-length: 2\r\n\r\n{}')]), ['{}']);
});

test('a header block without a numeric Content-Length is reported and skipped; the next message is read', () => {
  const out = framed([Buffer.from('Content-Type: text\r\n\r\nContent-Length: 12x\r\n\r\n'), frame('{"id":3}')]);
  assert.equal(out.length, 3);
  assert.ok(out[0] instanceof Error && /Content-Length/.test(out[0].message));
  assert.ok(out[1] instanceof Error && /12x/.test(out[1].message));
  assert.equal(out[2], '{"id":3}');
});
