// The outline: one symbol per property (and per container inside arrays), built in a single
// streaming pass. Capped, like VS Code's JSON outline, so a 5 MB record stays responsive.
import { visit } from 'jsonc-parser';
import { SymbolKind, type DocumentSymbol, type Position } from 'vscode-languageserver-types';

const SYMBOL_LIMIT = 5000;

interface Frame {
  /** Undefined for the root and for containers dropped by the limit. */
  symbol?: DocumentSymbol;
  isArray: boolean;
  nextIndex: number;
  dropped: boolean;
}

export function documentSymbols(text: string): DocumentSymbol[] {
  const roots: DocumentSymbol[] = [];
  const stack: Frame[] = [];
  let pendingKey: { name: string; start: Position; end: Position } | undefined;
  let count = 0;

  const startValue = (kind: SymbolKind, start: Position, end: Position, detail?: string): DocumentSymbol | undefined => {
    const parent = stack.at(-1);
    const key = pendingKey;
    pendingKey = undefined;
    let name: string | undefined = key?.name;
    if (parent?.isArray) {
      const index = parent.nextIndex++;
      if (kind === SymbolKind.Module || kind === SymbolKind.Array) name = String(index);
    }
    if (name === undefined || parent?.dropped || count >= SYMBOL_LIMIT) return undefined;
    count++;
    const symbol: DocumentSymbol = {
      name: name.length > 0 ? name : '""',
      kind,
      range: { start: key?.start ?? start, end },
      selectionRange: key ? { start: key.start, end: key.end } : { start, end: start },
      ...(detail !== undefined ? { detail } : {}),
    };
    (parent?.symbol?.children ?? roots).push(symbol);
    return symbol;
  };
  const open = (isArray: boolean, line: number, character: number) => {
    const start = { line, character };
    const symbol = startValue(isArray ? SymbolKind.Array : SymbolKind.Module, start, start);
    if (symbol) symbol.children = [];
    stack.push({ symbol, isArray, nextIndex: 0, dropped: stack.length > 0 && !symbol });
  };
  const close = (line: number, character: number) => {
    const frame = stack.pop();
    if (frame?.symbol) frame.symbol.range.end = { line, character: character + 1 };
  };

  visit(text, {
    onObjectProperty: (name, _offset, length, line, character) => {
      pendingKey = { name, start: { line, character }, end: { line, character: character + length } };
    },
    onObjectBegin: (_offset, _length, line, character) => open(false, line, character),
    onArrayBegin: (_offset, _length, line, character) => open(true, line, character),
    onObjectEnd: (_offset, _length, line, character) => close(line, character),
    onArrayEnd: (_offset, _length, line, character) => close(line, character),
    onLiteralValue: (value: unknown, _offset, length, line, character) => {
      const detail = value === null ? 'null' : String(value);
      const start = { line, character };
      startValue(literalKind(value), start, { line, character: character + length }, detail.length > 60 ? `${detail.slice(0, 57)}…` : detail);
    },
  });
  return roots;
}

function literalKind(value: unknown): SymbolKind {
  if (typeof value === 'string') return SymbolKind.String;
  if (typeof value === 'number') return SymbolKind.Number;
  if (typeof value === 'boolean') return SymbolKind.Boolean;
  return SymbolKind.Null;
}
