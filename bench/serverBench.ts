// The language server over real JSON-RPC (dist/server.js, spawned as the editor does): request
// latency on a small document while a 5 MB and a 100,000-error document are being validated,
// diagnostics latency after the last keystroke in a 1 MB record, and completion at 1 MB. Also,
// in process, what moving those documents and results between threads costs the main thread.
import { deserialize, serialize } from 'node:v8';
import type { Position } from 'vscode-languageserver-protocol';
import { validateRecord } from '../server/src/engine/index';
import { visitorLayout } from '../server/src/languageService/visitorLayout';
import { packResult, UnpackedResult } from '../server/src/lsp/resultTransfer';
import { corpusFile } from './corpus';
import { LspTestClient } from '../testkit/lspClient';
import { summarize, type Summary } from './stats';

export const DEBOUNCE_MS = 200;
const PROJECT = 'project-B0FJgXy4Zg231jgbQ9zQ0003';
const SMALL = JSON.stringify({ project: PROJECT, name: 'small', folder: '/a', properties: { k: 'v' } }, null, 2);
/** 100,000 syntax errors (bad literals) in `details`. */
export const ERRORS_DOC = `{"project": "${PROJECT}", "details": [${'tru,'.repeat(100_000)}1]}`;

export interface Latency extends Summary {
  max: number;
}

function latency(samples: readonly number[]): Latency {
  return { ...summarize(samples), max: Math.max(...samples) };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

export interface LoadResult {
  idle: Latency;
  loaded: Latency;
  /** The loaded window without its first request, the one sent right behind both didOpens. */
  afterFirst: Latency;
  /** Per heavy document: its size, its diagnostics publications during the window, in process the engine's time and the JSON-RPC encoding and parse of its didOpen. */
  heavy: { label: string; chars: number; publications: number; engineMs: number; didOpenEncodeMs: number; didOpenParseMs: number }[];
}

/** In process, after one warm-up run. */
function timedMs(run: () => unknown): number {
  run();
  const start = performance.now();
  run();
  return performance.now() - start;
}

function didOpenMessage(uri: string, text: string): unknown {
  return { jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'dxrecord', version: 1, text } } };
}

/** What vscode-jsonrpc's writer does with a message in the client before its first byte is sent: JSON.stringify, then the bytes. */
function didOpenEncodeMs(uri: string, text: string): number {
  const message = didOpenMessage(uri, text);
  return timedMs(() => Buffer.from(JSON.stringify(message), 'utf8'));
}

/** What vscode-jsonrpc does with a message on the server's main thread before any of our code runs: the bytes to a string, then JSON.parse. */
function didOpenParseMs(uri: string, text: string): number {
  const message = Buffer.from(JSON.stringify(didOpenMessage(uri, text)));
  return timedMs(() => JSON.parse(message.toString('utf8')));
}

/** Hover and completion, alternating, on a small document: idle, then while the heavy ones are re-validated three times each. */
export async function benchRequestsUnderLoad(): Promise<LoadResult> {
  const heavy = [
    { label: '5 MB record', uri: 'file:///bench/large.dxrecord.json', text: corpusFile('5 MB', true).text },
    { label: '100,000 errors', uri: 'file:///bench/errors.dxrecord.json', text: ERRORS_DOC },
  ];
  const engineMs = heavy.map(({ text }) => timedMs(() => validateRecord(text)));
  const encodeMs = heavy.map(({ uri, text }) => didOpenEncodeMs(uri, text));
  const parseMs = heavy.map(({ uri, text }) => didOpenParseMs(uri, text));
  const session = await LspTestClient.start({ settings: { validation: { debounceMs: DEBOUNCE_MS } } });
  try {
    const small = 'file:///bench/small.dxrecord.json';
    session.open(small, SMALL);
    await session.publication(small, 1);
    let turn = 0;
    const request = () =>
      turn++ % 2
        ? session.timeRequest('textDocument/hover', small, { line: 1, character: 4 })
        : session.timeRequest('textDocument/completion', small, { line: 0, character: 1 });
    const idle: number[] = [];
    for (let i = 0; i < 100; i++) idle.push(await request());

    const from = session.published.length;
    for (const doc of heavy) session.open(doc.uri, doc.text);
    const count = (uri: string) => session.published.slice(from).filter((p) => p.uri === uri).length;
    const loaded: number[] = [];
    while (heavy.some((doc) => count(doc.uri) < 3)) {
      for (const doc of heavy) {
        // Edit again as soon as the latest version is published, so each is always being checked.
        const { version } = session.document(doc.uri);
        if (session.published.slice(from).some((p) => p.uri === doc.uri && p.version === version)) session.type(doc.uri, 1, ' ');
      }
      loaded.push(await request());
      await sleep(5);
    }
    return {
      idle: latency(idle),
      loaded: latency(loaded),
      afterFirst: latency(loaded.slice(1)),
      heavy: heavy.map((doc, i) => ({ label: doc.label, chars: doc.text.length, publications: count(doc.uri), engineMs: engineMs[i], didOpenEncodeMs: encodeMs[i], didOpenParseMs: parseMs[i] })),
    };
  } finally {
    await session.stop();
  }
}

