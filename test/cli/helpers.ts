// Runs the bundled `dxrecord` CLI as a real process, and writes test files.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');
export const CLI = join(ROOT, 'dist/cli.js');
/** What dist/cli.js runs from V8's code cache (cli/src/launch.ts). */
export const CLI_BUNDLE = join(ROOT, 'dist/cliMain.js');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function runCli(cwd: string, args: string[], input?: string | Buffer, script = CLI): CliRun {
  const run = spawnSync(process.execPath, [script, ...args], { cwd, input, encoding: 'utf8', timeout: 60000, maxBuffer: 1 << 28 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

export function writeIn(dir: string, path: string, content: string | Uint8Array): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, content);
  return path;
}

export interface JsonOutput {
  files: { path: string; diagnostics: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; severity: string; code: string; message: string }[] }[];
  summary: { files: number; errors: number; warnings: number };
}
