// The forms a token can take in a server's reply, and a detector that finds it in any of them by
// decoding (not by the pattern matching the redaction uses), so the tests do not grade the
// redaction with itself.

/**
 * Each character as JSON \uXXXX when `escape(i)` says so (and always when JSON needs it), hex
 * digits upper or lower: valid between the quotes of a JSON string.
 */
function jsonEscaped(text: string, escape: (i: number) => boolean, upper: (i: number) => boolean): string {
  return [...text].map((char, i) => {
    if (!escape(i) && !/["\\\u0000-\u001f]/.test(char)) return char;
    const hex = char.charCodeAt(0).toString(16).padStart(4, '0');
    return `\\u${upper(i) ? hex.toUpperCase() : hex}`;
  }).join('');
}

function percentEncoded(text: string, upper: boolean): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => {
    const hex = byte.toString(16).padStart(2, '0');
    return `%${upper ? hex.toUpperCase() : hex}`;
  }).join('');
}

/** `text` (holding the token) as a server may echo it; the json* forms go between the quotes of a JSON string as they are. */
export const ECHO_FORMS: Record<string, (text: string) => string> = {
  raw: (text) => text,
  jsonLower: (text) => jsonEscaped(text, () => true, () => false),
  jsonUpper: (text) => jsonEscaped(text, () => true, () => true),
  jsonSomeMixedCase: (text) => jsonEscaped(text, (i) => i % 3 !== 1, (i) => i % 2 === 0),
  jsonInJson: (text) => jsonEscaped(text, (i) => i % 2 === 0, () => false).replace(/\\u/g, '\\\\u'),
  urlEncoded: (text) => encodeURIComponent(text),
  urlAllBytesUpper: (text) => percentEncoded(text, true),
  urlAllBytesLower: (text) => percentEncoded(text, false),
  base64: (text) => Buffer.from(text).toString('base64'),
  base64Offset1: (text) => Buffer.from(`x${text}`).toString('base64'),
  base64Offset2: (text) => Buffer.from(`xy${text}`).toString('base64url'),
  hexLower: (text) => Buffer.from(text).toString('hex'),
  hexUpper: (text) => Buffer.from(text).toString('hex').toUpperCase(),
};

function decodeJsonEscapes(text: string): string {
  let current = text;
  for (let round = 0; round < 4; round += 1) {
    const next = current.replace(/\\+u([0-9a-fA-F]{4})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (next === current) break;
    current = next;
  }
  return current;
}

function decodePercent(text: string): string {
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run;
    }
  });
}

/** Base64 runs decoded from each of their four character alignments. */
function decodedBase64Runs(text: string): string[] {
  const runs = text.match(/[A-Za-z0-9+/_-]{8,}/g) ?? [];
  return runs.flatMap((run) => [0, 1, 2, 3].map((skip) => Buffer.from(run.slice(skip).replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1')));
}

/** The name of the form in which `token` appears in `text`, if it does. */
export function tokenFormIn(text: string, token: string): string | undefined {
  const views: [string, string][] = [
    ['raw', text],
    ['JSON-escaped', decodeJsonEscapes(text)],
    ['percent-encoded', decodePercent(text)],
    ['percent-encoded JSON escapes', decodePercent(decodeJsonEscapes(text))],
  ];
  for (const [name, view] of views) if (view.includes(token)) return name;
  if (text.toLowerCase().includes(Buffer.from(token).toString('hex'))) return 'hex';
  if (decodedBase64Runs(text).some((decoded) => decoded.includes(token))) return 'base64';
  return undefined;
}

/** Where a token was found, with the token masked so the failure output does not leak it. */
export function leakReport(text: string, token: string, form: string): string {
  const masked = text.split(token).join('[TOKEN]');
  return `token (${form}) found in: ${masked.slice(0, 300)}`;
}
