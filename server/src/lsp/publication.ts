// What the server publishes for one document: the engine's diagnostics in LSP shape, at most
// MAX_PUBLISHED of them plus one notice for the rest. Serializing 100,000 diagnostics (about 20 MB
// of JSON, on the thread that answers requests, whatever the transport) holds up every other
// request for a few hundred ms, and a list that long helps nobody: the first problems are the ones to fix.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { RecordDiagnostic } from '../engine/types';
import { DIAGNOSTIC_SOURCE, toLspDiagnostic } from '../languageService/diagnostics';

export const MAX_PUBLISHED = 1000;
export const OVERFLOW_CODE = 'too-many-problems';

export function publishable(diagnostics: readonly RecordDiagnostic[]): Diagnostic[] {
  const shown = diagnostics.slice(0, MAX_PUBLISHED).map(toLspDiagnostic);
  const hidden = diagnostics.length - shown.length;
  if (hidden > 0) {
    shown.push({
      range: diagnostics[MAX_PUBLISHED].range,
      severity: DiagnosticSeverity.Information,
      code: OVERFLOW_CODE,
      source: DIAGNOSTIC_SOURCE,
      message: `${hidden.toLocaleString('en')} more problems from here on are not listed; fix the ones above first.`,
    });
  }
  return shown;
}
