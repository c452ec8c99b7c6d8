// Stage 3: one live server (dist/server.js over JSON-RPC) and one document under thousands of
// incremental edits, with completion, hover, code action and formatting requests between them.
// Every answer must come within a second (here the time bound is the property under test), edits
// the server proposes must apply, the server must still answer at the end, and what it publishes
// for the final version must be the engine's diagnostics of the final text.
import { performance } from 'node:perf_hooks';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, Range, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Random } from '../bench/random';
import { validateRecord } from '../server/src/engine';
import { ADD_NONCE_KIND } from '../server/src/languageService/codeActions';
import { toLspDiagnostic } from '../server/src/languageService/diagnostics';
import { fileUri, LspTestClient } from '../testkit/lspClient';
import { nextDocument } from './documents';
import type { Violation } from './engineInvariants';
import type { FailureLog } from './failures';
import { generateRecord } from './generateRecord';
import { minimizeText } from './minimize';
import { INTERESTING } from './mutate';

const ANSWER_WITHIN_MS = 1_000;
/** Past this, an answer counts as never coming and the stage stops. */
const GIVE_UP_MS = 15_000;
/** Longer documents are only cut, so the text stays editor-sized. */
const MAX_LENGTH = 16_384;
const MINIMIZE_BUDGET = 1_000;

export type LiveInvariant = 'answer-within-1s' | 'no-error-answer' | 'edit-has-new-text' | 'edits-apply' | 'server-alive' | 'final-diagnostics-match';

export interface LiveStats {
  edits: number;
  requests: Record<string, number>;
  maxMs: number;
  p99Ms: number;
  finalLength: number;
  finalDiagnostics: number;
}

type Method = 'textDocument/completion' | 'textDocument/hover' | 'textDocument/codeAction' | 'textDocument/formatting' | 'textDocument/rangeFormatting';
const METHODS: Method[] = ['textDocument/completion', 'textDocument/hover', 'textDocument/codeAction', 'textDocument/formatting', 'textDocument/rangeFormatting'];

class Stop extends Error {}

export async function fuzzLive(rnd: Random, examples: readonly string[], edits: number, log: FailureLog): Promise<LiveStats> {
  const stats: LiveStats = { edits: 0, requests: {}, maxMs: 0, p99Ms: 0, finalLength: 0, finalDiagnostics: 0 };
  const latencies: number[] = [];
  const client = await LspTestClient.start({ settings: { validation: { debounceMs: 0 } } });
  const uri = fileUri('fuzz-live.dxrecord.json');
  let document = TextDocument.create(uri, 'dxrecord', 1, nextDocument(rnd, examples));
  client.open(uri, document.getText(), 1);
  const fail = (violation: Violation<LiveInvariant>, text = document.getText()) => log.add('live', violation, { text });

  const change = (changes: TextDocumentContentChangeEvent[]) => {
    const version = document.version + 1;
    document = TextDocument.update(document, changes, version);
    void client.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: changes });
  };

  /** One timed request on the document; a broken answer is logged (the first of its kind minimized). */
  const request = async <R>(method: string, params: object): Promise<R | undefined> => {
    const text = document.getText();
    stats.requests[method] = (stats.requests[method] ?? 0) + 1;
    const reply = await ask(client, uri, method, params);
    latencies.push(reply.ms);
    const call = `${method} ${JSON.stringify(params)}`;
    if (reply.hang) {
      fail({ invariant: 'server-alive', detail: `${call} got no answer within ${GIVE_UP_MS} ms` }, text);
      throw new Stop();
    }
    if (reply.ms > ANSWER_WITHIN_MS) fail({ invariant: 'answer-within-1s', detail: `${call} took ${reply.ms.toFixed(0)} ms` }, text);
    const violation = answerProblem(document, method, reply);
    if (!violation) return reply.answer as R;
    const first = fail({ invariant: violation.invariant, detail: `${call}: ${violation.detail}` }, text);
    if (first) first.minimized = { text: await minimizeText(text, (candidate) => reproduces(client, candidate, method, params, violation.invariant), MINIMIZE_BUDGET) };
    return undefined;
  };

  /** Sometimes takes the edits the server offered, as the user accepting them would. */
  const accept = (edits: TextEdit[] | undefined) => {
    if (!edits?.length || !rnd.chance(0.3)) return;
    const lastFirst = [...edits].sort((a, b) => document.offsetAt(b.range.start) - document.offsetAt(a.range.start));
    change(lastFirst.map((e) => ({ range: e.range, text: e.newText })));
  };

  try {
    for (let i = 0; i < edits; i++) {
      change([randomChange(rnd, document, examples)]);
      stats.edits++;
      if (rnd.chance(0.5)) accept(await randomRequest(rnd, document, request));
    }
    const finalText = document.getText();
    const published = await client.waitForDiagnostics(uri, (p) => p.version === document.version, { timeoutMs: GIVE_UP_MS }).catch(() => undefined);
    const symbols = await request<unknown[]>('textDocument/documentSymbol', {});
    if (!symbols) fail({ invariant: 'server-alive', detail: 'no document symbols for the final text' });
    stats.finalLength = finalText.length;
    stats.finalDiagnostics = validateRecord(finalText).diagnostics.length;
    const mismatch = published ? diagnosticsMismatch(finalText, published.diagnostics) : `nothing published for version ${document.version}`;
    if (mismatch) {
      const first = fail({ invariant: 'final-diagnostics-match', detail: mismatch }, finalText);
      if (first) first.minimized = { text: await minimizeText(finalText, (candidate) => publishesOtherwise(client, candidate), MINIMIZE_BUDGET) };
    }
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  } finally {
    await client.stop();
  }
  latencies.sort((a, b) => a - b);
  const tenths = (ms = 0) => Math.round(ms * 10) / 10;
  stats.maxMs = tenths(latencies.at(-1));
  stats.p99Ms = tenths(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * 0.99))]);
  return stats;
}

