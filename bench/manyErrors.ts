// Records that hold 100,000 errors of one kind each: the engine's cost per diagnostic must stay
// constant, whichever rule reports it.

const PROJECT = 'project-GFxBq2j0Jx5QZ8gk4Yp9VbKq';

export const MANY_ERRORS = 100_000;

function repeat(n: number, item: (i: number) => string): string {
  const parts = new Array<string>(n);
  for (let i = 0; i < n; i++) parts[i] = item(i);
  return parts.join(',');
}

/** Each kind's record text, with `n` diagnostics of its code. */
export const MANY_ERROR_KINDS: Record<string, (n: number) => string> = {
  'property-value-not-string': (n) => `{"project":"${PROJECT}","properties":{${repeat(n, (i) => `"k${i}":${i}`)}}}`,
  'unknown-field': (n) => `{"project":"${PROJECT}",${repeat(n, (i) => `"x${i}":1`)}}`,
  'type-mismatch': (n) => `{"project":"${PROJECT}","tags":[${repeat(n, (i) => String(i))}]}`,
  'tag-empty': (n) => `{"project":"${PROJECT}","tags":[${repeat(n, () => '""')}]}`,
  'property-key-empty': (n) => `{"project":"${PROJECT}","properties":{${repeat(n, () => '"":"v"')}}}`,
  'duplicate-key': (n) => `{"project":"${PROJECT}","details":{"a":0,${repeat(n, (i) => `"a":${i}`)}}}`,
  'link-value-not-string': (n) => `{"project":"${PROJECT}","details":[${repeat(n, (i) => `{"$dnanexus_link":${i}}`)}]}`,
  'link-target-malformed': (n) => `{"project":"${PROJECT}","details":[${repeat(n, (i) => `{"$dnanexus_link":"file-${i}"}`)}]}`,
  'json-syntax': (n) => `{"project":"${PROJECT}","details":[${repeat(n, () => 'x')}]}`,
};
