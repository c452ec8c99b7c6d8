// Bundles every runnable entry point with esbuild. The extension host provides `vscode`.
import { build } from 'esbuild';

const entries = {
  client: 'client/src/extension.ts',
  server: 'server/src/main.ts',
  validationWorker: 'server/src/lsp/validationWorker.ts',
  cli: 'cli/src/main.ts',
  emulator: 'emulator/src/main.ts',
};

const production = process.argv.includes('--production');

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
      sourcemap: !production,
      minify: production,
      logLevel: 'warning',
    }),
  ),
);
