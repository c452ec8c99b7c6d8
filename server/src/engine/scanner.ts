// Tokenizer over charCodeAt: no regexes and no substrings on the hot path, so a multi-megabyte
// file costs one pass. Token fields live on the instance to avoid an allocation per token.

import { utf8Length } from './utf8';

export const enum Tok {
  EOF,
  OpenBrace,
  CloseBrace,
  OpenBracket,
  CloseBracket,
  Colon,
  Comma,
  String,
  Number,
  True,
  False,
  Null,
  /** A word, single-quoted string or stray character: reported, then treated as a value. */
  Invalid,
}

export interface SyntaxProblem {
  offset: number;
  length: number;
  message: string;
}

const CH_QUOTE = 34;
const CH_BACKSLASH = 92;

export class Scanner {
  readonly text: string;
  readonly problems: SyntaxProblem[];
  /** Offsets where lines start (LSP rules), up to `pos`. */
  readonly lineStarts: number[] = [0];
  pos = 0;
  kind: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** For strings: true when the token holds a backslash escape (its value differs from its text). */
  escaped = false;
  /** For strings: UTF-8 bytes of the token as JSON.stringify would write its value, quotes included. */
  utf8Bytes = 0;
  /** Bytes the last escape takes once re-serialised (`\/` -> 1, `\u00e9` -> 2, `\n` -> 2). */
  private escapeBytes = 0;

  constructor(text: string, problems: SyntaxProblem[]) {
    this.text = text;
    this.problems = problems;
    if (text.charCodeAt(0) === 0xfeff) this.pos = 1;
  }

  private problem(offset: number, length: number, message: string): void {
    this.problems.push({ offset, length, message });
  }

