// DNAnexus entity IDs as both sides see them: the client (input box, ID under the cursor) and the
// server (hover). Loose `[0-9A-Za-z]{24}` like dxpy; the engine reports alphabet problems separately.

export const DATA_OBJECT_CLASSES = ['record', 'file', 'applet', 'workflow', 'database'] as const;
const HASH_ID = /^(record|file|applet|workflow|database|project|container|job|analysis|app|globalworkflow)-[0-9A-Za-z]{24}$/;
const ID_IN_TEXT = /\b[a-z]+-[0-9A-Za-z]{24}\b/g;

export function isHashId(value: string): boolean {
  return HASH_ID.test(value);
}

export function isContainerId(value: string): boolean {
  return isHashId(value) && (value.startsWith('project-') || value.startsWith('container-'));
}

/** The hash ID whose characters include `offset` (or end right at it), with its span. */
export function idAtOffset(text: string, offset: number): { id: string; offset: number; length: number } | undefined {
  const from = Math.max(0, offset - 40);
  const window = text.slice(from, offset + 40);
  for (const match of window.matchAll(ID_IN_TEXT)) {
    const start = from + (match.index ?? 0);
    if (start <= offset && offset <= start + match[0].length && isHashId(match[0])) {
      return { id: match[0], offset: start, length: match[0].length };
    }
  }
  return undefined;
}
