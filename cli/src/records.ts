// `dxrecord init | plan | apply | pull`: the records-as-code commands over the shared planner in
// platform/src/recordsAsCode. Signs in like dx; the token is never printed.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { relative, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { DxApiClient } from '../../platform/src/apiClient';
import { readDxEnvironment, resolveDxConfig } from '../../platform/src/config';
import { userMessageOf } from '../../platform/src/errors';
import { applyPlan, type ActionOutcome } from '../../platform/src/recordsAsCode/apply';
import { hasChanges } from '../../platform/src/recordsAsCode/plan';
import { planTree, type LocalTree } from '../../platform/src/recordsAsCode/planTree';
import { pullTree } from '../../platform/src/recordsAsCode/pull';
import { findRoot, initRoot, keyOf, readRootConfig, ROOT_MARKER, RootConfigError } from '../../platform/src/recordsAsCode/root';
import { TypeSchemaFinder } from '../../common/typeSchemaFiles';
import { version } from '../../package.json';
import { expandPaths } from './inputs';
import { planDocument, planText, outcomeText } from './planOutput';
import { parseRecordsArgs, RECORDS_USAGE, type RecordsCommand } from './recordsArgs';
import { schemasByFolder } from './typeSchemas';

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;
const EXIT_CHANGES = 3;

class UsageError extends Error {}

// A reader that stops early (`dxrecord plan … | head`) closes the pipe: not an error of ours.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code !== 'EPIPE') throw err;
  process.exit();
});

export async function runRecords(argv: readonly string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help')) {
    process.stdout.write(RECORDS_USAGE);
    return EXIT_OK;
  }
  const command = parseRecordsArgs(argv);
  if (command.kind === 'usage-error') {
    process.stderr.write(`dxrecord: ${command.message}\n\n${RECORDS_USAGE}`);
    return EXIT_USAGE;
  }
  try {
    if (command.kind === 'init') return init(command.project ?? defaultProject());
    if (command.kind === 'pull') return await pull(command);
    return await planOrApply(command);
  } catch (error) {
    if (error instanceof UsageError || error instanceof RootConfigError) {
      process.stderr.write(`dxrecord: ${error.message}\n`);
      return EXIT_USAGE;
    }
    process.stderr.write(`dxrecord: ${userMessageOf(error)}\n`);
    return EXIT_FAILED;
  }
}

function init(project?: string): number {
  const dir = process.cwd();
  if (!initRoot(dir, project)) {
    process.stdout.write(`${ROOT_MARKER}/ already exists in ${dir}; nothing changed.\n`);
    return EXIT_OK;
  }
  process.stdout.write(`Made ${dir} a dxrecord root (${ROOT_MARKER}/${project ? `, project ${project}` : ''}).\n`);
  return EXIT_OK;
}

/** Signs in the way dx does; a missing token is a failure (exit 1), never a prompt. */
function signIn(): DxApiClient {
  const config = resolveDxConfig({ dx: readDxEnvironment(process.env, homedir()) });
  if (!config.token) throw new Error(`not signed in to ${config.serverUrl}: set DX_SECURITY_CONTEXT or run \`dx login\``);
  return new DxApiClient({ serverUrl: config.serverUrl, token: config.token, userAgent: `dxrecord-cli/${version} (node ${process.versions.node})` });
}

/** dx's current project (DX_PROJECT_CONTEXT_ID), the project `init` records when none is given. */
function defaultProject(): string | undefined {
  return readDxEnvironment(process.env, homedir()).values.DX_PROJECT_CONTEXT_ID;
}

