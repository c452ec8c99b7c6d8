// The Records view's filter: what the user types, as findDataObjects search keys the platform
// applies across a whole project. Terms combine (all must hold):
//   tag:NAME   type:NAME   prop:KEY=VALUE   prop:KEY (the property is set)
// and the remaining words are the name: a glob when they hold * or ?, a regular expression
// between slashes, else a case-insensitive part of the name.

export interface RecordFilter {
  /** What the user typed, shown in the view's description. */
  text: string;
  name?: { glob: string } | { regexp: string; flags?: string };
  tag?: string;
  type?: string;
  property?: { key: string; value?: string };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function nameQuery(words: string): RecordFilter['name'] {
  if (words.length > 1 && words.startsWith('/') && words.endsWith('/')) return { regexp: words.slice(1, -1) };
  if (/[*?]/.test(words)) return { glob: words };
  return { regexp: escapeRegExp(words), flags: 'i' };
}

/** Undefined for empty text (no filter). */
export function parseFilter(input: string): RecordFilter | undefined {
  const text = input.trim();
  if (!text) return undefined;
  const filter: RecordFilter = { text };
  const words: string[] = [];
  for (const term of text.split(/\s+/)) {
    const [, prefix, rest] = /^(tag|type|prop):(.+)$/.exec(term) ?? [];
    if (prefix === 'tag') filter.tag = rest;
    else if (prefix === 'type') filter.type = rest;
    else if (prefix === 'prop') {
      const at = rest.indexOf('=');
      filter.property = at < 0 ? { key: rest } : { key: rest.slice(0, at), value: rest.slice(at + 1) };
    } else words.push(term);
  }
  if (words.length) filter.name = nameQuery(words.join(' '));
  return filter;
}

/** The findDataObjects keys for `filter` (none without one). */
export function filterQuery(filter: RecordFilter | undefined): Record<string, unknown> {
  if (!filter) return {};
  const { name, tag, type, property } = filter;
  return {
    ...(name ? { name } : {}),
    ...(tag ? { tags: tag } : {}),
    ...(type ? { type } : {}),
    ...(property ? { properties: { [property.key]: property.value ?? true } } : {}),
  };
}
