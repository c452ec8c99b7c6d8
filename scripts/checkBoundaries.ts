// Proves the package boundaries of docs/architecture.md are compiler facts: for each rule it
// type-checks the package with one extra probe file that makes the import and expects the
// compiler to refuse it (or, for the controls, to accept it). Nothing is written into a package:
// each probe and its tsconfig live under out/boundary-probes/. Needs `tsc -b` to have run (the
// referenced packages' declarations). Run: `npm run check:boundaries`.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import ts from 'typescript';

const ROOT = resolve(__dirname, '..');

export interface BoundaryRule {
  /** The package folder (holding its tsconfig.json). */
  from: string;
  /** A file of ours (repository-relative path) or a module name. */
  imports: string;
  allowed: boolean;
}

export const RULES: BoundaryRule[] = [
  { from: 'server/src/engine', imports: 'client/src/extension.ts', allowed: false },
  { from: 'server/src/engine', imports: 'vscode-languageserver', allowed: false },
  { from: 'server/src/languageService', imports: 'vscode-languageserver', allowed: false },
  { from: 'server/src/languageService', imports: 'vscode', allowed: false },
  { from: 'platform', imports: 'vscode', allowed: false },
  { from: 'platform', imports: 'client/src/extension.ts', allowed: false },
  { from: 'emulator', imports: 'platform/src/apiClient.ts', allowed: false },
  { from: 'emulator', imports: 'server/src/engine/index.ts', allowed: false },
  { from: 'client', imports: 'vscode-languageserver', allowed: false },
  { from: 'cli', imports: 'client/src/extension.ts', allowed: false },
  // Controls: the same probe with a permitted import compiles, so each refusal above is the rule's doing.
  { from: 'server/src/languageService', imports: 'server/src/engine/index.ts', allowed: true },
  { from: 'server', imports: 'vscode-languageserver', allowed: true },
  { from: 'emulator', imports: 'common/dxIds.ts', allowed: true },
  { from: 'client', imports: 'vscode', allowed: true },
];

export interface BoundaryResult extends BoundaryRule {
  /** The compiler's errors on the probe's import line, as `TS<code>: message`. */
  errors: string[];
}

/** One compiler host for every probe, so the standard library and @types are parsed once. */
const sourceFiles = new Map<string, ts.SourceFile | undefined>();
function cachingHost(options: ts.CompilerOptions): ts.CompilerHost {
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!sourceFiles.has(key) || fileName.includes('boundary-probes')) sourceFiles.set(key, read(fileName, languageVersion, onError, shouldCreate));
    return sourceFiles.get(key);
  };
  return host;
}

export function checkRule(rule: BoundaryRule, index: number): BoundaryResult {
  const packageDir = join(ROOT, rule.from);
  const packageConfig = ts.readConfigFile(join(packageDir, 'tsconfig.json'), ts.sys.readFile).config as {
    include: string[];
    references?: { path: string }[];
  };
  const probeDir = join(ROOT, 'out/boundary-probes', String(index));
  rmSync(probeDir, { recursive: true, force: true });
  mkdirSync(probeDir, { recursive: true });
  try {
    const probe = join(probeDir, 'probe.ts');
    const specifier = rule.imports.includes('/') ? relative(probeDir, join(ROOT, rule.imports)).replace(/\.ts$/, '') : rule.imports;
    writeFileSync(probe, `import * as probe from '${specifier}';\nexport const used = probe;\n`);
    const configPath = join(probeDir, 'tsconfig.json');
    writeFileSync(
      configPath,
      JSON.stringify({
        extends: join(packageDir, 'tsconfig.json'),
        compilerOptions: { noEmit: true },
        include: [...packageConfig.include.map((pattern) => join(packageDir, pattern)), 'probe.ts'],
        references: (packageConfig.references ?? []).map((reference) => ({ path: join(packageDir, reference.path) })),
      }),
    );
    const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    if (!parsed) throw new Error(`cannot read ${configPath}`);
    const program = ts.createProgram({
      rootNames: parsed.fileNames,
      options: parsed.options,
      projectReferences: parsed.projectReferences,
      host: cachingHost(parsed.options),
    });
    // Errors on the probe itself, and files the import pulled in that the package does not own (TS6307).
    const errors = [...program.getOptionsDiagnostics(), ...ts.getPreEmitDiagnostics(program, program.getSourceFile(probe))]
      .filter((d) => d.category === ts.DiagnosticCategory.Error)
      .map((d) => `TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ').split('  ')[0]}`);
    return { ...rule, errors: [...new Set(errors)] };
  } finally {
    rmSync(probeDir, { recursive: true, force: true });
  }
}

export function checkBoundaries(rules = RULES): BoundaryResult[] {
  return rules.map(checkRule);
}

if (require.main === module) {
  let failed = 0;
  for (const result of checkBoundaries()) {
    const refused = result.errors.length > 0;
    const ok = refused !== result.allowed;
    if (!ok) failed++;
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${result.from} -> ${result.imports} (${result.allowed ? 'allowed' : 'forbidden'}): ${refused ? `refused, ${result.errors[0]}` : 'compiles'}`);
  }
  process.exit(failed ? 1 : 0);
}
