// Token-level scans over the document with jsonc-parser's scanner. They build no tree, so a quick fix
// or completion on a multi-megabyte record costs one pass at most, and usually a short one.
import { createScanner, SyntaxKind, type JSONScanner } from 'jsonc-parser';

export interface TopLevelProperty {
  key: string;
  keyOffset: number;
  keyLength: number;
  /** -1 when the property has no value yet (`"name":` at the end of an unfinished file). */
  valueOffset: number;
  valueEnd: number;
}

export interface TopLevelObject {
  openOffset: number;
  /** Offset of the closing `}`, or the text length when the object is unterminated. */
  closeOffset: number;
  properties: TopLevelProperty[];
}

/** The top-level object's properties in order, or undefined when the document is not an object. */
export function scanTopLevelObject(text: string): TopLevelObject | undefined {
  const scanner = createScanner(text, true);
  if (text.charCodeAt(0) === 0xfeff) scanner.setPosition(1);
  if (nextToken(scanner) !== SyntaxKind.OpenBraceToken) return undefined;
  const result: TopLevelObject = { openOffset: scanner.getTokenOffset(), closeOffset: text.length, properties: [] };
  let token = nextToken(scanner);
  while (token !== SyntaxKind.EOF) {
    if (token === SyntaxKind.CloseBraceToken) {
      result.closeOffset = scanner.getTokenOffset();
      break;
    }
    if (token !== SyntaxKind.StringLiteral) {
      if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) skipContainer(scanner);
      token = nextToken(scanner);
      continue;
    }
    const property: TopLevelProperty = {
      key: scanner.getTokenValue(),
      keyOffset: scanner.getTokenOffset(),
      keyLength: scanner.getTokenLength(),
      valueOffset: -1,
      valueEnd: -1,
    };
    result.properties.push(property);
    token = nextToken(scanner);
    if (token !== SyntaxKind.ColonToken) continue;
    token = nextToken(scanner);
    if (isNoValue(token)) continue;
    property.valueOffset = scanner.getTokenOffset();
    property.valueEnd = valueEnd(scanner, token);
    token = nextToken(scanner);
  }
  return result;
}

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
