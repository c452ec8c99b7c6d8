// Input checks with the platform's wording, e.g. `Expected key "project" of input to be a string`.
import { invalidInput } from './errors.js';
import { hashIdClass } from './ids.js';

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function utf8Bytes(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

function expected(key: string, what: string): Error {
  return invalidInput(`Expected key "${key}" of input to be ${what}`);
}

export function expectInputObject(input: unknown): JsonObject {
  if (!isObject(input)) throw invalidInput('Expected input to be a JSON object');
  return input;
}

export function requireKey(obj: JsonObject, key: string, path = key): unknown {
  if (obj[key] === undefined) throw invalidInput(`Expected input to have property "${path}"`);
  return obj[key];
}

export function optString(obj: JsonObject, key: string, path = key): string | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw expected(path, 'a string');
  return value;
}

export function reqString(obj: JsonObject, key: string, path = key): string {
  requireKey(obj, key, path);
  return optString(obj, key, path) as string;
}

export function optBool(obj: JsonObject, key: string, path = key): boolean | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw expected(path, 'a boolean');
  return value;
}

export function optObject(obj: JsonObject, key: string, path = key): JsonObject | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!isObject(value)) throw expected(path, 'a JSON object');
  return value;
}

export function optStringArray(obj: JsonObject, key: string, path = key): string[] | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string')) throw expected(path, 'an array of strings');
  return value as string[];
}

export function reqStringArray(obj: JsonObject, key: string, path = key): string[] {
  requireKey(obj, key, path);
  return optStringArray(obj, key, path) as string[];
}

export function optEnum<T extends string>(obj: JsonObject, key: string, allowed: readonly T[], path = key): T | undefined {
  const value = obj[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw expected(path, `one of ${allowed.map((a) => `"${a}"`).join(', ')}`);
  }
  return value as T;
}

/** A required/optional project or container ID, checked for shape only. */
export function containerIdAt(obj: JsonObject, key: string, required: boolean, path = key): string | undefined {
  const value = required ? reqString(obj, key, path) : optString(obj, key, path);
  if (value === undefined) return undefined;
  if (hashIdClass(value) === undefined) throw expected(path, 'a valid DNAnexus container ID');
  return value;
}

export function expectedKey(path: string, what: string): Error {
  return expected(path, what);
}
