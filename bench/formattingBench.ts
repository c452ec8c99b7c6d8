// Formatting a 1 MB record: formatDocument in this process, against jsonc-parser's format with
// every edit turned into an LSP range (what the server did before), interleaved; and the whole
// request to the bundled server over JSON-RPC, edits applied, which is what the user waits for.
// The verdict is on this process's CPU time for formatDocument (wall time on a shared machine
// mostly measures the queue for a core); the request's wall time is shown beside it.
import { format } from 'jsonc-parser';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit } from 'vscode-languageserver';
import { formatDocument } from '../server/src/languageService/formatting';
import { applyEdits, fileUri, LspTestClient } from '../testkit/lspClient';
import { generateRecord } from './corpus';
import { summarize, timeOnce, type Sample } from './stats';
import { kib, markdownTable, ms, verdict } from './table';

const RUNS = 7;
const TARGET_MS = 300;
const OPTIONS = { tabSize: 2, insertSpaces: true };

function jsoncEdits(document: TextDocument): unknown[] {
  const text = document.getText();
  return format(text, undefined, { ...OPTIONS, eol: '\n' }).map((e) => ({
    range: { start: document.positionAt(e.offset), end: document.positionAt(e.offset + e.length) },
    newText: e.content,
  }));
}

export async function formattingSection(): Promise<boolean> {
  // 2 MB pretty-printed is about 1 MB once minified.
  const plain = JSON.parse(generateRecord(2 * 1024 * 1024, false, 11).text) as unknown;
  const files = [
    { label: '1 MB minified', text: JSON.stringify(plain) },
    { label: '1 MB, 4-space indent to 2', text: JSON.stringify(JSON.parse(generateRecord(1024 * 1024, false, 12).text), null, 4) },
  ];
  console.log(`\n## Formatting (medians of ${RUNS} after one warm-up, interleaved)\n`);
  const rows: string[][] = [];
  let ok = true;
  const client = await LspTestClient.start();
  for (const [n, { label, text }] of files.entries()) {
    const uri = fileUri(`bench-format-${n}.dxrecord.json`);
    client.open(uri, text);
    await client.waitForDiagnostics(uri, () => true, { timeoutMs: 60_000 });
    const document = TextDocument.create('file:///bench.dxrecord.json', 'dxrecord', 1, text);
    const ours: Sample[] = [];
    const before: number[] = [];
    const request: number[] = [];
    let ourEdits = 0;
    let beforeEdits = 0;
    for (let i = 0; i <= RUNS; i++) {
      const a = await timeOnce(async () => (ourEdits = (await formatDocument(document, OPTIONS))?.length ?? 0));
      const b = await timeOnce(() => (beforeEdits = jsoncEdits(document).length));
      const c = await timeOnce(async () => applyEdits(text, await client.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: OPTIONS })));
      if (i > 0) {
        ours.push(a);
        before.push(b.wall);
        request.push(c.wall);
      }
    }
    const wall = summarize(ours.map((t) => t.wall)).median;
    const cpu = summarize(ours.map((t) => t.cpu)).median;
    const pass = cpu <= TARGET_MS;
    ok &&= pass;
    rows.push([
      label,
      kib(text.length),
      ms(summarize(before).median),
      beforeEdits.toLocaleString('en'),
      ms(wall),
      ms(cpu),
      ourEdits.toLocaleString('en'),
      ms(summarize(request).median),
      verdict(pass),
    ]);
  }
  await client.stop();
  console.log(markdownTable(['file', 'size', 'jsonc format ms', 'its edits', 'ours wall ms', 'ours CPU ms', 'our edits', 'request to server ms', `CPU ≤ ${TARGET_MS} ms`], rows));
  return ok;
}
