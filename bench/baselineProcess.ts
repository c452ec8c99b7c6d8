// A whole Node process doing what an editor-less VS Code JSON check would: read one record file,
// validate it with vscode-json-languageservice and the record schema, print the error count.
// The bench bundles it with esbuild so it starts like our bundled CLI does.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createBaseline, isError } from './baseline';
import { loadBaselineSchema } from './baselineSchema';

const [file, root] = process.argv.slice(2);
void createBaseline(loadBaselineSchema(resolve(root)))(readFileSync(file, 'utf8')).then((result) => {
  process.stdout.write(`${result.diagnostics.filter(isError).length} errors\n`);
});
