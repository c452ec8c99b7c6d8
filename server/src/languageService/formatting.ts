// Formatting over jsonc-parser's scanner, with the layout of its formatter (one member a line,
// the editor's tab size or tabs, comments kept). It differs where big or broken files need it:
// whitespace edits that sit close together come back as one edit (a minified 1 MB file is one
// edit, not 125,000 tiny ones the client must parse and apply); the work yields to the event
// loop every few thousand tokens and stops when the request is cancelled; it gives up on output
// that would dwarf the file (100,000 nesting levels indent to gigabytes); and a value followed
// by another without a comma keeps the space between them instead of being glued to it.
import { createScanner, ScanError, SyntaxKind } from 'jsonc-parser';
import type { FormattingOptions, Range, TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { detectEol } from './propertyEdits';

/** Tokens between yields: about a millisecond of work. */
const TOKENS_PER_SLICE = 4096;
/** Unchanged text shorter than this between two edits is folded into one edit. */
const MERGE_GAP = 256;
/** New text allowed, as a multiple of the file's length (plus a fixed allowance). */
const OUTPUT_FACTOR = 8;
const OUTPUT_ALLOWANCE = 1 << 20;

interface OffsetEdit {
  offset: number;
  end: number;
  newText: string;
}

/** Collects edits in offset order and folds neighbours into one. */
class EditMerger {
  readonly edits: OffsetEdit[] = [];
  private parts: string[] = [];
  newChars = 0;

  constructor(private readonly text: string) {}

  add(offset: number, end: number, newText: string): void {
    this.newChars += newText.length;
    const last = this.edits[this.edits.length - 1];
    if (last && offset - last.end < MERGE_GAP) {
      this.parts.push(this.text.slice(last.end, offset), newText);
      last.end = end;
      return;
    }
    this.flush();
    this.edits.push({ offset, end, newText: '' });
    this.parts = [newText];
  }

  flush(): void {
    const last = this.edits[this.edits.length - 1];
    if (last) last.newText = this.parts.join('');
  }
}

/** Indentation of the first line in units of `tabSize`, as the formatted region starts there. */
function indentLevelOf(text: string, from: number, tabSize: number): number {
  let columns = 0;
  for (let i = from; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) columns++;
    else if (c === 9) columns += tabSize;
    else break;
  }
  return Math.floor(columns / tabSize);
}

const isLineBreak = (c: number): boolean => c === 10 || c === 13;

/**
 * Whitespace edits that lay out `text` (or the whole lines that `range` touches), or undefined if
 * `signal` aborted or the output would be out of all proportion to the file.
 */
