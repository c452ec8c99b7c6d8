// Bundles every runnable entry point with esbuild. The extension host provides `vscode`.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

const entries = {
  client: 'client/src/extension.ts',
  clientFeatures: 'client/src/features.ts',
  server: 'server/src/main.ts',
  validationWorker: 'server/src/lsp/validationWorker.ts',
  cliMain: 'cli/src/main.ts',
  emulator: 'emulator/src/main.ts',
};

const production = process.argv.includes('--production');

/**
 * The bundles validate with ajv's standalone code for the record schema, generated here from the
 * schema and options that server/src/engine/schemaValidator.ts compiles at run time from source.
 */
function precompiledSchema() {
  const { default: Ajv } = require('ajv');
  const { default: standaloneCode } = require('ajv/dist/standalone');
  const read = (path) => JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), 'utf8'));
  const ajv = new Ajv({ ...read('server/src/engine/ajvOptions.json'), code: { source: true, esm: true } });
  const code = standaloneCode(ajv, ajv.compile(read('schemas/record-new.schema.json')));
  return {
    name: 'precompiled-record-schema',
    setup(esbuild) {
      esbuild.onLoad({ filter: /[\\/]engine[\\/]schemaValidator\.ts$/ }, () => ({
        contents: `${code}\nexport function compileRecordSchema() { return validate; }\n`,
        loader: 'js',
        resolveDir: process.cwd(),
      }));
    },
  };
}

const plugins = [precompiledSchema()];

/** Options every bundle shares. */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['vscode'],
  // jsonc-parser's UMD build loads its parts with a dynamic require that esbuild cannot follow.
  mainFields: ['module', 'main'],
  plugins,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
};

// Code caches of earlier bundles can never match again (cli/src/launch.ts names them by hash).
mkdirSync('dist', { recursive: true });
for (const name of readdirSync('dist').filter((n) => n.endsWith('.cache'))) rmSync(`dist/${name}`);

await Promise.all(Object.entries(entries).map(([name, entry]) => build({ ...common, entryPoints: [entry], outfile: `dist/${name}.js` })));

// dist/cli.js runs dist/cliMain.js from the code cache named for the bundle's hash.
await build({
  ...common,
  entryPoints: ['cli/src/launch.ts'],
  outfile: 'dist/cli.js',
  define: { CLI_MAIN_HASH: JSON.stringify(createHash('sha256').update(readFileSync('dist/cliMain.js')).digest('hex').slice(0, 16)) },
});
// One validate run of clean and broken records writes the cache, so the first real one starts from it
// (exit 1: the invalid examples). Typed records are left out: what they compile would only make it bigger.
spawnSync(process.execPath, ['dist/cli.js', 'validate', 'examples/valid', 'examples/invalid'], { stdio: 'ignore' });
