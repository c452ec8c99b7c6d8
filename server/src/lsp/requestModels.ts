// Which engine result completion and code actions see. The worker's result is adopted for the
// version it checked. Until it arrives (or when validation is off for the document), a small
// document's result is computed on demand, as that costs a few ms; a large one gets an empty
// stand-in (no layout, no diagnostics), so a request never runs the engine on the main thread. It
// then answers without what the layout adds: existing keys are not left out of key completion,
// folder and link completion do not know the project, layout-based fixes are not offered.
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ValidationResult } from '../engine/types';
import type { AdoptedResult } from '../languageService/documentModel';
import type { RecordLanguageService } from '../languageService/service';

/** Characters; a record this size takes the engine a few ms (a linear engine, whatever the error count). */
export const ON_DEMAND_LIMIT = 64 * 1024;

const NOT_YET_CHECKED: ValidationResult = { diagnostics: [], facts: { links: [] } };

export class RequestModels {
  constructor(private readonly service: RecordLanguageService) {}

  adopt(document: TextDocument, result: AdoptedResult): void {
    this.service.adopt(document, result);
  }

  /** Call before a request that reads the model: a model replaced since (new schemas) counts as unchecked. */
  prepare(document: TextDocument): void {
    if (document.getText().length <= ON_DEMAND_LIMIT || this.service.model(document).checked) return;
    this.adopt(document, NOT_YET_CHECKED);
  }

  forget(uri: string): void {
    this.service.forget(uri);
  }
}
