// The two output formats of `dxrecord validate` (the README's command-line validator section): text lines with 1-based
// positions plus a summary, or one JSON document with 0-based LSP positions.

import type { RecordDiagnostic } from '../../server/src/engine';

export interface FileResult {
  path: string;
  diagnostics: RecordDiagnostic[];
}

export interface Summary {
  files: number;
  errors: number;
  warnings: number;
  information: number;
}

export function summarize(results: readonly FileResult[]): Summary {
  const summary: Summary = { files: results.length, errors: 0, warnings: 0, information: 0 };
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') summary.errors++;
      else if (d.severity === 'warning') summary.warnings++;
      else summary.information++;
    }
  }
  return summary;
}

function shown(diagnostics: RecordDiagnostic[], quiet: boolean): RecordDiagnostic[] {
  return quiet ? diagnostics.filter((d) => d.severity === 'error') : diagnostics;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

export function textLines(result: FileResult, quiet: boolean): string {
  let out = '';
  for (const d of shown(result.diagnostics, quiet)) {
    const { line, character } = d.range.start;
    out += `${result.path}:${line + 1}:${character + 1}: ${d.severity} ${d.code} ${d.message}\n`;
  }
  return out;
}

export function textSummary(summary: Summary): string {
  const info = summary.information ? `, ${summary.information} information` : '';
  return `${plural(summary.files, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}${info}\n`;
}

export function jsonDocument(results: readonly FileResult[], { files, errors, warnings }: Summary, quiet: boolean): string {
  return (
    JSON.stringify({
      files: results.map((r) => ({
        path: r.path,
        diagnostics: shown(r.diagnostics, quiet).map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message })),
      })),
      summary: { files, errors, warnings },
    }) + '\n'
  );
}
