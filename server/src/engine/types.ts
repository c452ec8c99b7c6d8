// The engine's public contract: text in, diagnostics (and the facts the platform checks need) out.
// Pure: no I/O, no LSP types, so the CLI, the server and the benchmark share it unchanged.

export type DiagnosticCode =
  | 'encoding-invalid'
  | 'json-syntax'
  | 'duplicate-key'
  | 'not-an-object'
  | 'missing-project'
  | 'unknown-field'
  | 'describe-field'
  | 'type-mismatch'
  | 'invalid-id'
  | 'wrong-id-class'
  | 'id-alphabet'
  | 'name-invalid'
  | 'tag-empty'
  | 'type-name-invalid'
  | 'property-value-not-string'
  | 'property-key-too-long'
  | 'property-value-too-long'
  | 'property-key-empty'
  | 'details-not-container'
  | 'details-large'
  | 'link-extra-keys'
  | 'link-value-not-string'
  | 'link-target-malformed'
  | 'link-target-not-found'
  | 'folder-invalid'
  | 'folder-not-normalized'
  | 'folder-needs-parents'
  | 'nonce-invalid'
  | 'project-not-found';

export type Severity = 'error' | 'warning' | 'information';

/** 0-based line and UTF-16 character, exactly as LSP counts them. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface RecordDiagnostic {
  code: DiagnosticCode;
  severity: Severity;
  message: string;
  range: Range;
  /** UTF-16 offset and length in the text; quick fixes edit by these. */
  offset: number;
  length: number;
  /** Extra facts a quick fix needs (e.g. the suggested key for `unknown-field`). */
  data?: Record<string, unknown>;
}

/** A string value in the file that the platform may be asked about. */
export interface Located<T = string> {
  value: T;
  offset: number;
  length: number;
  range: Range;
}

/** What the slower, signed-in checks need, collected on the same pass as the diagnostics. */
export interface RecordFacts {
  project?: Located;
  folder?: Located;
  parents?: boolean;
  /** Well-formed data-object IDs used as `$dnanexus_link` targets in `details`. */
  links: Located[];
  initializeFrom?: { project?: Located; id?: Located };
}

export interface ValidateOptions {
  /** `details` above this many bytes of UTF-8 JSON gets `details-large`; default 1 MiB. */
  detailsLargeBytes?: number;
}

export interface ValidationResult {
  diagnostics: RecordDiagnostic[];
  facts: RecordFacts;
}
