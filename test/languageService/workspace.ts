// The language service in process, over documents the test opens and edits like an editor would:
// no bundle, no child process, no protocol. The JSON-RPC wiring has its own suite (test/server).
import type { Diagnostic } from 'vscode-languageserver-types';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { toLspDiagnostic } from '../../server/src/languageService/diagnostics';
import { createLanguageService, type LanguageServiceOptions } from '../../server/src/languageService/service';

export class Workspace {
  readonly service;
  readonly #documents = new Map<string, TextDocument>();

  constructor(options: LanguageServiceOptions = {}) {
    this.service = createLanguageService(options);
  }

  open(uri: string, text: string, version = 1): TextDocument {
    const document = TextDocument.create(uri, 'dxrecord', version, text);
    this.#documents.set(uri, document);
    return document;
  }

  /** Replaces the whole text as a new version, like an editor's full-text change. */
  change(uri: string, text: string): TextDocument {
    const document = this.document(uri);
    return TextDocument.update(document, [{ text }], document.version + 1);
  }

  close(uri: string): void {
    this.#documents.delete(uri);
    this.service.forget(uri);
  }

  document(uri: string): TextDocument {
    const document = this.#documents.get(uri);
    if (!document) throw new Error(`${uri} is not open`);
    return document;
  }

  /** The diagnostics of the document's current version, as the server would publish them. */
  diagnostics(uri: string): Diagnostic[] {
    return this.service.diagnostics(this.document(uri)).map(toLspDiagnostic);
  }
}

export { applyEdits, expandSnippet, fileUri } from '../../testkit/documents';
