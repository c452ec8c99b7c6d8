// The record file a command works on: the explorer item it was invoked on, else the active editor.
import * as vscode from 'vscode';
import { TypeSchemaFinder } from '../../../common/typeSchemaFiles';
import type { TypeSchemas } from '../../../common/typeSchemaSource';
import { DxApiError } from '../../../platform/src/errors';
import { locateRejection } from '../../../platform/src/records/createRecord';
import { RECORD_SCHEME } from './recordDocuments';

export async function recordFile(arg: unknown): Promise<vscode.TextDocument | undefined> {
  const document = arg instanceof vscode.Uri && arg.scheme !== RECORD_SCHEME
    ? await vscode.workspace.openTextDocument(arg)
    : vscode.window.activeTextEditor?.document;
  if (document && (document.languageId === 'dxrecord' || document.fileName.endsWith('.dxrecord.json'))) return document;
  void vscode.window.showWarningMessage('DNAnexus: open a .dxrecord.json file first.');
  return undefined;
}

/** Puts a platform rejection on the field it names, or clears the file's earlier one. */
export function showRejection(rejections: vscode.DiagnosticCollection, document: vscode.TextDocument, span: { offset: number; length: number } | undefined, message: string): void {
  if (!span) {
    rejections.delete(document.uri);
    return;
  }
  const range = new vscode.Range(document.positionAt(span.offset), document.positionAt(span.offset + span.length));
  const diagnostic = new vscode.Diagnostic(range, message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = 'dnanexus';
  diagnostic.code = 'platform-rejected';
  rejections.set(document.uri, [diagnostic]);
}

/** After a failed create or update: marks the field the platform rejected; true when one was found. */
export function markRejection(rejections: vscode.DiagnosticCollection, document: vscode.TextDocument, text: string, error: unknown): boolean {
  const span = locateRejection(text, error);
  if (error instanceof DxApiError) showRejection(rejections, document, span, `The platform rejected this: ${error.platformMessage}`);
  return span !== undefined;
}

/** The team type schemas the language server checks a saved file with (its nearest .dxrecord/types). */
const typeSchemas = new TypeSchemaFinder();
export function typeSchemasOf(document: vscode.TextDocument): TypeSchemas | undefined {
  return document.uri.scheme === 'file' ? typeSchemas.forRecord(document.fileName) : undefined;
}
