// The seam for results that need the DNAnexus platform. The server itself stays network-free and
// complete without any hook; the platform-check module registers hooks that ask the client.
import type { JSONPath } from 'jsonc-parser';
import type { CompletionItem, Connection, MarkupContent, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RecordDiagnostic, RecordFacts } from '../engine/types';
import type { TopLevelObject } from './jsonScan';
import type { Located } from './position';

/** Where a completion or hover was asked for, already located in the JSON. */
export interface PositionContext {
  uri: string;
  text: string;
  offset: number;
  /** JSON path of the property or value at the offset, e.g. ['details', 'reads', '$dnanexus_link']. */
  path: JSONPath;
  isAtPropertyKey: boolean;
  /** What the user has typed of the current token (without the opening quote). */
  prefix: string;
}

/**
 * Extra completion items, merged after the built-in ones. Gets the server's own location, document
 * and cached top-level scan so it needs no second pass. Must resolve promptly or honour `signal`.
 */
export type CompletionHook = (
  request: { located: Located; document: TextDocument; topLevel: () => TopLevelObject | undefined },
  signal: AbortSignal,
) => Promise<CompletionItem[]>;

/** Extra hover text (markdown), appended below the built-in hover. */
export type HoverHook = (context: PositionContext, signal: AbortSignal) => Promise<MarkupContent | undefined>;

/**
 * Extra diagnostics for one document version, run after the pure diagnostics are published.
 * `signal` aborts when a newer version or a close supersedes the run.
 */
export type DiagnosticsHook = (
  document: { uri: string; version: number; text: string; facts: RecordFacts },
  signal: AbortSignal,
) => Promise<RecordDiagnostic[]>;

export interface FeatureHooks {
  extraCompletions: CompletionHook[];
  extraHovers: HoverHook[];
  extraDiagnostics: DiagnosticsHook[];
}

/** What a module that adds hooks gets from the server (see server.ts). */
export interface ServerServices {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  hooks: FeatureHooks;
  /** Re-runs validation (pure and hooks) for every open document, e.g. after sign-in. */
  revalidateAll(): void;
}

export function createFeatureHooks(): FeatureHooks {
  return { extraCompletions: [], extraHovers: [], extraDiagnostics: [] };
}

/** Runs every hook, dropping failures: a platform problem must never break the pure features. */
export async function collectFromHooks<C, T>(
  hooks: readonly ((context: C, signal: AbortSignal) => Promise<T>)[],
  context: C,
  signal: AbortSignal,
): Promise<T[]> {
  const settled = await Promise.allSettled(hooks.map((hook) => hook(context, signal)));
  return settled.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
}
