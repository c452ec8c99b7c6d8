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

interface Choice extends vscode.QuickPickItem {
  /** The record ID this row stands for; none for "Enter a record ID…" and for the problem row. */
  id?: string;
  problem?: boolean;
}

/**
 * The row for what the user typed into the recent-IDs pick: a well-formed ID becomes a row Enter
 * takes; text that is none of the recent IDs and no ID says what is wrong instead of "0 results".
 */
function typedChoice(value: string, recent: readonly string[]): Choice | undefined {
  const text = value.trim();
  if (!text || recent.some((id) => id.includes(text))) return undefined;
  const problem = recordIdProblem(text);
  if (!problem) return { label: text, description: 'the ID you typed', id: text, alwaysShow: true };
  return { label: `$(warning) ${problem}`, problem: true, alwaysShow: true };
}

function pickRecent(title: string, recent: readonly string[]): Promise<Choice | undefined> {
  const pick = vscode.window.createQuickPick<Choice>();
  const fixed: Choice[] = [...recent.map((id) => ({ label: id, id })), { label: ENTER_ID }];
  pick.title = title;
  pick.placeholder = 'A recent record, or type another record ID';
  pick.items = fixed;
  return new Promise((resolve) => {
    pick.onDidChangeValue((value) => {
      const typed = typedChoice(value, recent);
      pick.items = typed ? [typed, ...fixed] : fixed;
    });
    pick.onDidAccept(() => {
      const [chosen] = pick.selectedItems;
      if (!chosen || chosen.problem) return;
      resolve(chosen);
      pick.hide();
    });
    pick.onDidHide(() => {
      resolve(undefined);
      pick.dispose();
    });
    pick.show();
  });
}

async function askForRecordId(ctx: CommandServices, title: string): Promise<RecordRef | undefined> {
  const recent = ctx.recentIds();
  if (recent.length) {
    const picked = await pickRecent(title, recent);
    if (!picked) return undefined;
    if (picked.id) return { id: picked.id };
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
