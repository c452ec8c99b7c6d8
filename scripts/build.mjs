// Bundles every runnable entry point with esbuild. The extension host provides `vscode`.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const require = createRequire(import.meta.url);

const entries = {
  client: 'client/src/extension.ts',
  clientFeatures: 'client/src/features.ts',
  server: 'server/src/main.ts',
  validationWorker: 'server/src/lsp/validationWorker.ts',
  cli: 'cli/src/main.ts',
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

await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    build({
      entryPoints: [entry],
      outfile: `dist/${name}.js`,
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
    }),
  ),
);
