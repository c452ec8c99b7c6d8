// One parsed model per document version, shared by diagnostics, completion, hover and code actions:
// the engine's single pass gives the diagnostics, the facts the live checks need and the top-level
// layout that edits use, so no feature scans the whole text a second time.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { validateRecord } from '../engine';
import type { TopLevelObject, TypeSchemas, ValidationResult } from '../engine/types';
import { recordTypes, type RecordType } from './typedFields';
import { INDEX_FROM_OFFSET, ObjectIndex } from './objectIndex';
import { layoutByVisit, type VisitorLayout } from './visitorLayout';

/** An engine result computed elsewhere (a worker thread), with its text's objects as the visitor reads them when those were found there too. */
export interface AdoptedResult extends ValidationResult {
  readonly visitorLayout?: VisitorLayout;
}

/** The team type schemas that apply to a document (by its URI); the same object while they are unchanged. */
export type TypeSchemasFor = (uri: string) => TypeSchemas | undefined;

export class DocumentModel {
  /** Taken at creation: the server's documents are updated in place by later edits. */
  readonly version: number;
  readonly text: string;
  readonly types: TypeSchemas | undefined;
  #result?: AdoptedResult;
  #recordTypes?: readonly RecordType[];
  #objects?: ObjectIndex;

  /** `result`: the engine's result for this version when it was computed elsewhere (a worker thread). */
  constructor(document: TextDocument, types?: TypeSchemas, result?: AdoptedResult) {
    this.version = document.version;
    this.text = document.getText();
    this.types = types;
    this.#result = result;
  }

  /** Whether this version's result is there already (adopted, or computed), so reading it costs nothing. */
  get checked(): boolean {
    return this.#result !== undefined;
  }

  /** The engine's result for this version, computed on first use. */
  get result(): ValidationResult {
    this.#result ??= validateRecord(this.text, { types: this.types });
    return this.#result;
  }

  get topLevel(): TopLevelObject | undefined {
    return this.result.topLevel;
  }

  /** The record's types that have a schema (built-in or the workspace's), read once per version. */
  get recordTypes(): readonly RecordType[] {
    this.#recordTypes ??= recordTypes(this.text, this.topLevel, this.types);
    return this.#recordTypes;
  }

  /**
   * The objects of this version, for locating a cursor at `offset`, so that a completion or hover
   * far into the text parses only the object around its cursor. Indexed by the first request far
   * into the text: from the layout the worker's check found, else by a visit of the whole text
   * (which costs about what locating there from the start does).
   */
  objectsFor(offset: number): ObjectIndex | undefined {
    if (!this.#objects && offset < INDEX_FROM_OFFSET) return undefined;
    this.#objects ??= new ObjectIndex(this.text, this.#result?.visitorLayout ?? layoutByVisit(this.text));
    return this.#objects;
  }
}

/** The latest model of each open document; a new version, or changed type schemas, replace the old model. */
export class DocumentModels {
  readonly #models = new Map<string, DocumentModel>();
  readonly #typesFor: TypeSchemasFor | undefined;

  constructor(typesFor?: TypeSchemasFor) {
    this.#typesFor = typesFor;
  }

  get(document: TextDocument): DocumentModel {
    let model = this.#models.get(document.uri);
    const types = this.#typesFor?.(document.uri);
    if (!model || model.version !== document.version || model.text !== document.getText() || model.types !== types) {
      model = new DocumentModel(document, types);
      this.#models.set(document.uri, model);
    }
    return model;
  }

  /** Makes `result` this version's model, so no feature computes it again. */
  adopt(document: TextDocument, result: AdoptedResult): void {
    this.#models.set(document.uri, new DocumentModel(document, this.#typesFor?.(document.uri), result));
  }

  forget(uri: string): void {
    this.#models.delete(uri);
  }
}
