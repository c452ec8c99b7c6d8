// Bytes to the text an editor would show, and what is wrong with their encoding: the platform
// reads records as UTF-8, so anything else is an error, reported where the editor shows it.
import { isUtf8 } from 'node:buffer';
import { LineIndex, recordDiagnostics, type RecordDiagnostic, type ValidateOptions } from '../../server/src/engine';

export interface EncodingProblem {
  /** Where in the decoded text (UTF-16 units). */
  offset: number;
  length: number;
  message: string;
}

export interface DecodedText {
  /** Absent for binary data: there is no text to validate. */
  text?: string;
  problem?: EncodingProblem;
}

const SAVE_AS_UTF8 = 'save the file as UTF-8 (the platform reads records as UTF-8)';

function utf16(bytes: Uint8Array, bigEndian: boolean): string {
  const even = bytes.subarray(0, bytes.length & ~1);
  const copy = Buffer.from(even);
  if (bigEndian) copy.swap16();
  return copy.toString('utf16le');
}

/** Offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    let need: number;
    let min = 0x80;
    let max = 0xbf;
    if (b < 0x80) need = 0;
    else if (b >= 0xc2 && b <= 0xdf) need = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      // No overlong forms (E0 80..9F) and no surrogates (ED A0..BF).
      if (b === 0xe0) min = 0xa0;
      if (b === 0xed) max = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      if (b === 0xf0) min = 0x90;
      if (b === 0xf4) max = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? min : 0x80) || c > (k === 1 ? max : 0xbf)) return i;
    }
    i += need + 1;
  }
  return -1;
}

/**
 * Decodes a record file's bytes as an editor does: a UTF-8 byte-order mark is dropped (VS Code
 * does not keep it in the text, so columns are counted without it), UTF-16 with or without a
 * BOM is read as UTF-16, and bytes that are not UTF-8 become U+FFFD. Binary data is not text.
 */
export function decodeRecordBytes(bytes: Uint8Array): DecodedText {
  const [b0, b1] = bytes;
  if (b0 === 0xff && b1 === 0xfe) return { text: utf16(bytes.subarray(2), false), problem: { offset: 0, length: 0, message: `The file is UTF-16 LE with a byte-order mark: ${SAVE_AS_UTF8}.` } };
  if (b0 === 0xfe && b1 === 0xff) return { text: utf16(bytes.subarray(2), true), problem: { offset: 0, length: 0, message: `The file is UTF-16 BE with a byte-order mark: ${SAVE_AS_UTF8}.` } };
  // A JSON file starts with an ASCII character; in UTF-16 that is one zero byte and one not.
  if (bytes.length >= 2 && (b0 === 0) !== (b1 === 0)) {
    const bigEndian = b0 === 0;
    return { text: utf16(bytes, bigEndian), problem: { offset: 0, length: 0, message: `The file looks like UTF-16 ${bigEndian ? 'BE' : 'LE'} (every other byte is zero): ${SAVE_AS_UTF8}.` } };
  }
  const body = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const zero = body.indexOf(0);
  if (zero >= 0) {
    const at = (zero + bytes.length - body.length).toLocaleString('en-US');
    return { problem: { offset: 0, length: 0, message: `The file holds binary data (a zero byte at byte ${at}), not JSON text: a record file is UTF-8 text.` } };
  }
  const text = Buffer.from(body.buffer, body.byteOffset, body.byteLength).toString('utf8');
  // Bytes that are not UTF-8 decode to U+FFFD; only a text holding one needs the bytes checked.
  if (!text.includes('\uFFFD') || isUtf8(body)) return { text };
  const bad = firstInvalidByte(body);
  const at = bad + bytes.length - body.length;
  const offset = Buffer.from(body.buffer, body.byteOffset, bad).toString('utf8').length;
  const hex = `0x${body[bad].toString(16).toUpperCase().padStart(2, '0')}`;
  return {
    text,
    problem: { offset, length: 1, message: `The file is not UTF-8 at byte ${at.toLocaleString('en-US')} (${hex}; shown as U+FFFD): ${SAVE_AS_UTF8}.` },
  };
}

/** The `encoding-invalid` error, placed among the text's other diagnostics by offset. */
export function withEncodingProblem(diagnostics: RecordDiagnostic[], text: string, problem: EncodingProblem): RecordDiagnostic[] {
  const range = new LineIndex(text, [0], 0).rangeOf(problem.offset, problem.length);
  const diagnostic: RecordDiagnostic = { code: 'encoding-invalid', severity: 'error', message: problem.message, range, offset: problem.offset, length: problem.length };
  const at = diagnostics.findIndex((d) => d.offset >= problem.offset);
  return at < 0 ? [...diagnostics, diagnostic] : [...diagnostics.slice(0, at), diagnostic, ...diagnostics.slice(at)];
}

/** The CLI's diagnostics for a decoded file: the engine's on its text, with the encoding problem. */
export function diagnoseDecoded(content: DecodedText, options: ValidateOptions = {}): RecordDiagnostic[] {
  const text = content.text ?? '';
  const found = content.text === undefined ? [] : recordDiagnostics(text, options);
  return content.problem ? withEncodingProblem(found, text, content.problem) : found;
}