interface Reply {
  answer?: unknown;
  error?: string;
  hang?: boolean;
  ms: number;
}

async function ask(client: LspTestClient, uri: string, method: string, params: object): Promise<Reply> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<Reply>((done) => (timer = setTimeout(() => done({ hang: true, ms: GIVE_UP_MS }), GIVE_UP_MS)));
  const answered = client.request(method, { textDocument: { uri }, ...params }).then(
    (answer): Reply => ({ answer, ms: performance.now() - started }),
    (err: unknown): Reply => ({ error: String(err), ms: performance.now() - started }),
  );
  try {
    return await Promise.race([answered, hang]);
  } finally {
    clearTimeout(timer);
  }
}

/** What is wrong with an answer on `document`: an error, or edits that cannot be applied. */
function answerProblem(document: TextDocument, method: string, reply: Reply): Violation<LiveInvariant> | undefined {
  if (reply.error !== undefined) return { invariant: 'no-error-answer', detail: `answered ${reply.error}` };
  const lists = method === 'textDocument/codeAction'
    ? ((reply.answer as CodeAction[] | null) ?? []).map((action) => action.edit?.changes?.[document.uri] ?? [])
    : method.endsWith('ormatting')
      ? [(reply.answer as TextEdit[] | null) ?? []]
      : [];
  for (const edits of lists) {
    const missing = edits.find((e) => typeof e.newText !== 'string');
    if (missing) return { invariant: 'edit-has-new-text', detail: `an edit without newText: ${JSON.stringify(missing)}` };
    const outside = edits.find((e) => !inside(document, e.range));
    if (outside) return { invariant: 'edits-apply', detail: `an edit outside the text: ${JSON.stringify(outside)}` };
    const sorted = [...edits].sort((a, b) => document.offsetAt(a.range.start) - document.offsetAt(b.range.start));
    if (sorted.some((e, i) => i > 0 && document.offsetAt(e.range.start) < document.offsetAt(sorted[i - 1].range.end))) {
      return { invariant: 'edits-apply', detail: 'overlapping edits' };
    }
  }
  return undefined;
}

let probes = 0;
const probeUri = () => fileUri(`fuzz-minimize-${++probes}.dxrecord.json`);

/** Whether the same request on `text`, opened as a fresh document, breaks `invariant` again. */
async function reproduces(client: LspTestClient, text: string, method: string, params: object, invariant: LiveInvariant): Promise<boolean> {
  const uri = probeUri();
  client.open(uri, text);
  const reply = await ask(client, uri, method, params);
  client.close(uri);
  return answerProblem(TextDocument.create(uri, 'dxrecord', 1, text), method, reply)?.invariant === invariant;
}

