// The `x-dx-link` schema keyword: "a `$dnanexus_link` to an object of one of these classes"
// (`[]` or `true`: any class). The link's own form is the details rules' business; this keyword
// checks that a link is there and that its target's class is one the type allows.

import type { FuncKeywordDefinition } from 'ajv';
import { quote } from '../rules/ids';

export const LINK_KEYWORD = 'x-dx-link';

const ID_LIKE = /^([a-z]+)-[0-9A-Za-z]+$/;

function allowedClasses(schema: unknown): readonly string[] {
  return Array.isArray(schema) ? schema.filter((c): c is string => typeof c === 'string') : [];
}

function article(cls: string): string {
  return /^[aeiou]/.test(cls) ? `an ${cls}` : `a ${cls}`;
}

/** "a file or a record", or "a data object" when any class will do. */
export function classesLabel(classes: readonly string[]): string {
  return classes.length === 0 ? 'a data object' : classes.map(article).join(' or ');
}

/** The ID a bare ID string holds (what a link to it would wrap), or undefined. */
export function bareLinkId(data: unknown): string | undefined {
  return typeof data === 'string' && ID_LIKE.test(data) ? data : undefined;
}

/** Why `data` is not a link the keyword accepts, or undefined when it is (or the link rules already object). */
export function linkProblem(classes: readonly string[], data: unknown): string | undefined {
  const want = classesLabel(classes);
  const example = `{"$dnanexus_link": "${classes[0] ?? 'file'}-…"}`;
  if (typeof data === 'string') {
    return bareLinkId(data)
      ? `holds the bare ID ${quote(data)}; a link to ${want} is written {"$dnanexus_link": ${JSON.stringify(data)}}`
      : `holds text, not a link to ${want}; write ${example}`;
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data) || !Object.hasOwn(data, '$dnanexus_link')) {
    return `is not a link to ${want}; write ${example}`;
  }
  const value = (data as Record<string, unknown>).$dnanexus_link;
  const id = typeof value === 'string' ? value : typeof value === 'object' && value !== null ? (value as Record<string, unknown>).id : undefined;
  if (typeof id !== 'string') return undefined;
  const cls = ID_LIKE.exec(id)?.[1];
  if (!cls || classes.length === 0 || classes.includes(cls)) return undefined;
  return `links to ${article(cls)} (${quote(id)}), but must link to ${want}`;
}

export const linkKeyword: FuncKeywordDefinition = {
  keyword: LINK_KEYWORD,
  schemaType: ['array', 'boolean'],
  errors: true,
  compile(schema: unknown) {
    const classes = allowedClasses(schema);
    const check = (data: unknown): boolean => {
      const problem = linkProblem(classes, data);
      check.errors = problem === undefined ? [] : [{ keyword: LINK_KEYWORD, message: problem, params: { classes } }];
      return problem === undefined;
    };
    check.errors = [] as { keyword: string; message: string; params: { classes: readonly string[] } }[];
    return check;
  },
};
