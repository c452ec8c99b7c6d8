// How the server asks the platform anything: through the client (the server never opens a
// socket). Anything but a timely answer counts as `unavailable`, so callers keep the pure results.
import type { PlatformAnswer, PlatformQuery } from '../../../../protocol/messages';

export type PlatformLookup = (query: PlatformQuery, signal?: AbortSignal) => Promise<PlatformAnswer>;

export function unavailable(reason: string): PlatformAnswer {
  return { kind: 'unavailable', reason };
}

/** The folders a `folders` query found, `null` for a missing project, undefined when unknown. */
export function foldersOf(answer: PlatformAnswer): string[] | null | undefined {
  return answer.kind === 'folders' ? answer.folders : undefined;
}

export function objectsOf(answer: PlatformAnswer) {
  return answer.kind === 'objects' ? answer.objects : undefined;
}

export function projectsOf(answer: PlatformAnswer) {
  return answer.kind === 'projects' ? answer.projects : undefined;
}
