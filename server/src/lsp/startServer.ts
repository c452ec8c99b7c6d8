// The dxrecord language server: LSP wiring around the language service (../languageService). It
// owns the documents, settings, debounced validation and publication; every feature's answer comes
// from the service. It never touches the network: platform lookups go to the client. Validation
// runs in worker threads (validationWorkers.ts), so no request waits behind a large document.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { basename } from 'node:path';
import { DEFAULT_SETTINGS, PlatformChangedNotification, TypeSchemasRequest, type ServerSettings } from '../../../protocol/messages';
import { TypeSchemaFinder } from '../../../common/typeSchemaFiles';
import { isTypeSchemaPath, typeNameOfSchemaFile, type TypeSchemas } from '../../../common/typeSchemaSource';
import { checkTypeSchema } from '../engine';
import { ADD_NONCE_KIND } from '../languageService/codeActions';
import { createLanguageService } from '../languageService/service';
import { EarlyStart } from './earlyStart';
import { lineIndexedDocuments } from './lineIndexedDocument';
import { connectionLookup } from './platformLookups';
import { publishable } from './publication';
import { RequestModels } from './requestModels';
import { isExcluded, normalizeSettings } from './settings';
import { ValidationScheduler } from './validationScheduler';
import { ValidationWorkers } from './validationWorkers';

/**
 * Turns of the event loop a request takes from its bytes to its answer: vscode-jsonrpc decodes it,
 * handles it and writes the answer each on a turn of its own (setImmediate). Background work that
 * yields only one turn per step would let each step run ahead of every hop of a request.
 */
const REQUEST_TURNS = 3;

export interface ServerOptions {
  /** The bundled validation worker (dist/validationWorker.js). */
  workerScript: string;
}

