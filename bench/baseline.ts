// The comparison point: VS Code's JSON language service (parse + draft-07 validation), set up as
// VS Code runs it: schema associated by file pattern (resolved once), problems as errors.
import {
  DiagnosticSeverity,
  getLanguageService,
  TextDocument,
  type Diagnostic,
  type JSONDocument,
  type JSONSchema,
} from 'vscode-json-languageservice';

const settings = { comments: 'error', trailingCommas: 'error', schemaValidation: 'error' } as const;

export interface BaselineResult {
  document: JSONDocument;
  diagnostics: Diagnostic[];
}

export type BaselineValidator = (text: string) => Promise<BaselineResult>;

/** Full validation with positions: text → parsed document → diagnostics with LSP ranges. */
export function createBaseline(schema: JSONSchema): BaselineValidator {
  const service = getLanguageService({});
  service.configure({
    validate: true,
    allowComments: false,
    schemas: [{ uri: 'bench://record-new.schema.json', fileMatch: ['*.dxrecord.json'], schema }],
  });
  return async (text) => {
    const textDocument = TextDocument.create('file:///bench.dxrecord.json', 'json', 1, text);
    const document = service.parseJSONDocument(textDocument);
    const diagnostics = await service.doValidation(textDocument, document, settings);
    return { document, diagnostics };
  };
}

export function isError(d: Diagnostic): boolean {
  return d.severity === DiagnosticSeverity.Error;
}
