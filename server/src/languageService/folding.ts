// Folding ranges for every object and array that spans lines, from one streaming pass.
import { visit } from 'jsonc-parser';
import type { FoldingRange } from 'vscode-languageserver-types';

const FOLDING_LIMIT = 5000;

export function foldingRanges(text: string, limit = FOLDING_LIMIT): FoldingRange[] {
  const ranges: FoldingRange[] = [];
  const openLines: number[] = [];
  const close = (line: number) => {
    const startLine = openLines.pop();
    // End one line early so the closing bracket stays visible, as VS Code's JSON folding does.
    if (startLine !== undefined && line - 1 > startLine) ranges.push({ startLine, endLine: line - 1 });
  };
  visit(text, {
    onObjectBegin: (_offset, _length, line) => void openLines.push(line),
    onArrayBegin: (_offset, _length, line) => void openLines.push(line),
    onObjectEnd: (_offset, _length, line) => close(line),
    onArrayEnd: (_offset, _length, line) => close(line),
  });
  // Ranges arrive innermost first; keep the outermost when over the limit.
  return ranges.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine).slice(0, limit);
}