export function startServer(connection: Connection, options: ServerOptions): void {
  const documents = new TextDocuments(lineIndexedDocuments);
  // Team type schemas are read from disk for saved records only, once per record until the client
  // reports a schema file changed: finding them walks up the folders, and every check and request
  // asks for them.
  const typeSchemas = new TypeSchemaFinder();
  const typesByUri = new Map<string, TypeSchemas | undefined>();
  const typesFor = (uri: string) => {
    if (!typesByUri.has(uri)) {
      const path = pathOf(uri);
      typesByUri.set(uri, path ? typeSchemas.forRecord(path) : undefined);
    }
    return typesByUri.get(uri);
  };
  const service = createLanguageService({
    lookup: connectionLookup(connection),
    log: (message) => connection.console.warn(message),
    typesFor,
  });
  const models = new RequestModels(service);
  const workers = new ValidationWorkers(options.workerScript);
  const timing = new EarlyStart();

  let pullsConfiguration = false;
  let followsWorkspaceFolders = false;
  let foldingLimit: number | undefined;
  let workspaceFolders: string[] = [];
  let pushedSettings: ServerSettings = DEFAULT_SETTINGS;
  const settingsByUri = new Map<string, Promise<ServerSettings>>();
  const resolvedSettings = new Map<string, ServerSettings>();
  const justOpened = new Set<string>();

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

  function isCurrent(uri: string, version: number): boolean {
    return documents.get(uri)?.version === version;
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
    if (!settings.validation.enable || isExcluded(pathOf(uri) ?? uri, workspaceFolders, settings.validation.exclude)) {
      publish(uri, [], version);
      return;
    }
    if (isTypeSchema(uri)) {
      publish(uri, publishable(checkTypeSchema(document.getText(), typeNameOfSchemaFile(basename(pathOf(uri)!))!)), version);
      return;
    }
    const started = performance.now();
    const result = await workers.validate(document.getText(), signal, typesFor(uri));
    if (!result || signal.aborted || !isCurrent(uri, version)) return;
    timing.took(uri, performance.now() - started);
    models.adopt(document, result);
    if (!(await timing.untilDue(uri, signal)) || !isCurrent(uri, version)) return;
    publish(uri, result.published, version);
    // The platform checks first decode the string table and the links, then list the links for the
    // lookup: a 5 MB record's 21,000 links take each step several ms. Each waits REQUEST_TURNS
    // turns, so queued requests are answered in between, and an edit already queued skips the checks.
    const stillCurrent = async () => {
      for (let turn = 0; turn < REQUEST_TURNS; turn++) await nextTurn();
      return !signal.aborted && isCurrent(uri, version);
    };
    if (!(await stillCurrent())) return;
    result.decodeStrings();
    if (!(await stillCurrent())) return;
    void result.facts;
    if (!(await stillCurrent())) return;
    const live = await service.liveDiagnostics(document, signal);
    if (signal.aborted || !isCurrent(uri, version) || !live) return;
    publish(uri, publishable(live), version);
  }

  const scheduler = new ValidationScheduler(validate, (uri, error) =>
    connection.console.error(`Validation of ${uri} failed: ${error instanceof Error ? error.stack : String(error)}`),
  );

  function validateNow(uri: string): void {
    timing.dueNow(uri);
    scheduler.schedule(uri, 0);
  }

  function revalidateAll(): void {
    for (const document of documents.all()) validateNow(document.uri);
  }

  documents.onDidOpen((event) => justOpened.add(event.document.uri));
  documents.onDidChangeContent((event) => {
    const { uri } = event.document;
    if (justOpened.delete(uri)) return validateNow(uri);
    const debounce = (resolvedSettings.get(uri) ?? pushedSettings).validation.debounceMs;
    scheduler.schedule(uri, timing.delayAfterChange(uri, debounce));
  });
  documents.onDidClose((event) => {
    const { uri } = event.document;
    scheduler.cancel(uri);
    justOpened.delete(uri);
    models.forget(uri);
    timing.forget(uri);
    typesByUri.delete(uri);
    settingsByUri.delete(uri);
    resolvedSettings.delete(uri);
    publish(uri, []);
  });

  // Type schema files are open only for their own diagnostics; the record features are not for them.
  // Every request reads a prepared model, so none runs the engine on a large unchecked version.
  const recordDocument = (uri: string): TextDocument | undefined => {
    const document = documents.get(uri);
    if (!document || isTypeSchema(uri)) return undefined;
    models.prepare(document);
    return document;
  };
  const withDocument =
    <P extends { textDocument: { uri: string } }, R>(handler: (document: TextDocument, params: P, token: CancellationToken) => R) =>
    (params: P, token: CancellationToken): R | null => {
      const document = recordDocument(params.textDocument.uri);
      return document ? handler(document, params, token) : null;
    };

  connection.onCompletion(
    withDocument((document, params, token) => service.completions(document, params.position, params.context?.triggerCharacter, signalOf(token))),
  );
  connection.onHover(withDocument((document, params, token) => service.hover(document, params.position, signalOf(token))));
  connection.onCodeAction(
    withDocument((document, params) => service.codeActions(document, params.context.diagnostics, params.context.only)),
  );
  connection.onDocumentSymbol(withDocument((document) => service.symbols(document)));
  connection.onFoldingRanges(withDocument((document) => service.foldingRanges(document, foldingLimit)));
  connection.onDocumentFormatting(withDocument((document, params, token) => service.format(document, params.options, undefined, signalOf(token))));
  connection.onDocumentRangeFormatting(withDocument((document, params, token) => service.format(document, params.options, params.range, signalOf(token))));
  connection.onNotification(PlatformChangedNotification, () => revalidateAll());
  connection.onRequest(TypeSchemasRequest, ({ uri }) => {
    const document = recordDocument(uri);
    return document ? service.typeSchemas(document) : [];
  });
  // The client watches **/.dxrecord/types/*.schema.json: a saved, added or deleted schema re-checks the open records.
  connection.onDidChangeWatchedFiles(({ changes }) => {
    if (!changes.some((change) => isTypeSchema(change.uri))) return;
    typesByUri.clear();
    revalidateAll();
  });
  connection.onShutdown(() => {
    scheduler.dispose();
    workers.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

function dxrecordSection(settings: unknown): unknown {
  return typeof settings === 'object' && settings !== null ? (settings as { dxrecord?: unknown }).dxrecord : undefined;
}

function isTypeSchema(uri: string): boolean {
  const path = pathOf(uri);
  return path !== undefined && isTypeSchemaPath(path);
}

function pathOf(uri: string): string | undefined {
  return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
}

function signalOf(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
