// dist/cli.js: runs the CLI bundle (dist/cliMain.js) with V8's code cache, so a process starts from
// the bytecode of an earlier run instead of compiling the bundle's functions again. The cache sits
// next to the bundle, named for the bundle's content hash (V8 checks only a source's length) and
// for the Node version and architecture; V8 rejects one made with other flags. A run without a
// usable cache writes one as it exits; any cache that cannot be read or written means compiling,
// as without a cache.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Script } from 'node:vm';

/** The SHA-256 of dist/cliMain.js, set by scripts/build.mjs. */
declare const CLI_MAIN_HASH: string;

const bundle = join(__dirname, 'cliMain.js');
const cache = join(__dirname, `cliMain.${CLI_MAIN_HASH}.${process.version}-${process.arch}.cache`);

function readCache(): Buffer | undefined {
  try {
    return readFileSync(cache);
  } catch {
    return undefined;
  }
}

/** Written whole under another name first: a process starting meanwhile never reads half a cache. */
function writeCache(script: Script): void {
  const partial = `${cache}.${process.pid}`;
  try {
    writeFileSync(partial, script.createCachedData());
    renameSync(partial, cache);
  } catch {
    rmSync(partial, { force: true });
  }
}

const cachedData = readCache();
// The CommonJS wrapper, as Node would compile the bundle if it were required.
const script = new Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(bundle, 'utf8')}\n})`, { filename: bundle, cachedData });
// At exit the cache also holds the functions compiled lazily during the run.
if (cachedData === undefined || script.cachedDataRejected) process.once('exit', () => writeCache(script));
const main = { exports: {} };
(script.runInThisContext() as (...args: unknown[]) => void)(main.exports, createRequire(bundle), main, bundle, __dirname);
