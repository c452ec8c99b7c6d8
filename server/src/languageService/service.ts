// The dxrecord language service: every editor feature as a plain method over a TextDocument, with
// no LSP connection, so it runs in process (tests, benchmarks) as well as behind the server
// (server/src/lsp/startServer.ts). Platform-aware results come through one `PlatformLookup`;
// without one, or when it cannot answer, the pure results stand unchanged.
import type {
  CodeAction,
  CompletionList,
  Diagnostic,
  DocumentSymbol,
  FoldingRange,
  FormattingOptions,
  Hover,
  Position,
  Range,
  TextEdit,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RecordDiagnostic } from '../engine/types';
import { codeActions } from './codeActions';
import { provideCompletions, typedLinkClasses } from './completion';
import type { JSONPath } from 'jsonc-parser';
import { DocumentModels, type AdoptedResult, type DocumentModel, type TypeSchemasFor } from './documentModel';
import { foldingRanges } from './folding';
import { formatDocument } from './formatting';
import { provideHover } from './hover';
import { platformDiagnostics, supersede } from './platform/checks';
import { platformCompletions } from './platform/completions';
import { platformHover } from './platform/hover';
import type { PlatformLookup } from './platform/lookup';
import type { AppliedTypeSchema } from '../../../protocol/messages';
import { locate } from './position';
import { closedLinkOwners } from './typedFields';
import { knownIdClasses } from './schemaDocs';
import { documentSymbols } from './symbols';

export interface LanguageServiceOptions {
  /** Answers platform queries (in the editor: the client, over the language server protocol). */
  lookup?: PlatformLookup;
  /** Told about a platform-aware part that failed and was left out. */
  log?: (message: string) => void;
  /** The team type schemas for a document (the server reads them from disk; the service does no I/O). */
  typesFor?: TypeSchemasFor;
}

export interface RecordLanguageService {
  /** The shared model of this document version. */
  model(document: TextDocument): DocumentModel;
  /** The engine's diagnostics of this version. */
  diagnostics(document: TextDocument): readonly RecordDiagnostic[];
  /**
   * The diagnostics with the signed-in checks merged in, or undefined when the platform adds
   * nothing (no lookup, signed out, offline), so the pure list stands. `signal` aborts the lookups.
   */
  liveDiagnostics(document: TextDocument, signal?: AbortSignal): Promise<RecordDiagnostic[] | undefined>;
  completions(document: TextDocument, position: Position, triggerCharacter?: string, signal?: AbortSignal): Promise<CompletionList>;
  hover(document: TextDocument, position: Position, signal?: AbortSignal): Promise<Hover | null>;
  codeActions(document: TextDocument, diagnostics: readonly Diagnostic[], only?: readonly string[]): CodeAction[];
  /** The record's types whose schemas check it, each with where its schema comes from. */
  typeSchemas(document: TextDocument): AppliedTypeSchema[];
  symbols(document: TextDocument): DocumentSymbol[];
  foldingRanges(document: TextDocument, rangeLimit?: number): FoldingRange[];
  /** Resolves to null when `signal` aborts (or the output would dwarf the file). */
  format(document: TextDocument, options: FormattingOptions, range?: Range, signal?: AbortSignal): Promise<TextEdit[] | null>;
  /** Takes this version's engine result computed elsewhere (the server validates in a worker thread). */
  adopt(document: TextDocument, result: AdoptedResult): void;
  /** Drops what is kept for a closed document. */
  forget(uri: string): void;
}

const ID_CLASSES = knownIdClasses();

export function createLanguageService(options: LanguageServiceOptions = {}): RecordLanguageService {
  const { lookup } = options;
  const models = new DocumentModels(options.typesFor);
  /** A platform-aware part never breaks the pure feature it adds to. */
  const orElse = async <T>(work: () => Promise<T>, fallback: T, what: string): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      options.log?.(`${what} left out: ${error instanceof Error ? error.message : String(error)}`);
      return fallback;
    }
  };

  return {
    model: (document) => models.get(document),

    diagnostics: (document) => models.get(document).result.diagnostics,

    async liveDiagnostics(document, signal) {
      if (!lookup) return undefined;
      const model = models.get(document);
      const { result } = model;
      // Parsed only if the platform returns a link whose type must be closed: most checks need none.
      let owners: Map<number, string> | undefined;
      const closedBy = (link: { offset: number }) => (owners ??= closedLinkOwners(model.text, model.recordTypes)).get(link.offset);
      const extra = await orElse(() => platformDiagnostics(result.facts, lookup, signal, closedBy), [], 'Platform checks');
      return extra.length ? supersede(result.diagnostics, extra) : undefined;
    },

    async completions(document, position, triggerCharacter, signal) {
      const model = models.get(document);
      const offset = document.offsetAt(position);
      const located = locate(document.uri, model.text, offset, model.objectsFor(offset));
      // `-` triggers only to continue an ID after its class prefix ("project-"), not in ordinary text.
      if (triggerCharacter === '-' && !ID_CLASSES.has(located.context.prefix.slice(0, -1))) return { isIncomplete: false, items: [] };
      const topLevel = () => model.topLevel;
      const types = () => model.recordTypes;
      const list = provideCompletions(located, document, topLevel, types);
      const typedLink = (path: JSONPath) => typedLinkClasses(types(), path);
      if (lookup) list.items.push(...(await orElse(() => platformCompletions({ located, document, topLevel, typedLink }, lookup, signal), [], 'Platform completions')));
      return list;
    },

    async hover(document, position, signal) {
      const model = models.get(document);
      const offset = document.offsetAt(position);
      const located = locate(document.uri, model.text, offset, model.objectsFor(offset));
      const hover = provideHover(located, document, () => model.recordTypes);
      const extra = lookup ? await orElse(() => platformHover(located.context, lookup, signal), undefined, 'Platform hover') : undefined;
      if (!extra) return hover ?? null;
      const parts = [...(hover ? [hover.contents.value] : []), extra.value];
      return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, ...(hover?.range ? { range: hover.range } : {}) };
    },

    codeActions(document, diagnostics, only) {
      const model = models.get(document);
      return codeActions({ document, diagnostics, only, topLevel: () => model.topLevel, documentDiagnostics: () => model.result.diagnostics, types: () => model.recordTypes });
    },

    typeSchemas: (document) =>
      models.get(document).recordTypes.map(({ name, source, schema }) => ({ type: name, source, ...(source === 'built-in' ? { text: JSON.stringify(schema, null, 2) } : {}) })),

    symbols: (document) => documentSymbols(document.getText()),
    foldingRanges: (document, rangeLimit) => foldingRanges(document.getText(), rangeLimit),
    format: (document, formatting, range, signal) => formatDocument(document, formatting, range, signal),
    adopt: (document, result) => models.adopt(document, result),
    forget: (uri) => models.forget(uri),
  };
}
