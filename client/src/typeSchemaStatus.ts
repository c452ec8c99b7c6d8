// The language status item of a record: which type schemas check it (built-in, or the workspace's
// `.dxrecord/types/` file) and, on click, the schema itself. The server knows which apply; the
// client asks it whenever the active editor changes, a record is saved, or the server publishes
// diagnostics for the active record: by then it holds that version (so an edit of `types` shows
// without a save, and the first answer never comes from before the server had the file open).
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { TypeSchemasRequest, type AppliedTypeSchema } from '../../protocol/messages';

export const OPEN_TYPE_SCHEMA = 'dxrecord.openTypeSchema';
const LANGUAGE_ID = 'dxrecord';

export function registerTypeSchemaStatus(client: BaseLanguageClient, log: (message: string) => void): vscode.Disposable {
  const item = vscode.languages.createLanguageStatusItem('dxrecord.typeSchemas', { language: LANGUAGE_ID });
  item.name = 'Record type schemas';
  let asked = 0;
  const show = (schemas: AppliedTypeSchema[]) => {
    item.text = schemas.length === 0 ? 'No type schema' : `Types: ${schemas.map((s) => s.type).join(', ')}`;
    item.detail = schemas.length === 0 ? 'none of the record\'s types has a schema' : schemas.map((s) => `${s.type}: ${labelOf(s)}`).join(' · ');
    item.command = schemas.length === 0 ? undefined : { title: 'Open schema', command: OPEN_TYPE_SCHEMA, arguments: [schemas] };
  };
  const refresh = async (document: vscode.TextDocument | undefined) => {
    if (document?.languageId !== LANGUAGE_ID) return;
    const ticket = ++asked;
    try {
      const schemas = await client.sendRequest(TypeSchemasRequest, { uri: document.uri.toString() });
      if (ticket === asked) show(schemas);
    } catch (error) {
      log(`Type schemas of ${document.uri.toString()}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  void refresh(vscode.window.activeTextEditor?.document);
  return vscode.Disposable.from(
    item,
    vscode.window.onDidChangeActiveTextEditor((editor) => void refresh(editor?.document)),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (document === vscode.window.activeTextEditor?.document) void refresh(document);
    }),
    vscode.languages.onDidChangeDiagnostics(({ uris }) => {
      const document = vscode.window.activeTextEditor?.document;
      if (document && uris.some((uri) => uri.toString() === document.uri.toString())) void refresh(document);
    }),
    vscode.commands.registerCommand(OPEN_TYPE_SCHEMA, openTypeSchema),
  );
}

function labelOf(schema: AppliedTypeSchema): string {
  return schema.source === 'built-in' ? 'built-in' : vscode.workspace.asRelativePath(schema.source);
}

/** Opens the one schema, or the one picked when several types apply. */
async function openTypeSchema(schemas: AppliedTypeSchema[] = []): Promise<void> {
  const chosen =
    schemas.length <= 1
      ? schemas[0]
      : (await vscode.window.showQuickPick(schemas.map((schema) => ({ label: schema.type, description: labelOf(schema), schema }))))?.schema;
  if (!chosen) return;
  const document =
    chosen.source === 'built-in'
      ? await vscode.workspace.openTextDocument({ language: 'json', content: chosen.text ?? '' })
      : await vscode.workspace.openTextDocument(vscode.Uri.file(chosen.source));
  await vscode.window.showTextDocument(document, { preview: true });
}
