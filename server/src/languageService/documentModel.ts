// One parsed model per document version, shared by diagnostics, completion, hover and code actions:
// the engine's single pass gives the diagnostics, the facts the live checks need and the top-level
// layout that edits use, so no feature scans the whole text a second time.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validateRecord } from '../engine';
import type { TopLevelObject, ValidationResult } from '../engine/types';

export class DocumentModel {
  /** Taken at creation: the server's documents are updated in place by later edits. */
  readonly version: number;
  readonly text: string;
  #result?: ValidationResult;

  /** `result`: the engine's result for this version when it was computed elsewhere (a worker thread). */
  constructor(document: TextDocument, result?: ValidationResult) {
    this.version = document.version;
    this.text = document.getText();
    this.#result = result;
  }

  /** The engine's result for this version, computed on first use. */
  get result(): ValidationResult {
    this.#result ??= validateRecord(this.text);
    return this.#result;
  }

  get topLevel(): TopLevelObject | undefined {
    return this.result.topLevel;
  }
}

/** The latest model of each open document; a new version replaces the old model. */
export class DocumentModels {
  readonly #models = new Map<string, DocumentModel>();

  get(document: TextDocument): DocumentModel {
    let model = this.#models.get(document.uri);
    if (!model || model.version !== document.version || model.text !== document.getText()) {
      model = new DocumentModel(document);
      this.#models.set(document.uri, model);
    }
    return model;
  }

  /** Makes `result` this version's model, so no feature computes it again. */
  adopt(document: TextDocument, result: ValidationResult): void {
    this.#models.set(document.uri, new DocumentModel(document, result));
  }

  forget(uri: string): void {
    this.#models.delete(uri);
  }
}
