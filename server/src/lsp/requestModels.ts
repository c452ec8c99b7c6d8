// Which engine result completion and code actions see. The worker's result is adopted for the
// version it checked. Until it arrives, a small document's result is computed on demand, as it
// costs a few ms; a large one gets an empty stand-in (no layout, no diagnostics), so a request
// never runs the engine on the main thread: it answers without what the layout adds (existing
// keys left out of key completion, the project for folder and link completion, layout-based fixes).
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ValidationResult } from '../engine/types';
import type { RecordLanguageService } from '../languageService/service';

/** Characters; the engine checks this much in well under the 20 ms a completion may take. */
export const ON_DEMAND_LIMIT = 64 * 1024;

const NOT_YET_CHECKED: ValidationResult = { diagnostics: [], facts: { links: [] } };

export class RequestModels {
  private readonly adopted = new Map<string, number>();

  constructor(private readonly service: RecordLanguageService) {}

  adopt(document: TextDocument, result: ValidationResult): void {
    this.service.adopt(document, result);
    this.adopted.set(document.uri, document.version);
  }

  /** Call before a request that reads the model. */
  prepare(document: TextDocument): void {
    if (document.getText().length <= ON_DEMAND_LIMIT || this.adopted.get(document.uri) === document.version) return;
    this.adopt(document, NOT_YET_CHECKED);
  }

  forget(uri: string): void {
    this.adopted.delete(uri);
    this.service.forget(uri);
  }
}