export async function formatText(
  text: string,
  options: FormattingOptions,
  range?: { offset: number; end: number },
  signal?: AbortSignal,
): Promise<OffsetEdit[] | undefined> {
  const tabSize = options.tabSize || 4;
  let regionStart = 0;
  let regionEnd = text.length;
  if (range) {
    regionStart = range.offset;
    while (regionStart > 0 && !isLineBreak(text.charCodeAt(regionStart - 1))) regionStart--;
    regionEnd = range.end;
    while (regionEnd < text.length && !isLineBreak(text.charCodeAt(regionEnd))) regionEnd++;
  }
  const baseLevel = range ? indentLevelOf(text, regionStart, tabSize) : 0;
  const unit = options.insertSpaces ? ' '.repeat(tabSize) : '\t';
  const eol = detectEol(text);
  const indents: string[] = [];
  const newline = (level: number): string => {
    const n = Math.max(0, baseLevel + level);
    return eol + (indents[n] ??= unit.repeat(n));
  };
  const budget = OUTPUT_FACTOR * text.length + OUTPUT_ALLOWANCE;

  const scanner = createScanner(text.slice(regionStart, regionEnd), false);
  const merger = new EditMerger(text);
  let lineBreakBefore = false;
  let broken = false;
  let tokens = 0;
  const next = (): SyntaxKind => {
    lineBreakBefore = false;
    let kind = scanner.scan();
    while (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) {
      if (kind === SyntaxKind.LineBreakTrivia) lineBreakBefore = true;
      kind = scanner.scan();
    }
    // The gap before a token the scanner could not read is left alone.
    broken = kind === SyntaxKind.Unknown || scanner.getTokenError() !== ScanError.None;
    tokens++;
    return kind;
  };
  const start = (): number => regionStart + scanner.getTokenOffset();
  const end = (): number => start() + scanner.getTokenLength();
  const put = (newText: string, from: number, to: number): void => {
    if (broken || (range && !(from < range.end && to > range.offset))) return;
    if (to - from === newText.length && text.startsWith(newText, from)) return;
    merger.add(from, to, newText);
  };
  const isComment = (kind: SyntaxKind): boolean => kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;

  let level = 0;
  let first = next();
  if (first !== SyntaxKind.EOF) put(baseLevel > 0 ? unit.repeat(baseLevel) : '', regionStart, start());
  while (first !== SyntaxKind.EOF) {
    if (tokens >= TOKENS_PER_SLICE) {
      tokens = 0;
      await new Promise((resolve) => setImmediate(resolve));
    }
    if (signal?.aborted || merger.newChars > budget) return undefined;
    let gapStart = end();
    let second = next();
    let gap = '';
    let afterLineComment = false;
    // A comment on the same line as the token before it stays there, one space after it.
    while (!lineBreakBefore && isComment(second)) {
      put(' ', gapStart, start());
      gapStart = end();
      afterLineComment = second === SyntaxKind.LineCommentTrivia;
      gap = afterLineComment ? newline(level) : '';
      second = next();
    }
    if (second === SyntaxKind.CloseBraceToken || second === SyntaxKind.CloseBracketToken) {
      // An empty container stays `{}` / `[]`.
      const opener = second === SyntaxKind.CloseBraceToken ? SyntaxKind.OpenBraceToken : SyntaxKind.OpenBracketToken;
      if (first !== opener) gap = newline(--level);
    } else {
      switch (first) {
        case SyntaxKind.OpenBraceToken:
        case SyntaxKind.OpenBracketToken:
          gap = newline(++level);
          break;
        case SyntaxKind.CommaToken:
        case SyntaxKind.LineCommentTrivia:
          gap = newline(level);
          break;
        case SyntaxKind.BlockCommentTrivia:
          if (lineBreakBefore) gap = newline(level);
          else if (!afterLineComment) gap = ' ';
          break;
        case SyntaxKind.ColonToken:
          if (!afterLineComment) gap = ' ';
          break;
        case SyntaxKind.StringLiteral:
        case SyntaxKind.NullKeyword:
        case SyntaxKind.TrueKeyword:
        case SyntaxKind.FalseKeyword:
        case SyntaxKind.NumericLiteral:
        case SyntaxKind.CloseBraceToken:
        case SyntaxKind.CloseBracketToken:
          // A key: nothing before its colon.
          if (first === SyntaxKind.StringLiteral && second === SyntaxKind.ColonToken) break;
          if (isComment(second) && !afterLineComment) gap = ' ';
          // A missing comma: the layout would guess, so this gap is left as it is.
          else if (second !== SyntaxKind.CommaToken && second !== SyntaxKind.EOF) broken = true;
          break;
        case SyntaxKind.Unknown:
          broken = true;
          break;
      }
      if (lineBreakBefore && isComment(second)) gap = newline(level);
    }
    if (second === SyntaxKind.EOF) gap = options.insertFinalNewline ? eol : '';
    put(gap, gapStart, start());
    first = second;
  }
  merger.flush();
  return merger.edits;
}

/** The formatting request: edits as LSP ranges, or null when cancelled or not worth doing. */
export async function formatDocument(document: TextDocument, options: FormattingOptions, range?: Range, signal?: AbortSignal): Promise<TextEdit[] | null> {
  const offsets = range && { offset: document.offsetAt(range.start), end: document.offsetAt(range.end) };
  const edits = await formatText(document.getText(), options, offsets, signal);
  if (!edits) return null;
  return edits.map((edit) => ({
    range: { start: document.positionAt(edit.offset), end: document.positionAt(edit.end) },
    newText: edit.newText,
  }));
}
