// Short token-level scans from a given offset with jsonc-parser's scanner, for the few places that
// need a value's exact extent. The layout of the whole top-level object comes from the engine's
// pass (the document model), never from a second scan.
import { createScanner, SyntaxKind, type JSONScanner } from 'jsonc-parser';

/** End offset of the JSON value that starts at (or after whitespace following) `offset`. */
export function valueEndAt(text: string, offset: number): number {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  const token = nextToken(scanner);
  return token === SyntaxKind.EOF ? text.length : valueEnd(scanner, token);
}

export function nextTokenOffset(text: string, offset: number): number {
  const scanner = createScanner(text, true);
  scanner.setPosition(offset);
  nextToken(scanner);
  return scanner.getTokenOffset();
}

/** After a colon, these mean the property has no value yet. */
function isNoValue(token: SyntaxKind): boolean {
  return token === SyntaxKind.EOF || token === SyntaxKind.CommaToken || token === SyntaxKind.CloseBraceToken;
}

/** The end offset of the value whose first token the scanner is on; leaves the scanner on its last token. */
function valueEnd(scanner: JSONScanner, token: SyntaxKind): number {
  if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) skipContainer(scanner);
  return scanner.getTokenOffset() + scanner.getTokenLength();
}

/** Leaves the scanner on the bracket that closes the container it is on (or at EOF). */
function skipContainer(scanner: JSONScanner): void {
  let depth = 1;
  while (depth > 0) {
    const token = nextToken(scanner);
    if (token === SyntaxKind.EOF) return;
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) depth++;
    else if (token === SyntaxKind.CloseBraceToken || token === SyntaxKind.CloseBracketToken) depth--;
  }
}

function nextToken(scanner: JSONScanner): SyntaxKind {
  let token = scanner.scan();
  while (token === SyntaxKind.LineCommentTrivia || token === SyntaxKind.BlockCommentTrivia) token = scanner.scan();
  return token;
}

/** The value span of the property whose key ends at `keyEnd`, or undefined when there is no value. */
export function propertyValueSpan(text: string, keyEnd: number): { start: number; end: number } | undefined {
  const scanner = createScanner(text, true);
  scanner.setPosition(keyEnd);
  if (nextToken(scanner) !== SyntaxKind.ColonToken) return undefined;
  const token = nextToken(scanner);
  if (isNoValue(token)) return undefined;
  const start = scanner.getTokenOffset();
  return { start, end: valueEnd(scanner, token) };
}

/** The value of a JSON string token, or undefined when the token is not a complete string. */
export function parseStringToken(token: string): string | undefined {
  if (!token.startsWith('"')) return undefined;
  try {
    const value: unknown = JSON.parse(token);
    return typeof value === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
