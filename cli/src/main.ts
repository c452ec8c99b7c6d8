// `dxrecord validate`: the same engine as the editor, over files, folders or stdin. Offline. The
// records-as-code commands (init, plan, apply, pull) are in records.ts.

import { statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { TypeSchemaFinder } from '../../common/typeSchemaFiles';
import type { TypeSchemas } from '../../common/typeSchemaSource';
import { parseArgs, USAGE, type ValidateCommand } from './args';
import { diagnoseDecoded } from './decode';
import { expandPaths, readRecord, STDIN_PATH } from './inputs';
import { jsonDocument, summarize, textLines, textSummary, type FileResult } from './output';
import type * as Records from './records';
import { RECORDS_COMMANDS } from './recordsArgs';
import { writeStdout } from './stdout';
import { schemasByFolder } from './typeSchemas';

const EXIT_OK = 0;
const EXIT_ERRORS = 1;
const EXIT_USAGE = 2;

/** The schemas for one record: --types for all, else the record's nearest .dxrecord/types. */
function typeSchemasFor(command: ValidateCommand, finder: TypeSchemaFinder): (path: string) => TypeSchemas {
  const { types } = command;
  if (types !== undefined) return () => finder.readFolder(types);
  const forRecord = schemasByFolder(finder);
  return (path) => forRecord(path === STDIN_PATH ? join(process.cwd(), STDIN_PATH) : path);
}

function validate(command: ValidateCommand): number {
  if (command.types !== undefined && !isFolder(command.types)) {
    process.stderr.write(`dxrecord: --types ${command.types} is not a readable folder\n`);
    return EXIT_USAGE;
  }
  const finder = new TypeSchemaFinder((path) => relative(process.cwd(), path) || path);
  const typesFor = typeSchemasFor(command, finder);
  const { files, unreadable } = expandPaths(command.paths);
  const results: FileResult[] = [];
  let output = '';
  for (const path of files) {
    const content = readRecord(path);
    if ('reason' in content) {
      unreadable.push(content);
      continue;
    }
    const result = { path: path === STDIN_PATH ? '<stdin>' : path, diagnostics: diagnoseDecoded(content, { types: typesFor(path) }) };
    results.push(result);
    if (command.format === 'text') output += textLines(result, command.quiet);
  }
  for (const u of unreadable) process.stderr.write(`dxrecord: cannot read ${u.path}: ${u.reason}\n`);
  const summary = summarize(results);
  writeStdout(command.format === 'json' ? jsonDocument(results, summary, command.quiet) : output + textSummary(summary));
  if (unreadable.length > 0) return EXIT_USAGE;
  return summary.errors > 0 ? EXIT_ERRORS : EXIT_OK;
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export function run(argv: readonly string[]): number {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    writeStdout(USAGE);
    return EXIT_OK;
  }
  if (args.kind === 'usage-error') {
    process.stderr.write(`dxrecord: ${args.message}\n\n${USAGE}`);
    return EXIT_USAGE;
  }
  return validate(args);
}

// exitCode rather than exit(): the records commands write through process.stdout, which must drain first.
const argv = process.argv.slice(2);
// The records commands load on demand: what they alone need (the platform client, crypto,
// readline) would otherwise be loaded before every `validate`.
if (RECORDS_COMMANDS.has(argv[0])) void (require('./records') as typeof Records).runRecords(argv).then((code) => (process.exitCode = code));
else process.exitCode = run(argv);
