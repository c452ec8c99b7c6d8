// Formatting with jsonc-parser's formatter, honouring the editor's tab size and spaces/tabs choice.
import { format, type Range as OffsetRange } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectEol } from './propertyEdits';

export function formatDocument(document: TextDocument, options: FormattingOptions, range?: Range): TextEdit[] {
  const text = document.getText();
  const offsetRange: OffsetRange | undefined = range && {
    offset: document.offsetAt(range.start),
    length: document.offsetAt(range.end) - document.offsetAt(range.start),
  };
  const edits = format(text, offsetRange, {
    tabSize: options.tabSize,
    insertSpaces: options.insertSpaces,
    insertFinalNewline: options.insertFinalNewline ?? false,
    eol: detectEol(text),
  });
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.offset + edit.length) },
    newText: edit.content,
  }));
}
