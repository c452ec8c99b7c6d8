// Removes the API token from text a server sent back, in every form it can take there: as-is,
// JSON \u-escaped or percent-encoded (any subset of its characters, hex digits in any case),
// hex, base64 (standard or URL-safe, at any byte alignment), and the value of an Authorization
// header line. Server text passes through this before it reaches an error or a log line.
export type Redact = (text: string) => string;

export const TOKEN_MARK = '[token]';

const AUTHORIZATION_VALUE = /(authorization["']?\s*[:=]\s*["']?\s*)(?:bearer\s+)?[^\s"',;}\]]+/gi;

export function tokenRedactor(token: string | undefined): Redact {
  const secret = token ? tokenPattern(token) : undefined;
  return (text) => {
    const withoutHeader = text.replace(AUTHORIZATION_VALUE, `$1${TOKEN_MARK}`);
    return secret ? withoutHeader.replace(secret, TOKEN_MARK) : withoutHeader;
  };
}

/** Every string (keys included) inside a parsed JSON value, redacted. */
export function redactJson(value: unknown, redact: Redact): unknown {
  if (typeof value === 'string') return redact(value);
  if (Array.isArray(value)) return value.map((item) => redactJson(item, redact));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [redact(key), redactJson(item, redact)]));
  }
  return value;
}

function tokenPattern(token: string): RegExp {
  const bytes = Buffer.from(token, 'utf8');
  const forms = [
    [...token].map(characterForms).join(''),
    anyCaseHex(bytes.toString('hex')),
    ...base64Cores(bytes).map(escapeRegExp),
  ];
  return new RegExp(forms.filter((form) => form !== '').join('|'), 'g');
}

/** One character as itself, as JSON \uXXXX (possibly escaped again), or percent-encoded. */
function characterForms(char: string): string {
  const units = [...Array(char.length).keys()].map((i) => char.charCodeAt(i).toString(16).padStart(4, '0'));
  const json = units.map((unit) => `\\\\+[uU]${anyCaseHex(unit)}`).join('');
  const percent = [...Buffer.from(char, 'utf8')].map((byte) => `%${anyCaseHex(byte.toString(16).padStart(2, '0'))}`).join('');
  return `(?:${escapeRegExp(char)}|${json}|${percent})`;
}

function anyCaseHex(hex: string): string {
  return hex.replace(/[a-f]/gi, (digit) => `[${digit.toLowerCase()}${digit.toUpperCase()}]`);
}

// Base64 of a longer text holding the token encodes it differently for each of the three byte
// offsets it can start at; the characters that depend on the token's bytes alone are matched.
function base64Cores(bytes: Buffer): string[] {
  const cores: string[] = [];
  for (let offset = 0; offset < 3; offset += 1) {
    const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
    const start = offset === 0 ? 0 : 4;
    const end = 4 * Math.floor((offset + bytes.length) / 3);
    const core = encoded.slice(start, end);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
