// The engine's public contract: text in, diagnostics (and the facts the platform checks need) out.
// Pure: no I/O, no LSP types, so the CLI, the server and the benchmark share it unchanged.

export type { DiagnosticCode, Severity } from './rules/registry';
import type { DiagnosticCode, Severity } from './rules/registry';
import type { TypeSchemas } from '../../../common/typeSchemaSource';
export type { TypeSchemaSource, TypeSchemas } from '../../../common/typeSchemaSource';


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
  /**
   * The workspace's type schemas by type name (read by the caller: the engine does no I/O). One
   * for a built-in type's name replaces the built-in schema.
   */
  types?: TypeSchemas;
  /** Also record every object's layout (`ValidationResult.objects`), as an editor wants. */
  objects?: boolean;
}

/** A top-level property as the same pass found it: where its key and value are, for edits. */
export interface TopLevelProperty {
  key: string;
  keyOffset: number;
  keyLength: number;
  /** -1 when the property has no value yet (`"name":` at the end of an unfinished file). */
  valueOffset: number;
  valueEnd: number;
}

export interface TopLevelObject {
  openOffset: number;
  /** Offset of the closing `}`, or the text length when the object is unterminated. */
  closeOffset: number;
  /** In file order, duplicates included. */
  properties: TopLevelProperty[];
}

/** An object key, or an array index. */
export type PathSegment = string | number;

/** Every object of the text as the engine's pass read it, by row in the order they open. */
export interface ObjectLayout {
  /** Offset of each object's `{`. */
  opens: ArrayLike<number>;
  /** Offset of each object's `}`; -1 for one with a syntax error inside (strict JSON only has one reading). */
  closes: ArrayLike<number>;
  /** The row of the object each one is in, or -1. */
  parents: ArrayLike<number>;
  /**
   * Each object's path from the object it is in: the key it is the value of, then the index in
   * each array between (`['reads', 2]`); for one in no object, from the top.
   */
  tails: readonly (readonly PathSegment[])[];
}

export interface ValidationResult {
  diagnostics: RecordDiagnostic[];
  facts: RecordFacts;
  /** The top-level object's layout; undefined when the document is not an object. */
  topLevel?: TopLevelObject;
  /** Asked for by `ValidateOptions.objects`. */
  objects?: ObjectLayout;
}