  next(): Tok {
    const text = this.text;
    const len = text.length;
    let i = this.pos;
    for (;;) {
      if (i >= len) {
        this.start = this.end = this.pos = len;
        return (this.kind = Tok.EOF);
      }
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9) {
        i++;
        continue;
      }
      // Every line break outside a token passes here, so the line table comes for free.
      if (c === 10) {
        this.lineStarts.push(++i);
        continue;
      }
      if (c === 13) {
        if (text.charCodeAt(++i) !== 10) this.lineStarts.push(i);
        continue;
      }
      if (c === 47 /* / */ && i + 1 < len) {
        const n = text.charCodeAt(i + 1);
        if (n === 47 || n === 42) {
          i = this.skipComment(i, n === 42);
          continue;
        }
      }
      this.start = i;
      switch (c) {
        case 123:
          return this.single(i, Tok.OpenBrace);
        case 125:
          return this.single(i, Tok.CloseBrace);
        case 91:
          return this.single(i, Tok.OpenBracket);
        case 93:
          return this.single(i, Tok.CloseBracket);
        case 58:
          return this.single(i, Tok.Colon);
        case 44:
          return this.single(i, Tok.Comma);
        case CH_QUOTE:
          return this.scanString(i);
        case 39 /* ' */:
          return this.scanSingleQuoted(i);
      }
      if (c === 45 || (c >= 48 && c <= 57)) return this.scanNumber(i);
      return this.scanWord(i);
    }
  }

  private single(i: number, kind: Tok): Tok {
    this.end = this.pos = i + 1;
    return (this.kind = kind);
  }

  private skipComment(i: number, block: boolean): number {
    const text = this.text;
    let end: number;
    if (block) {
      const close = text.indexOf('*/', i + 2);
      end = close < 0 ? text.length : close + 2;
      for (let k = i + 2; k < end; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) this.lineStarts.push(k + 1);
      }
    } else {
      end = i + 2;
      while (end < text.length) {
        const c = text.charCodeAt(end);
        if (c === 10 || c === 13) break;
        end++;
      }
    }
    this.problem(i, end - i, 'Comments are not allowed in JSON; the platform would reject this file. Remove the comment.');
    return end;
  }

  private scanString(start: number): Tok {
    const text = this.text;
    const len = text.length;
    let i = start + 1;
    let extra = 0;
    let escaped = false;
    for (;;) {
      if (i >= len) {
        this.problem(start, i - start, 'This string is not closed: add the closing double quote.');
        break;
      }
      const c = text.charCodeAt(i);
      if (c === CH_QUOTE) {
        i++;
        break;
      }
      if (c === CH_BACKSLASH) {
        escaped = true;
        const next = this.scanEscape(i);
        extra += this.escapeBytes - (next - i);
        i = next;
        continue;
      }
      if (c < 0x20) {
        if (c === 10 || c === 13) {
          i = this.unterminatedAt(start, i);
          break;
        }
        this.problem(i, 1, `A string cannot hold a raw control character (code ${c}); write it as an escape such as \\t or \\u${c.toString(16).padStart(4, '0')}.`);
      } else if (c >= 0x80) {
        // Each surrogate half is 2 of the 4 bytes of its pair.
        extra += c < 0x800 ? 1 : c >= 0xd800 && c <= 0xdfff ? 1 : 2;
      }
      i++;
    }
    this.end = this.pos = i;
    this.escaped = escaped;
    this.utf8Bytes = i - start + extra;
    return (this.kind = Tok.String);
  }

  /**
   * A string cut off by a line break. When it reads like a key missing its closing quote before
   * an opening bracket (`"abc: {`), end it at the colon so the bracket still opens a container.
   */
  private unterminatedAt(start: number, lineEnd: number): number {
    const text = this.text;
    // Searched within the string only: lastIndexOf could run back over the whole file each time.
    let colon = lineEnd - 1;
    while (colon > start && text.charCodeAt(colon) !== 58) colon--;
    let end = lineEnd;
    if (colon > start) {
      const rest = text.slice(colon + 1, lineEnd).trim();
      if (rest.startsWith('{') || rest.startsWith('[')) end = colon;
    }
    this.problem(start, end - start, 'This string is not closed before the end of the line: add the closing double quote.');
    return end;
  }

  /** Validates one escape starting at the backslash; returns the offset after it. */
  private scanEscape(i: number): number {
    const text = this.text;
    const e = text.charCodeAt(i + 1);
    this.escapeBytes = e === 47 ? 1 : 2;
    if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) return i + 2;
    if (e === 117) {
      let code = 0;
      for (let k = 2; k < 6; k++) {
        const h = text.charCodeAt(i + k);
        const digit = h >= 48 && h <= 57 ? h - 48 : h >= 65 && h <= 70 ? h - 55 : h >= 97 && h <= 102 ? h - 87 : -1;
        if (digit < 0) {
          this.problem(i, k, 'A \\u escape needs exactly four hexadecimal digits.');
          this.escapeBytes = k;
          return i + k;
        }
        code = code * 16 + digit;
      }
      this.escapeBytes = serializedBytes(code);
      return i + 6;
    }
    if (i + 1 >= text.length || e === 10 || e === 13) {
      this.escapeBytes = 1;
      return i + 1;
    }
    // The escaped character may be a surrogate pair (an emoji): range and message take all of it.
    const next = String.fromCodePoint(text.codePointAt(i + 1)!);
    this.problem(i, 1 + next.length, `"\\${next}" is not a JSON escape; use \\\\ for a backslash.`);
    this.escapeBytes = 1 + utf8Length(next);
    return i + 1 + next.length;
  }

  private scanSingleQuoted(start: number): Tok {
    const text = this.text;
    let i = start + 1;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 10 || c === 13) break;
      i++;
      if (c === 39) break;
    }
    this.problem(start, i - start, 'JSON strings need double quotes, not single quotes.');
    this.end = this.pos = i;
    return (this.kind = Tok.Invalid);
  }

  private scanNumber(start: number): Tok {
    const text = this.text;
    const len = text.length;
    let i = start;
    if (text.charCodeAt(i) === 45) i++;
    let ok = true;
    const intStart = i;
    while (i < len && isDigit(text.charCodeAt(i))) i++;
    const intLen = i - intStart;
    if (intLen === 0 || (intLen > 1 && text.charCodeAt(intStart) === 48)) ok = false;
    if (i < len && text.charCodeAt(i) === 46) {
      i++;
      const f = i;
      while (i < len && isDigit(text.charCodeAt(i))) i++;
      if (i === f) ok = false;
    }
    const x = text.charCodeAt(i);
    if (x === 101 || x === 69) {
      i++;
      const s = text.charCodeAt(i);
      if (s === 43 || s === 45) i++;
      const f = i;
      while (i < len && isDigit(text.charCodeAt(i))) i++;
      if (i === f) ok = false;
    }
    // Glued letters ("12abc") belong to the same bad token.
    while (i < len && isWordChar(text.charCodeAt(i))) {
      ok = false;
      i++;
    }
    this.end = this.pos = i;
    if (!ok) {
      this.problem(start, i - start, `"${text.slice(start, i)}" is not a valid JSON number.`);
      return (this.kind = Tok.Invalid);
    }
    return (this.kind = Tok.Number);
  }

  private scanWord(start: number): Tok {
    const text = this.text;
    let i = start;
    while (i < text.length && isUnknownContent(text.charCodeAt(i))) i++;
    if (i === start) i++;
    let n = i - start;
    if (n === 4 && text.startsWith('true', start)) return this.word(i, Tok.True);
    if (n === 5 && text.startsWith('false', start)) return this.word(i, Tok.False);
    if (n === 4 && text.startsWith('null', start)) return this.word(i, Tok.Null);
    const word = text.slice(start, i);
    if (text.charCodeAt(i) === CH_QUOTE) {
      // `abc": 1`: a string missing its opening quote; taking the quote keeps the next token sane.
      i++;
      n++;
      this.problem(start, n, `${JSON.stringify(word + '"')} is missing its opening double quote.`);
      return this.word(i, Tok.Invalid);
    }
    const lower = word.toLowerCase();
    const hint =
      lower === 'true' || lower === 'false' || lower === 'null'
        ? ` JSON literals are lower case: write ${lower}.`
        : ' Text values need double quotes.';
    this.problem(start, n, `${JSON.stringify(word)} is not a JSON value.${hint}`);
    return this.word(i, Tok.Invalid);
  }

  private word(end: number, kind: Tok): Tok {
    this.end = this.pos = end;
    return (this.kind = kind);
  }

  /** The decoded value of the current string token (for an invalid token: its text, unquoted). */
  stringValue(): string {
    return this.valueAt(this.start, this.end, this.kind === Tok.String, this.escaped);
  }

  /** Decodes a token seen earlier, from its span and what the scan found. */
  valueAt(start: number, end: number, isString: boolean, escaped: boolean): string {
    const text = this.text;
    if (!isString) return text.slice(start, end).replace(/^'|['"]$/g, '');
    const closed = end - start >= 2 && text.charCodeAt(end - 1) === CH_QUOTE;
    const inner = text.slice(start + 1, closed ? end - 1 : end);
    return escaped ? decodeEscapes(inner) : inner;
  }
}