/** The root, its project and the record files under the PATHs: all local, checked before signing in. */
function readTree(command: Extract<RecordsCommand, { kind: 'plan' | 'apply' }>): LocalTree {
  const roots = new Set(command.paths.map((path) => findRoot(path)));
  if (roots.has(undefined)) throw new UsageError(`no ${ROOT_MARKER}/ folder at or above ${command.paths.join(', ')}; run \`dxrecord init --project project-…\` in the folder that holds your record files`);
  if (roots.size > 1) throw new UsageError(`the PATHs lie under different roots (${[...roots].join(', ')}); plan one root at a time`);
  const root = [...roots][0]!;
  const project = command.project ?? readRootConfig(root).project;
  // The same team type schemas the editor and `validate` apply: the root's .dxrecord/types.
  const typesFor = schemasByFolder(new TypeSchemaFinder());
  const { files: paths, unreadable } = expandPaths(command.paths.map((path) => resolve(path)));
  if (unreadable.length) throw new UsageError(unreadable.map((u) => `cannot read ${u.path}: ${u.reason}`).join('\n'));
  const files = paths
    .filter((path) => !relative(root, path).split(/[\\/]/).includes(ROOT_MARKER))
    .map((path) => ({ path: relative(process.cwd(), path) || path, key: keyOf(root, path), text: readFileSync(path, 'utf8'), types: typesFor(path) }));
  const scopes = command.paths.map((path) => keyOf(root, resolve(path)));
  const inScope = (key: string) => scopes.some((scope) => scope === '' || key === scope || key.startsWith(`${scope}/`));
  return { root, ...(project ? { project } : {}), files, inScope };
}

async function planOrApply(command: Extract<RecordsCommand, { kind: 'plan' | 'apply' }>): Promise<number> {
  const tree = readTree(command);
  const client = signIn();
  const plan = await planTree(tree, client, command.prune);
  const header = { root: tree.root, ...(tree.project ? { project: tree.project } : {}) };
  if (command.kind === 'plan' || plan.refused || !hasChanges(plan)) {
    process.stdout.write(command.format === 'json' ? planDocument(plan) : planText(plan, header));
    if (plan.refused) return EXIT_FAILED;
    return command.kind === 'plan' && hasChanges(plan) ? EXIT_CHANGES : EXIT_OK;
  }
  if (command.format === 'text') process.stdout.write(planText(plan, header));
  if (!command.yes) {
    if (!process.stdin.isTTY) {
      process.stderr.write('dxrecord: apply changes records; pass --yes to apply without a terminal to confirm on\n');
      return EXIT_USAGE;
    }
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    const answer = await rl.question('Apply these changes? Type "yes" to go on: ');
    rl.close();
    if (answer.trim() !== 'yes') {
      process.stderr.write('dxrecord: nothing applied.\n');
      return EXIT_FAILED;
    }
  }
  let stopping = false;
  const onInterrupt = () => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write('dxrecord: stopping after the calls in flight (Ctrl-C again to quit at once)…\n');
  };
  process.on('SIGINT', onInterrupt);
  let outcomes: ActionOutcome[];
  try {
    outcomes = await applyPlan(client, plan, { stopping: () => stopping });
  } finally {
    process.off('SIGINT', onInterrupt);
  }
  process.stdout.write(command.format === 'json' ? planDocument(plan, outcomes) : outcomeText(outcomes));
  return outcomes.every((o) => o.status === 'done') ? EXIT_OK : EXIT_FAILED;
}

async function pull(command: Extract<RecordsCommand, { kind: 'pull' }>): Promise<number> {
  const client = signIn();
  const result = await pullTree(client, command.project, command.folder, resolve(command.out));
  if (command.format === 'json') {
    process.stdout.write(JSON.stringify({ written: result.written, kept: result.kept, initialized: result.initialized }, null, 2) + '\n');
  } else {
    const lines = [
      ...result.written.map((w) => `  wrote  ${relative(process.cwd(), w.path)}  (${w.record})`),
      ...result.kept.map((k) => `  kept   ${relative(process.cwd(), k.path)}  (${k.record}): the file exists; not overwritten`),
    ];
    process.stdout.write(`${lines.join('\n')}${lines.length ? '\n' : ''}Pulled ${result.written.length} record file${result.written.length === 1 ? '' : 's'} from ${command.project}${command.folder !== '/' ? `:${command.folder}` : ''}; ${result.kept.length} existing file${result.kept.length === 1 ? '' : 's'} kept.\n`);
  }
  return EXIT_OK;
}
