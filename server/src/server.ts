// The dxrecord language server: LSP glue around the pure engine and feature functions. It never
// touches the network; platform-aware results come only through the hooks in features/hooks.ts.
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_SETTINGS, type ServerSettings } from '../../common/protocol';
import { validateRecord } from './engine';
import type { RecordDiagnostic } from './engine/types';
import { provideCompletions } from './features/completion';
import { toLspDiagnostic } from './features/diagnostics';
import { foldingRanges } from './features/folding';
import { formatDocument } from './features/formatting';
import { collectFromHooks, createFeatureHooks, type ServerServices } from './features/hooks';
import { provideHover } from './features/hover';
import { scanTopLevelObject, type TopLevelObject } from './features/jsonScan';
import { locate } from './features/position';
import { ADD_NONCE_KIND, codeActions } from './features/quickFixes';
import { knownIdClasses } from './features/schemaDocs';
import { isExcluded, normalizeSettings } from './features/settings';
import { documentSymbols } from './features/symbols';
import { ValidationScheduler } from './features/validationScheduler';
import { supersede } from './platformChecks';
import { registerPlatformFeatures } from './platformFeatures';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const hooks = createFeatureHooks();
const ID_CLASSES = knownIdClasses();

let pullsConfiguration = false;
let followsWorkspaceFolders = false;
let foldingLimit: number | undefined;
let workspaceFolders: string[] = [];
let pushedSettings: ServerSettings = DEFAULT_SETTINGS;
const settingsByUri = new Map<string, Promise<ServerSettings>>();
const resolvedSettings = new Map<string, ServerSettings>();
const justOpened = new Set<string>();
/**
 * The engine diagnostics and top-level scan of each document's latest version, for code actions.
 * Facts are not kept: on a large record they cost more memory than they save time.
 */
const analyses = new Map<string, { version: number; diagnostics?: RecordDiagnostic[]; topLevel?: TopLevelObject | null }>();

connection.onInitialize((params): InitializeResult => {
  pullsConfiguration = Boolean(params.capabilities.workspace?.configuration);
  followsWorkspaceFolders = Boolean(params.capabilities.workspace?.workspaceFolders);
  foldingLimit = params.capabilities.textDocument?.foldingRange?.rangeLimit;
  const folderUris = params.workspaceFolders?.map((folder) => folder.uri) ?? (params.rootUri ? [params.rootUri] : []);
  workspaceFolders = folderUris.flatMap((uri) => pathOf(uri) ?? []);
  pushedSettings = normalizeSettings(dxrecordSection(params.initializationOptions));
  return {
    capabilities: {
      textDocumentSync: TextDocumentSyncKind.Incremental,
      completionProvider: { triggerCharacters: ['"', ':', '-'] },
      hoverProvider: true,
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, ADD_NONCE_KIND] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      documentFormattingProvider: true,
      documentRangeFormattingProvider: true,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'dxrecord' },
  };
});

connection.onInitialized(() => {
  if (!followsWorkspaceFolders) return;
  // Exclude globs are relative to the folders, so a folder change can change what is excluded.
  connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
    const gone = new Set(removed.flatMap((folder) => pathOf(folder.uri) ?? []));
    workspaceFolders = [...workspaceFolders.filter((path) => !gone.has(path)), ...added.flatMap((folder) => pathOf(folder.uri) ?? [])];
    revalidateAll();
  });
});

connection.onDidChangeConfiguration((change) => {
  pushedSettings = normalizeSettings(dxrecordSection(change.settings));
  settingsByUri.clear();
  resolvedSettings.clear();
  revalidateAll();
});

function dxrecordSection(settings: unknown): unknown {
  return typeof settings === 'object' && settings !== null ? (settings as { dxrecord?: unknown }).dxrecord : undefined;
}

function settingsFor(uri: string): Promise<ServerSettings> {
  if (!pullsConfiguration) return Promise.resolve(pushedSettings);
  let settings = settingsByUri.get(uri);
  if (!settings) {
    settings = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'dxrecord' })
      .then(normalizeSettings, () => pushedSettings)
      .then((resolved) => {
        resolvedSettings.set(uri, resolved);
        return resolved;
      });
    settingsByUri.set(uri, settings);
  }
  return settings;
}

function pathOf(uri: string): string | undefined {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  return undefined;
}

function isCurrent(uri: string, version: number): boolean {
  return documents.get(uri)?.version === version;
}

function analysisOf(document: TextDocument) {
  let analysis = analyses.get(document.uri);
  if (!analysis || analysis.version !== document.version) {
    analysis = { version: document.version };
    analyses.set(document.uri, analysis);
  }
  return analysis;
}

function diagnosticsOf(document: TextDocument): RecordDiagnostic[] {
  const analysis = analysisOf(document);
  analysis.diagnostics ??= validateRecord(document.getText()).diagnostics;
  return analysis.diagnostics;
}

