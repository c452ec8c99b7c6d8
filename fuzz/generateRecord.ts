// Grammar-based generator of /record/new inputs: the top-level fields in any order (mostly right,
// sometimes the wrong type, misspelt, duplicated or describe-only), a nested `details` with links
// in both forms, strings with escapes, astral characters and lone surrogates, and the layouts
// editors produce (indentation, CRLF or CR line ends, a byte-order mark).
import type { Random } from '../bench/random';
import { DATA_OBJECT_CLASSES } from '../common/dxIds';
import { mintId } from '../emulator/src/ids';

/** A JSON value to print, or raw text printed as is (a deliberately broken literal). */
type Value = null | boolean | number | string | Value[] | { entries: [string, Value][] } | { raw: string };

const WORDS = ['sample', 'S42', 'RNA-seq', 'Zoë Müller', '東京', 'Ωmega', '🧬', '𝄞', 'ok 👍', 'e\u0301', 'שלום', '\u200b', 'a b', ''];
/** String pieces written inside quotes exactly as given: escapes, and raw characters JSON allows. */
const STRING_PIECES = ['\\n', '\\"', '\\\\', '\\u00e9', '\\ud83e\\uddec', '\\ud800', '\\udc00x', '\\u0000', '\\t', '\ud83e\udd2c', '\ud800', '\udfff', '\u2028', '/'];
const BAD_LITERALS = ['tru', 'nul', 'NaN', "'single'", '01', '1.', '-', '+1', 'Infinity', '"unterminated', '0x1F', '.5'];
const FIELDS = ['project', 'name', 'folder', 'parents', 'tags', 'types', 'properties', 'details', 'hidden', 'close', 'nonce', 'initializeFrom'];
const STRAY_FIELDS = ['detials', 'nmae', 'tag', 'created', 'modified', 'id', 'state', 'Project', 'links', ''];
const FOLDERS = ['/', '/manifests/2024', 'manifests', '/a//b', '/a/./b', '/trailing/', '/Zürich/東京', '/a/../b', ''];

export function generateRecord(rnd: Random): string {
  const fields: [string, Value][] = [];
  for (const name of FIELDS) if (rnd.chance(name === 'project' ? 0.9 : 0.45)) fields.push([name, fieldValue(rnd, name)]);
  while (rnd.chance(0.2)) fields.push([rnd.pick(STRAY_FIELDS), scalar(rnd)]);
  if (fields.length > 0 && rnd.chance(0.1)) fields.push(rnd.pick(fields));
  shuffle(rnd, fields);
  const layout = { indent: rnd.pick(['', '  ', '    ', '\t']), newline: rnd.pick(['\n', '\n', '\r\n', '\r']) };
  const text = print({ entries: fields }, layout, 0);
  return (rnd.chance(0.05) ? '\ufeff' : '') + text + (rnd.chance(0.7) ? layout.newline : '');
}

function fieldValue(rnd: Random, name: string): Value {
  if (rnd.chance(0.1)) return rnd.chance(0.5) ? scalar(rnd) : { raw: rnd.pick(BAD_LITERALS) };
  switch (name) {
    case 'project':
      return rnd.chance(0.8) ? mintId('project', rnd.int) : rnd.pick(['project-123', mintId('container', rnd.int), mintId('file', rnd.int), 'project-' + 'A'.repeat(24)]);
    case 'name':
    case 'nonce':
      return text(rnd);
    case 'folder':
      return rnd.pick(FOLDERS);
    case 'parents':
    case 'hidden':
    case 'close':
      return rnd.chance(0.8) ? rnd.chance(0.5) : rnd.pick(['no', 0, null]);
    case 'tags':
    case 'types':
      return list(rnd, () => (rnd.chance(0.85) ? text(rnd) : scalar(rnd)));
    case 'properties':
      return object(rnd, () => (rnd.chance(0.85) ? text(rnd) : scalar(rnd)));
    case 'initializeFrom':
      return { entries: [['project', mintId('project', rnd.int)], ['id', mintId(rnd.pick(['record', 'file']), rnd.int)]] };
    default:
      return details(rnd, 0);
  }
}

function details(rnd: Random, depth: number): Value {
  if (depth >= 4 || rnd.chance(0.25)) return rnd.chance(0.3) ? link(rnd) : scalar(rnd);
  if (rnd.chance(0.2)) return link(rnd);
  return rnd.chance(0.5) ? list(rnd, () => details(rnd, depth + 1)) : object(rnd, () => details(rnd, depth + 1));
}

function link(rnd: Random): Value {
  const target = (): Value => (rnd.chance(0.85) ? mintId(rnd.pick(DATA_OBJECT_CLASSES), rnd.int) : rnd.pick(['gencode-v44', 'file-123', 7, null]));
  const value: Value = rnd.chance(0.7) ? target() : { entries: [['project', mintId('project', rnd.int)], ['id', target()]] };
  const entries: [string, Value][] = [['$dnanexus_link', value]];
  if (rnd.chance(0.15)) entries.push(['note', text(rnd)]);
  return { entries };
}

function scalar(rnd: Random): Value {
  switch (rnd.int(6)) {
    case 0:
      return null;
    case 1:
      return rnd.chance(0.5);
    case 2:
      return rnd.pick([0, -1, 350, 48.2, 1e21, -0.5, 1717171717000]);
    default:
      return text(rnd);
  }
}

/** A string value; `\u0001` marks raw pieces so `print` does not escape them. */
function text(rnd: Random): string {
  let out = '';
  const count = rnd.int(4);
  for (let i = 0; i < count; i++) out += rnd.chance(0.7) ? rnd.pick(WORDS) : RAW + rnd.pick(STRING_PIECES) + RAW;
  return out;
}
const RAW = '\u0001';

function list(rnd: Random, item: () => Value): Value[] {
  return Array.from({ length: rnd.int(5) }, item);
}

function object(rnd: Random, value: () => Value): Value {
  return { entries: Array.from({ length: rnd.int(5) }, (): [string, Value] => [rnd.chance(0.9) ? text(rnd) : '$dnanexus_link', value()]) };
}

function shuffle<T>(rnd: Random, items: T[]): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rnd.int(i + 1);
    [items[i], items[j]] = [items[j], items[i]];
  }
}

function quoted(s: string): string {
  const body = s.split(RAW).map((part, i) => (i % 2 === 1 ? part : JSON.stringify(part).slice(1, -1)));
  return `"${body.join('')}"`;
}

function print(value: Value, layout: { indent: string; newline: string }, depth: number): string {
  if (typeof value === 'string') return quoted(value);
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if ('raw' in value) return value.raw;
  const items = Array.isArray(value)
    ? value.map((v) => print(v, layout, depth + 1))
    : value.entries.map(([k, v]) => `${quoted(k)}: ${print(v, layout, depth + 1)}`);
  const [open, close] = Array.isArray(value) ? ['[', ']'] : ['{', '}'];
  if (items.length === 0) return open + close;
  if (!layout.indent) return open + items.join(', ') + close;
  const inner = layout.newline + layout.indent.repeat(depth + 1);
  return open + inner + items.join(',' + inner) + layout.newline + layout.indent.repeat(depth) + close;
}