/** Bytes JSON.stringify writes for one UTF-16 unit (surrogates assumed paired: 2 of 4 bytes). */
function serializedBytes(code: number): number {
  if (code === 34 || code === 92 || code === 8 || code === 9 || code === 10 || code === 12 || code === 13) return 2;
  if (code < 0x20) return 6;
  if (code < 0x80) return 1;
  if (code < 0x800 || (code >= 0xd800 && code <= 0xdfff)) return 2;
  return 3;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Anything that cannot start or end a JSON token, as in jsonc-parser's scanner. */
function isUnknownContent(c: number): boolean {
  return !(c === 32 || c === 9 || c === 10 || c === 13 || c === 123 || c === 125 || c === 91 || c === 93 || c === 34 || c === 58 || c === 44 || c === 47);
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c === 46 || c === 43 || c === 45;
}

const SIMPLE_ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/** Decodes escapes leniently: a bad escape keeps its text (it was already reported). */
function decodeEscapes(s: string): string {
  let out = '';
  let last = 0;
  for (let i = s.indexOf('\\'); i >= 0 && i < s.length; i = s.indexOf('\\', i)) {
    out += s.slice(last, i);
    const e = s[i + 1];
    if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 2, i + 6))) {
      out += String.fromCharCode(parseInt(s.slice(i + 2, i + 6), 16));
      i += 6;
    } else if (e !== undefined && e in SIMPLE_ESCAPES) {
      out += SIMPLE_ESCAPES[e];
      i += 2;
    } else {
      out += s.slice(i, i + 2);
      i += 2;
    }
    last = i;
  }
  return out + s.slice(last);
}
