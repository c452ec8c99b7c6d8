// Which record a command acts on: a tree item, a describe document, the ID under the cursor,
// the record last created from / pulled into the open file, or one the user types or picks.
import * as vscode from 'vscode';
import { recordIdAt, recordIdProblem } from '../../../platform/src/records/recordIds';
import type { TreeNode } from '../tree/recordsTreeData';
import type { CommandServices, RecordRef } from './services';
import { recordRefOf } from './recordDocuments';

const ENTER_ID = 'Enter a record ID…';

/** Commands take a tree node, a describe document's URI, or (from buttons) an ID and project. */
function fromArgument(arg: unknown, project: unknown): RecordRef | undefined {
  if (typeof arg === 'string' && !recordIdProblem(arg)) return { id: arg, project: typeof project === 'string' ? project : undefined };
  if (arg instanceof vscode.Uri) return recordRefOf(arg);
  const node = arg as TreeNode | undefined;
  if (node && typeof node === 'object' && node.kind === 'record') return { id: node.record.id, project: node.record.project };
  return undefined;
}

function fromEditor(ctx: CommandServices, useCursor: boolean): RecordRef | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  const described = recordRefOf(editor.document.uri);
  if (described) return described;
  if (useCursor) {
    const id = recordIdAt(editor.document.getText(), editor.document.offsetAt(editor.selection.active));
    if (id) return { id };
  }
  return editor.document.languageId === 'dxrecord' ? ctx.recordOfFile(editor.document.uri) : undefined;
}

async function askForRecordId(ctx: CommandServices, title: string): Promise<RecordRef | undefined> {
  const recent = ctx.recentIds();
  if (recent.length) {
    const picked = await vscode.window.showQuickPick([...recent, ENTER_ID], { title, placeHolder: 'A recent record, or enter another ID' });
    if (!picked) return undefined;
    if (picked !== ENTER_ID) return { id: picked };
  }
  const typed = await vscode.window.showInputBox({
    title,
    prompt: 'Record ID',
    placeHolder: 'record-xxxxxxxxxxxxxxxxxxxxxxxx',
    ignoreFocusOut: true,
    validateInput: (value) => recordIdProblem(value) ?? null,
  });
  return typed ? { id: typed.trim() } : undefined;
}

export async function recordTarget(ctx: CommandServices, args: unknown[], title: string, useCursor = true): Promise<RecordRef | undefined> {
  return fromArgument(args[0], args[1]) ?? fromEditor(ctx, useCursor) ?? (await askForRecordId(ctx, title));
}