function topLevelOf(document: TextDocument): TopLevelObject | undefined {
  const analysis = analysisOf(document);
  if (analysis.topLevel === undefined) analysis.topLevel = scanTopLevelObject(document.getText()) ?? null;
  return analysis.topLevel ?? undefined;
}

function publish(uri: string, diagnostics: Diagnostic[], version?: number): void {
  void connection.sendDiagnostics({ uri, diagnostics, ...(version !== undefined ? { version } : {}) });
}

async function validate(uri: string, signal: AbortSignal): Promise<void> {
  const document = documents.get(uri);
  if (!document) return;
  const { version } = document;
  const settings = await settingsFor(uri);
  if (signal.aborted || !isCurrent(uri, version)) return;
  const path = pathOf(uri) ?? uri;
  if (!settings.validation.enable || isExcluded(path, workspaceFolders, settings.validation.exclude)) {
    publish(uri, [], version);
    return;
  }
  const result = validateRecord(document.getText());
  analysisOf(document).diagnostics = result.diagnostics;
  const diagnostics = result.diagnostics.map(toLspDiagnostic);
  publish(uri, diagnostics, version);
  if (hooks.extraDiagnostics.length === 0) return;
  const context = { uri, version, text: document.getText(), facts: result.facts };
  const extra = (await collectFromHooks(hooks.extraDiagnostics, context, signal)).flat();
  if (signal.aborted || !isCurrent(uri, version) || extra.length === 0) return;
  publish(uri, supersede(result.diagnostics, extra).map(toLspDiagnostic), version);
}

const scheduler = new ValidationScheduler(validate, (uri, error) =>
  connection.console.error(`Validation of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`),
);

function revalidateAll(): void {
  for (const document of documents.all()) scheduler.schedule(document.uri, 0);
}

documents.onDidOpen((event) => justOpened.add(event.document.uri));
documents.onDidChangeContent((event) => {
  const { uri } = event.document;
  const debounce = (resolvedSettings.get(uri) ?? pushedSettings).validation.debounceMs;
  scheduler.schedule(uri, justOpened.delete(uri) ? 0 : debounce);
});
documents.onDidClose((event) => {
  const { uri } = event.document;
  scheduler.cancel(uri);
  justOpened.delete(uri);
  analyses.delete(uri);
  settingsByUri.delete(uri);
  resolvedSettings.delete(uri);
  publish(uri, []);
});

function signalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}

connection.onCompletion(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const located = locate(document.uri, document.getText(), document.offsetAt(params.position));
  // `-` triggers only to continue an ID after its class prefix ("project-"), not in ordinary text.
  if (params.context?.triggerCharacter === '-' && !ID_CLASSES.has(located.context.prefix.slice(0, -1))) return { isIncomplete: false, items: [] };
  const list = provideCompletions(located, document, () => topLevelOf(document));
  const extra = await collectFromHooks(hooks.extraCompletions, { located, document, topLevel: () => topLevelOf(document) }, signalOf(token));
  list.items.push(...extra.flat());
  return list;
});

connection.onHover(async (params, token) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  const located = locate(document.uri, document.getText(), document.offsetAt(params.position));
  const hover = provideHover(located, document);
  const extra = (await collectFromHooks(hooks.extraHovers, located.context, signalOf(token))).flatMap((markup) => markup ?? []);
  if (extra.length === 0) return hover ?? null;
  const parts = [...(hover ? [hover.contents.value] : []), ...extra.map((markup) => markup.value)];
  return { contents: { kind: 'markdown', value: parts.join('\n\n---\n\n') }, ...(hover?.range ? { range: hover.range } : {}) };
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return null;
  return codeActions({
    document,
    diagnostics: params.context.diagnostics,
    only: params.context.only,
    topLevel: () => topLevelOf(document),
    documentDiagnostics: () => diagnosticsOf(document),
  });
});

connection.onDocumentSymbol((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? documentSymbols(document.getText()) : null;
});

connection.onFoldingRanges((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? foldingRanges(document.getText(), foldingLimit) : null;
});

connection.onDocumentFormatting((params, token) => {
  const document = documents.get(params.textDocument.uri);
  return document ? formatDocument(document, params.options, undefined, signalOf(token)) : null;
});

connection.onDocumentRangeFormatting((params, token) => {
  const document = documents.get(params.textDocument.uri);
  return document ? formatDocument(document, params.options, params.range, signalOf(token)) : null;
});

connection.onShutdown(() => scheduler.dispose());

/** Handed to modules that add platform-aware hooks (see features/hooks.ts). */
const services: ServerServices = { connection, documents, hooks, revalidateAll };
registerPlatformFeatures(services);

documents.listen(connection);
connection.listen();
