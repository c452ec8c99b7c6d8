// Engine diagnostics in LSP shape. `code` and `data` travel with each diagnostic so the code-action
// request can build its fix from what the client sends back, without re-validating.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { RecordDiagnostic, Severity } from '../engine/types';

export const DIAGNOSTIC_SOURCE = 'dnanexus';

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
};

export function toLspDiagnostic(diagnostic: RecordDiagnostic): Diagnostic {
  return {
    range: diagnostic.range,
    severity: SEVERITIES[diagnostic.severity],
    code: diagnostic.code,
    source: DIAGNOSTIC_SOURCE,
    message: diagnostic.message,
    ...(diagnostic.data ? { data: diagnostic.data } : {}),
  };
}
