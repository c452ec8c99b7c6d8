// Search filters shared by findDataObjects and findProjects: name modes, tag/type/property
// compositions with $and/$or, time ranges, and limit/starting paging.
import { invalidInput } from './errors.js';
import { expectedKey, isObject, type JsonObject } from './input.js';

export type Predicate<T> = (value: T) => boolean;

/** Ascending order for sort(); IDs and names compare by code unit, like the platform's ID order. */
export const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/** Glob with `*` and `?`; a backslash escapes the next character; `[]` is not special. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === '\\' && i + 1 < glob.length) source += escapeRegExp(glob[++i]);
    else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`, 'u');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

export function nameMatcher(spec: unknown): Predicate<string> {
  if (typeof spec === 'string') return (name) => name === spec;
  if (isObject(spec) && typeof spec.glob === 'string') {
    const re = globToRegExp(spec.glob);
    return (name) => re.test(name);
  }
  if (isObject(spec) && typeof spec.regexp === 'string') {
    const flags = spec.flags ?? '';
    if (typeof flags !== 'string' || !/^[imsx]*$/.test(flags)) throw expectedKey('name.flags', 'a string of regexp flags');
    let re: RegExp;
    try {
      // PCRE's "x" (extended) has no JS equivalent; whitespace is stripped to approximate it.
      const source = flags.includes('x') ? spec.regexp.replace(/\s+/g, '') : spec.regexp;
      re = new RegExp(source, flags.replace('x', ''));
    } catch {
      throw invalidInput(`The regular expression "${spec.regexp}" is invalid`);
    }
    return (name) => re.test(name);
  }
  throw expectedKey('name', 'a string or a mapping with key "glob" or "regexp"');
}

/** A string, or {"$and": [...]}/{"$or": [...]} compositions, over a list of strings (tags, types). */
export function listMatcher(spec: unknown, key: string, depth = 0): Predicate<string[]> {
  if (typeof spec === 'string') return (values) => values.includes(spec);
  const composite = compose(spec, key, depth, (s) => listMatcher(s, key, depth + 1));
  if (composite) return composite;
  throw expectedKey(key, 'a string or a mapping with key "$and" or "$or"');
}

/** {"k": "v"} exact, {"k": true} present, {"k": false} absent, plus $and/$or. */
export function propertiesMatcher(spec: unknown, key = 'properties', depth = 0): Predicate<Record<string, string>> {
  const composite = compose(spec, key, depth, (s) => propertiesMatcher(s, key, depth + 1));
  if (composite) return composite;
  if (!isObject(spec)) throw expectedKey(key, 'a JSON object');
  const checks = Object.entries(spec).map(([k, want]): Predicate<Record<string, string>> => {
    if (want === true) return (props) => k in props;
    if (want === false) return (props) => !(k in props);
    if (typeof want === 'string') return (props) => props[k] === want;
    throw expectedKey(`${key}.${k}`, 'a string or a boolean');
  });
  return (props) => checks.every((check) => check(props));
}

/**
 * Compositions nest at most this deep: building and evaluating them recurses, and a query deep
 * enough to overflow the stack must be refused as input rather than fail as an internal error.
 */
export const MAX_COMPOSITION_DEPTH = 100;

function compose<T>(spec: unknown, key: string, depth: number, inner: (s: unknown) => Predicate<T>): Predicate<T> | undefined {
  if (!isObject(spec)) return undefined;
  const keys = Object.keys(spec);
  if (keys.length !== 1 || (keys[0] !== '$and' && keys[0] !== '$or')) return undefined;
  if (depth >= MAX_COMPOSITION_DEPTH) throw invalidInput(`The "${key}" query nests "$and"/"$or" more than ${MAX_COMPOSITION_DEPTH} levels deep`);
  const parts = spec[keys[0]];
  if (!Array.isArray(parts)) throw expectedKey(`${key}.${keys[0]}`, 'an array');
  const predicates = parts.map(inner);
  return keys[0] === '$and' ? (v) => predicates.every((p) => p(v)) : (v) => predicates.some((p) => p(v));
}

/** {"after": ms, "before": ms}, both inclusive. */
export function timeRange(input: JsonObject, key: string): Predicate<number> {
  const spec = input[key];
  if (spec === undefined) return () => true;
  if (!isObject(spec)) throw expectedKey(key, 'a JSON object');
  const bound = (name: string): number | undefined => {
    const v = spec[name];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) throw expectedKey(`${key}.${name}`, 'a timestamp (integer milliseconds)');
    return v;
  };
  const after = bound('after');
  const before = bound('before');
  return (t) => (after === undefined || t >= after) && (before === undefined || t <= before);
}

const MAX_PAGE = 1000;

/** `limit`: default and maximum 1000 (larger requests are capped). */
export function pageLimit(input: JsonObject): number {
  const limit = input.limit;
  if (limit === undefined) return MAX_PAGE;
  if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1) throw expectedKey('limit', 'a positive integer');
  return Math.min(limit, MAX_PAGE);
}

/**
 * One page of an ordered list. `starting` is a previous page's `next`: the key of the first item
 * of this page, located with `keyOf`; `next` is null on the last page.
 */
export function page<T, K>(items: T[], input: JsonObject, keyOf: (item: T) => K, sameKey: (a: K, starting: unknown) => boolean) {
  const limit = pageLimit(input);
  let start = 0;
  if (input.starting !== undefined && input.starting !== null) {
    start = items.findIndex((item) => sameKey(keyOf(item), input.starting));
    if (start < 0) throw invalidInput(STARTING_MISMATCH);
  }
  const { slice, following } = takePage(items.slice(start), limit);
  return { slice, next: following === undefined ? null : keyOf(following) };
}

export const STARTING_MISMATCH = 'Expected key "starting" of input to be a value of "next" from an earlier call with the same input';

/** The first `limit` items of an ordered sequence, and the one after them (if any), reading no further. */
export function takePage<T>(items: Iterable<T>, limit: number): { slice: T[]; following: T | undefined } {
  const slice: T[] = [];
  for (const item of items) {
    if (slice.length === limit) return { slice, following: item };
    slice.push(item);
  }
  return { slice, following: undefined };
}
