// Command-line parsing for `dxrecord`: small enough that a dependency would cost more than it saves.

export type OutputFormat = 'text' | 'json';

export interface ValidateCommand {
  kind: 'validate';
  format: OutputFormat;
  quiet: boolean;
  /** --types DIR: the folder of <TypeName>.schema.json files for every record (else each record's nearest .dxrecord/types). */
  types?: string;
  paths: string[];
}

export type ParsedArgs = ValidateCommand | { kind: 'help' } | { kind: 'usage-error'; message: string };

export const USAGE = `Usage: dxrecord validate [--format text|json] [--quiet] [--types DIR] PATH...
       dxrecord init | plan | apply | pull …   (dxrecord plan --help)

Checks DNAnexus record files (*.dxrecord.json, the input of /record/new) offline.

  PATH             a file, a directory (searched for *.dxrecord.json, skipping
                   node_modules and dot-folders), or - for standard input
  --format text    one line per problem: file:line:col: severity code message (default)
  --format json    one JSON document with 0-based LSP positions
  --quiet          report errors only (warnings and information are still counted)
  --types DIR      check typed details against the <TypeName>.schema.json files in
                   DIR (default: each record's nearest .dxrecord/types/ folder,
                   found by walking up from the record; stdin starts at the
                   current directory)
  -h, --help       show this help

Exit status: 0 no errors (warnings allowed), 1 errors found, 2 usage error or unreadable path.
`;

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return { kind: 'usage-error', message: 'missing command' };
  if (argv.includes('-h') || argv.includes('--help') || argv[0] === 'help') return { kind: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'validate') return { kind: 'usage-error', message: `unknown command ${JSON.stringify(command)}` };
  const parsed: ValidateCommand = { kind: 'validate', format: 'text', quiet: false, paths: [] };
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      parsed.paths.push(...rest.slice(i + 1));
      break;
    }
    if (arg === '--quiet' || arg === '-q') parsed.quiet = true;
    else if (arg === '--types' || arg.startsWith('--types=')) {
      const value = arg === '--types' ? rest[++i] : arg.slice('--types='.length);
      if (!value) return { kind: 'usage-error', message: '--types takes a folder of <TypeName>.schema.json files' };
      parsed.types = value;
    }
    else if (arg === '--format' || arg.startsWith('--format=')) {
      const value = arg === '--format' ? rest[++i] : arg.slice('--format='.length);
      if (value !== 'text' && value !== 'json') return { kind: 'usage-error', message: `--format takes "text" or "json", not ${JSON.stringify(value ?? '')}` };
      parsed.format = value;
    } else if (arg.startsWith('-') && arg !== '-') return { kind: 'usage-error', message: `unknown option ${JSON.stringify(arg)}` };
    else parsed.paths.push(arg);
  }
  if (parsed.paths.length === 0) return { kind: 'usage-error', message: 'no PATH given' };
  if (parsed.paths.filter((p) => p === '-').length > 1) return { kind: 'usage-error', message: 'standard input (-) can be read only once' };
  return parsed;
}