export interface TypingResult {
  /** Last didChange to the publication of that version, less the debounce. */
  afterDebounce: Latency;
  engineMs: number;
  /** Completion round trips at 1 MB. */
  completion: { label: string; latency: Latency }[];
}

/** Typing bursts in a 1 MB record, then completions in it. */
export async function benchTyping(): Promise<TypingResult> {
  const text = corpusFile('1 MB', true).text;
  const engineMs = timedMs(() => validateRecord(text));
  const session = await LspTestClient.start({ settings: { validation: { debounceMs: DEBOUNCE_MS } } });
  try {
    const uri = 'file:///bench/typing.dxrecord.json';
    session.open(uri, text);
    await session.publication(uri, 1);
    // Inside a string value halfway down: what is typed stays text.
    const at = text.indexOf(': "', text.length >> 1) + 3;
    const delays: number[] = [];
    for (let trial = 0; trial < 9; trial++) {
      let last = { version: 0, sentAt: 0 };
      for (let key = 0; key < 10; key++) {
        last = session.type(uri, at, 'a');
        await sleep(40);
      }
      const published = await session.publication(uri, last.version);
      delays.push(published.at - last.sentAt - DEBOUNCE_MS);
      await sleep(100);
    }

    const positionAt = (offset: number): Position => session.document(uri).positionAt(offset);
    const current = session.document(uri).getText();
    const topLevelKey = positionAt(1);
    const link = positionAt(current.lastIndexOf('"$dnanexus_link": "') + '"$dnanexus_link": "'.length);
    const times = async (position: Position, before?: () => void): Promise<Latency> => {
      const samples: number[] = [];
      for (let i = 0; i < 30; i++) {
        before?.();
        samples.push(await session.timeRequest('textDocument/completion', uri, position));
      }
      return latency(samples);
    };
    const completion = [
      { label: 'top-level key, checked version', latency: await times(topLevelKey) },
      { label: 'link value at the end, checked version', latency: await times(link) },
      // Typing at the very end keeps the positions above valid.
      { label: 'top-level key, right after a keystroke', latency: await times(topLevelKey, () => session.type(uri, session.document(uri).getText().length, ' ')) },
    ];
    return { afterDebounce: latency(delays), engineMs, completion };
  } finally {
    await session.stop();
  }
}

export interface TransferRow {
  what: string;
  ms: number;
}

/** Main-thread cost of crossing to and from the worker (V8's serializer is what postMessage uses). */
export function benchTransfer(): TransferRow[] {
  const rows: TransferRow[] = [];
  for (const [label, text] of [['5 MB record', corpusFile('5 MB', true).text], ['100,000 errors', ERRORS_DOC]] as const) {
    const result = validateRecord(text);
    const plain = serialize(result);
    const { objects } = validateRecord(text, { objects: true });
    const { packed } = packResult(result, visitorLayout(text, objects));
    const packedCopy = serialize(packed);
    rows.push(
      { what: `${label}: send the text (serialize)`, ms: timedMs(() => serialize(text)) },
      { what: `${label}: receive the result as plain objects (deserialize)`, ms: timedMs(() => deserialize(plain)) },
      { what: `${label}: receive the packed result (deserialize; a real transfer moves the buffers instead of copying)`, ms: timedMs(() => deserialize(packedCopy)) },
      { what: `${label}: decode its facts on first use (signed-in checks)`, ms: timedMs(() => new UnpackedResult(packed).facts) },
      { what: `${label}: decode all its diagnostics on first use ("remove all" fixes, signed-in checks that find something)`, ms: timedMs(() => new UnpackedResult(packed).diagnostics) },
      { what: `${label}: decode its objects' layout on first use (completion or hover far into it)`, ms: timedMs(() => new UnpackedResult(packed).visitorLayout) },
    );
  }
  return rows;
}
