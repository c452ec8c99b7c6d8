// `dxrecord validate`: the same engine as the editor, over files, folders or stdin. Offline. The
// records-as-code commands (init, plan, apply, pull) are in records.ts.

import { parseArgs, USAGE, type ValidateCommand } from './args';
import { diagnoseDecoded } from './decode';
import { expandPaths, readRecord, STDIN_PATH } from './inputs';
import { jsonDocument, summarize, textLines, textSummary, type FileResult } from './output';
import { runRecords } from './records';
import { RECORDS_COMMANDS } from './recordsArgs';

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

function validate(command: ValidateCommand): number {
  const { files, unreadable } = expandPaths(command.paths);
  const results: FileResult[] = [];
  let output = '';
  for (const path of files) {
    const content = readRecord(path);
    if ('reason' in content) {
      unreadable.push(content);
      continue;
    }
    const result = { path: path === STDIN_PATH ? '<stdin>' : path, diagnostics: diagnoseDecoded(content) };
    results.push(result);
    if (command.format === 'text') output += textLines(result, command.quiet);
  }
  for (const u of unreadable) process.stderr.write(`dxrecord: cannot read ${u.path}: ${u.reason}\n`);
  const summary = summarize(results);
  process.stdout.write(command.format === 'json' ? jsonDocument(results, summary, command.quiet) : output + textSummary(summary));
  if (unreadable.length > 0) return EXIT_USAGE;
  return summary.errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

export function run(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    process.stdout.write(USAGE);
    return EXIT_OK;
  }
  if (args.kind === 'usage-error') {
    process.stderr.write(`dxrecord: ${args.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  return validate(args);
}

// A reader that stops early (`dxrecord validate … | head`) closes the pipe: not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit();
});

// exitCode rather than exit(): piped stdout must drain before the process ends.
const argv = process.argv.slice(2);
if (RECORDS_COMMANDS.has(argv[0])) void runRecords(argv).then((code) => (process.exitCode = code));
else process.exitCode = run(argv);