function inside(document: TextDocument, range: Range): boolean {
  const lines = document.lineCount;
  const ok = (p: Range['start']) => p.line >= 0 && p.character >= 0 && p.line < lines && document.offsetAt(p) === document.offsetAt({ line: p.line, character: 0 }) + p.character;
  return ok(range.start) && ok(range.end) && document.offsetAt(range.start) <= document.offsetAt(range.end);
}

/** A typing-sized change anywhere (sometimes a pasted fragment, now and then a new document). */
function randomChange(rnd: Random, document: TextDocument, examples: readonly string[]): TextDocumentContentChangeEvent {
  const length = document.getText().length;
  if (rnd.chance(0.005)) return { range: { start: document.positionAt(0), end: document.positionAt(length) }, text: nextDocument(rnd, examples) };
  const start = rnd.int(length + 1);
  const tooLong = length > MAX_LENGTH;
  const end = Math.min(length, start + (tooLong ? 1 + rnd.int(512) : rnd.chance(0.5) ? rnd.int(8) : 0));
  const text = tooLong ? '' : rnd.chance(0.7) ? rnd.pick(INTERESTING) : generateRecord(rnd).slice(0, rnd.int(120));
  return { range: { start: document.positionAt(start), end: document.positionAt(end) }, text };
}

/** A random request at a random place; returns edits the answer offers, if any. */
async function randomRequest(rnd: Random, document: TextDocument, request: <R>(method: string, params: object) => Promise<R | undefined>): Promise<TextEdit[] | undefined> {
  const length = document.getText().length;
  const position = document.positionAt(rnd.int(length + 1));
  const from = rnd.int(length + 1);
  const range = { start: document.positionAt(from), end: document.positionAt(Math.min(length, from + rnd.int(200))) };
  const options = { tabSize: rnd.pick([2, 4, 8]), insertSpaces: rnd.chance(0.8) };
  const method = rnd.pick(METHODS);
  switch (method) {
    case 'textDocument/completion': {
      const context = rnd.chance(0.5) ? { triggerKind: 1 } : { triggerKind: 2, triggerCharacter: rnd.pick(['"', ':', '-']) };
      await request(method, { position, context });
      return undefined;
    }
    case 'textDocument/hover':
      await request(method, { position });
      return undefined;
    case 'textDocument/codeAction': {
      const start = document.offsetAt(range.start);
      const end = document.offsetAt(range.end);
      const diagnostics: Diagnostic[] = validateRecord(document.getText())
        .diagnostics.filter((d) => d.offset <= end && d.offset + d.length >= start)
        .map(toLspDiagnostic);
      const actions = await request<CodeAction[]>(method, { range, context: { diagnostics, ...(rnd.chance(0.2) ? { only: ['source'] } : {}) } });
      // A nonce is random by design: taking one would make the run impossible to replay.
      const replayable = actions?.filter((action) => action.kind !== ADD_NONCE_KIND) ?? [];
      return replayable.length ? rnd.pick(replayable).edit?.changes?.[document.uri] : undefined;
    }
    case 'textDocument/formatting':
      return (await request<TextEdit[]>(method, { options })) ?? undefined;
    case 'textDocument/rangeFormatting':
      return (await request<TextEdit[]>(method, { range, options })) ?? undefined;
  }
}

/** How the published diagnostics differ from the engine's on `text` (code and range), if they do. */
function diagnosticsMismatch(text: string, published: Diagnostic[]): string | undefined {
  const want = JSON.stringify(validateRecord(text).diagnostics.map(({ code, range }) => ({ code, range })));
  const got = JSON.stringify(published.map(({ code, range }) => ({ code, range })));
  return want === got ? undefined : `published ${got.slice(0, 400)}, the engine says ${want.slice(0, 400)}`;
}

/** Opens `text` as a fresh document and tells whether its first publication differs from the engine. */
async function publishesOtherwise(client: LspTestClient, text: string): Promise<boolean> {
  const uri = probeUri();
  const after = client.published.length;
  client.open(uri, text);
  const published: PublishDiagnosticsParams | undefined = await client
    .waitForDiagnostics(uri, (p) => p.version === 1, { after, timeoutMs: GIVE_UP_MS })
    .catch(() => undefined);
  client.close(uri);
  return !published || diagnosticsMismatch(text, published.diagnostics) !== undefined;
}
