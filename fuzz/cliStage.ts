// Stage 2: batches of files through `node dist/cli.js validate --format json`, one process per
// batch. Each answer is held against the CLI's own reader and checks run in process on the same
// file, so a difference is the CLI process's (output, exit code, counting).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import type { Random } from '../bench/random';
import { diagnoseDecoded } from '../cli/src/decode';
import { readRecord } from '../cli/src/inputs';
import type { RecordDiagnostic } from '../server/src/engine';
import { nextDocument } from './documents';
import type { Violation } from './engineInvariants';
import type { FailureLog } from './failures';
import { minimize } from './minimize';
import { mutateBytes } from './mutate';

const CLI_PATH = resolve(__dirname, '../dist/cli.js');
const MINIMIZE_BUDGET = 150;

/** `exit-code` also requires an empty stderr: every file was readable. */
export type CliInvariant = 'exit-code' | 'valid-json' | 'files-match' | 'diagnostics-match' | 'counts-match';

export interface CliSize {
  processes: number;
  filesPerProcess: number;
}

export interface CliStats {
  processes: number;
  files: number;
  diagnostics: number;
}

interface CliRun {
  /** What is passed on the command line: the files, or the folder holding them. */
  paths: string[];
  files: string[];
  quiet: boolean;
}

interface CliOutput {
  files: { path: string; diagnostics: unknown[] }[];
  summary: { files: number; errors: number; warnings: number };
}

export async function fuzzCli(rnd: Random, examples: readonly string[], size: CliSize, log: FailureLog): Promise<CliStats> {
  const stats: CliStats = { processes: 0, files: 0, diagnostics: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'dxrecord-fuzz-'));
  try {
    for (let p = 0; p < size.processes; p++) {
      const batch = join(dir, `batch-${p}`);
      const contents = Array.from({ length: size.filesPerProcess }, () => {
        const bytes = Buffer.from(nextDocument(rnd, examples), 'utf8');
        return rnd.chance(0.3) ? mutateBytes(rnd, bytes) : bytes;
      });
      const files = contents.map((_, i) => join(batch, `${String(i).padStart(4, '0')}.dxrecord.json`));
      writeFiles(batch, files, contents);
      const run: CliRun = { paths: rnd.chance(0.3) ? [batch] : files, files, quiet: rnd.chance(0.25) };
      const { violation, diagnostics } = checkCli(run);
      stats.processes++;
      stats.files += files.length;
      stats.diagnostics += diagnostics;
      if (!violation) continue;
      const first = log.add('cli', violation, { bytes: contents[0] });
      if (!first) continue;
      const alone = await minimizeFile(join(dir, 'minimize'), contents, run.quiet, violation.invariant);
      if (alone) Object.assign(first, { input: { bytes: alone.culprit }, minimized: { bytes: alone.minimized } });
      else first.detail += ` (no file of the batch breaks it alone; the input shown is the batch's first file)`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return stats;
}

function writeFiles(folder: string, files: string[], contents: Buffer[]): void {
  rmSync(folder, { recursive: true, force: true });
  mkdirSync(folder, { recursive: true });
  files.forEach((file, i) => writeFileSync(file, contents[i]));
}

/** What the CLI reports for `path`, computed in process with its own reader and checks. */
function diagnosticsOf(path: string): RecordDiagnostic[] {
  const content = readRecord(path);
  if ('reason' in content) throw new Error(`fuzz: cannot read back ${path}: ${content.reason}`);
  return diagnoseDecoded(content);
}

function checkCli(run: CliRun): { violation?: Violation<CliInvariant>; diagnostics: number } {
  const expected = run.files.map((path) => ({ path, diagnostics: diagnosticsOf(path) }));
  const all = expected.flatMap((f) => f.diagnostics);
  const count = (severity: RecordDiagnostic['severity']) => all.filter((d) => d.severity === severity).length;
  const errors = count('error');
  const broken = (invariant: CliInvariant, detail: string) => ({ violation: { invariant, detail }, diagnostics: all.length });

  const args = [CLI_PATH, 'validate', '--format', 'json', ...(run.quiet ? ['--quiet'] : []), ...run.paths];
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30 });
  const expectedStatus = errors > 0 ? 1 : 0;
  if (child.status !== expectedStatus || child.stderr) {
    return broken('exit-code', `exit ${child.status ?? child.signal} with ${errors} errors (expected ${expectedStatus}); stderr ${JSON.stringify(child.stderr.slice(0, 500))}`);
  }
  let output: CliOutput;
  try {
    output = JSON.parse(child.stdout) as CliOutput;
  } catch (err) {
    return broken('valid-json', `stdout is not JSON (${String(err)}): ${JSON.stringify(child.stdout.slice(0, 200))}`);
  }
  if (!Array.isArray(output.files) || !isDeepStrictEqual(output.files.map((f) => f.path), run.files)) {
    return broken('files-match', `reported ${JSON.stringify(output.files?.map((f) => f.path))}, checked ${JSON.stringify(run.files)}`);
  }
  for (const [i, file] of expected.entries()) {
    const shown = file.diagnostics.filter((d) => !run.quiet || d.severity === 'error');
    const want = shown.map(({ range, severity, code, message }) => ({ range, severity, code, message }));
    if (!isDeepStrictEqual(output.files[i].diagnostics, want)) {
      return broken('diagnostics-match', `${file.path}: the CLI reported ${JSON.stringify(output.files[i].diagnostics).slice(0, 300)}, the engine ${JSON.stringify(want).slice(0, 300)}`);
    }
  }
  const summary = { files: run.files.length, errors, warnings: count('warning') };
  if (!isDeepStrictEqual(output.summary, summary)) {
    return broken('counts-match', `summary ${JSON.stringify(output.summary)}, the engine counts ${JSON.stringify(summary)}`);
  }
  return { diagnostics: all.length };
}

/** The first file of the batch that breaks `invariant` alone, and its bytes minimized. */
async function minimizeFile(folder: string, contents: Buffer[], quiet: boolean, invariant: CliInvariant): Promise<{ culprit: Buffer; minimized: Buffer } | undefined> {
  const file = join(folder, 'input.dxrecord.json');
  const fails = (bytes: Buffer | number[]) => {
    writeFiles(folder, [file], [Buffer.from(bytes)]);
    return checkCli({ paths: [file], files: [file], quiet }).violation?.invariant === invariant;
  };
  const culprit = contents.find(fails);
  if (!culprit) return undefined;
  return { culprit, minimized: Buffer.from(await minimize([...culprit], fails, MINIMIZE_BUDGET)) };
}
