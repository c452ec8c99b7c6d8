// Arguments of `dxrecord init | plan | apply | pull` (the README's "Records as code" section).
import type { OutputFormat } from './args';

export type RecordsCommand =
  | { kind: 'init'; project?: string }
  | { kind: 'plan' | 'apply'; paths: string[]; project?: string; format: OutputFormat; prune: boolean; yes: boolean }
  | { kind: 'pull'; project: string; folder: string; out: string; format: OutputFormat };

export const RECORDS_COMMANDS = new Set(['init', 'plan', 'apply', 'pull']);

export const RECORDS_USAGE = `Usage: dxrecord init  [--project ID]
       dxrecord plan  [PATH...] [--project ID] [--prune] [--format text|json]
       dxrecord apply [PATH...] [--project ID] [--prune] [--yes] [--format text|json]
       dxrecord pull  PROJECT[:/folder] --out DIR [--format text|json]

Keeps a folder of *.dxrecord.json files in step with a project's records. The folder holding
.dxrecord/ is the root (dxrecord init makes it); each file's record carries the property
dxrecord.key = its path under the root. Sign-in as dx: DX_APISERVER_*/DX_SECURITY_CONTEXT, else
~/.dnanexus_config/environment.json (or $DX_USER_CONF_DIR).

  init      makes the current folder a root; --project (default: dx's current project,
            DX_PROJECT_CONTEXT_ID) is the project every file must name
  plan      what apply would do; writes nothing
  apply     does it (asks on a terminal; --yes otherwise); --prune also deletes managed records
            whose file is gone
  pull      writes one file per record of PROJECT (or its /folder subtree) into DIR

Exit status: 0 nothing to do / all applied, 1 invalid files, a conflict or an API failure,
2 usage error or unreadable path, 3 plan found changes to make.
`;

type Parsed = RecordsCommand | { kind: 'usage-error'; message: string };

export function parseRecordsArgs(argv: readonly string[]): Parsed {
  const [command, ...rest] = argv;
  const positional: string[] = [];
  const options: Record<string, string | true> = {};
  const takesValue = new Set(['--project', '--format', '--out']);
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--') {
      positional.push(...rest.slice(i + 1));
      break;
    }
    const [name, inline] = arg.startsWith('--') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    if (takesValue.has(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') return { kind: 'usage-error', message: `${name} needs a value` };
      options[name] = value;
    } else if (name === '--prune' || name === '--yes' || name === '-y') options[name === '-y' ? '--yes' : name] = true;
    else if (arg.startsWith('-')) return { kind: 'usage-error', message: `unknown option ${JSON.stringify(arg)}` };
    else positional.push(arg);
  }
  const format = options['--format'] ?? 'text';
  if (format !== 'text' && format !== 'json') return { kind: 'usage-error', message: `--format takes "text" or "json", not ${JSON.stringify(format)}` };
  const project = typeof options['--project'] === 'string' ? options['--project'] : undefined;
  const allowed: Record<string, string[]> = {
    init: ['--project'],
    plan: ['--project', '--format', '--prune'],
    apply: ['--project', '--format', '--prune', '--yes'],
    pull: ['--out', '--format'],
  };
  const stray = Object.keys(options).find((name) => !allowed[command].includes(name));
  if (stray) return { kind: 'usage-error', message: `${command} does not take ${stray}` };
  if (command === 'init') {
    if (positional.length) return { kind: 'usage-error', message: 'init takes no PATH; run it in the folder that should become the root' };
    return { kind: 'init', ...(project ? { project } : {}) };
  }
  if (command === 'pull') {
    const out = options['--out'];
    if (positional.length !== 1 || typeof out !== 'string') return { kind: 'usage-error', message: 'pull needs PROJECT[:/folder] and --out DIR' };
    const [pulled, folder = '/'] = positional[0].split(/:(.*)/s, 2);
    return { kind: 'pull', project: pulled, folder: folder || '/', out, format };
  }
  return { kind: command as 'plan' | 'apply', paths: positional.length ? positional : ['.'], ...(project ? { project } : {}), format, prune: options['--prune'] === true, yes: options['--yes'] === true };
}
