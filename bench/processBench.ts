// Whole processes, start-up included, as CI runs them: `dxrecord validate` (dist/cli.js) against
// ajv-cli 5.0.0 on 1,000 small records with the same schema, and against a Node process running
// VS Code's JSON language service on the 5 MB broken corpus record. Interleaved, alternating
// which goes first; wall-clock medians.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildSync } from 'esbuild';
import { corpusFile, generateRecord } from './corpus';
import { summarize } from './stats';
import { markdownTable, ms, verdict } from './table';

const RUNS = 9;
const SMALL_FILES = 1000;

interface Contest {
  name: string;
  ours: string[];
  theirs: string[];
  theirName: string;
  target: number;
}

function timeProcess(argv: string[], cwd: string): number {
  const start = performance.now();
  const run = spawnSync(process.execPath, argv, { cwd, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const wall = performance.now() - start;
  // Exit 1 is "errors found"; anything on stderr is a crash (the inputs are all readable).
  if (run.status === null || run.status > 1 || run.stderr.length > 0) throw new Error(`${argv.join(' ')} failed: ${run.stderr.toString()}`);
  return wall;
}

function race(contest: Contest, cwd: string): { ours: number; theirs: number } {
  const ours: number[] = [];
  const theirs: number[] = [];
  // One untimed round warms the file cache for both.
  for (let i = -1; i < RUNS; i++) {
    const pair = i % 2 ? [() => ours.push(timeProcess(contest.ours, cwd)), () => theirs.push(timeProcess(contest.theirs, cwd))] : [() => theirs.push(timeProcess(contest.theirs, cwd)), () => ours.push(timeProcess(contest.ours, cwd))];
    for (const run of pair) run();
    if (i < 0) {
      ours.length = 0;
      theirs.length = 0;
    }
  }
  return { ours: summarize(ours).median, theirs: summarize(theirs).median };
}

export function processSection(root: string): boolean {
  const work = mkdtempSync(join(tmpdir(), 'dxrecord-bench-'));
  try {
    const small = join(work, 'small');
    mkdirSync(small);
    for (let i = 0; i < SMALL_FILES; i++) writeFileSync(join(small, `r${String(i).padStart(4, '0')}.dxrecord.json`), generateRecord(1024, false, 5000 + i).text);
    const big = join(work, 'broken-5MB.dxrecord.json');
    writeFileSync(big, corpusFile('5 MB', true).text);
    const baseline = join(work, 'baseline.js');
    // As scripts/build.mjs bundles ours (the language service's UMD build hides its requires).
    buildSync({
      entryPoints: [join(root, 'bench/baselineProcess.ts')],
      outfile: baseline,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      mainFields: ['module', 'main'],
      logLevel: 'warning',
    });
    const require = createRequire(join(root, 'package.json'));
    const ajvCli = join(dirname(require.resolve('ajv-cli/package.json')), 'dist/index.js');
    const cli = join(root, 'dist/cli.js');
    const schema = join(root, 'schemas/record-new.schema.json');
    const contests: Contest[] = [
      {
        name: `${SMALL_FILES.toLocaleString('en')} files of ~1 KB`,
        ours: [cli, 'validate', small],
        // --all-errors and non-strict as our engine; ajv-cli reads the files it is given by the glob.
        theirs: [ajvCli, 'validate', '-s', schema, '-d', join(small, '*.dxrecord.json'), '--strict=false', '--all-errors'],
        theirName: 'ajv-cli 5.0.0',
        target: 0.45,
      },
      {
        name: '5 MB broken corpus record',
        ours: [cli, 'validate', big],
        theirs: [baseline, big, root],
        theirName: 'vscode-json-languageservice',
        target: 0.35,
      },
    ];
    console.log(`\n## Whole processes, start-up included (wall ms, median of ${RUNS}, interleaved)\n`);
    const rows: string[][] = [];
    let ok = true;
    for (const contest of contests) {
      const { ours, theirs } = race(contest, work);
      const ratio = ours / theirs;
      const pass = ratio <= contest.target;
      ok &&= pass;
      rows.push([contest.name, contest.theirName, ms(theirs), ms(ours), `${ratio.toFixed(3)}×`, `≤ ${contest.target}×`, verdict(pass)]);
    }
    console.log(markdownTable(['input', 'compared with', 'their median', 'dxrecord validate median', 'ratio', 'target', ''], rows));
    return ok;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
