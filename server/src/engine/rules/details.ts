// `details` is the only field that can be megabytes, so it is checked while streaming: the
// `$dnanexus_link` rules at any depth, and its compact JSON size in UTF-8 for details-large.

import { ValueKind, type JsonSink } from '../parser';
import type { PropNode } from '../model';
import type { Report, Span } from '../report';
import { Tok, type Scanner } from '../scanner';
import { utf8Length } from '../utf8';
import type { PendingFacts } from './context';
import { checkAlphabet, isDataObjectId, quote } from './ids';

export const DEFAULT_DETAILS_LARGE_BYTES = 1024 * 1024;
export const LINK_KEY = '$dnanexus_link';

const enum Role {
  None,
  /** The next value is a `$dnanexus_link` value. */
  Link,
  /** The next value is the `id` of a `{project, id}` link hash. */
  HashId,
  /** The next value is the `project` of a `{project, id}` link hash. */
  HashProject,
}

/** One open container inside details; frames are reused per depth to avoid garbage. */
class Frame {
  isObject = false;
  members = 0;
  start = 0;
  linkKeyStart = -1;
  linkKeyEnd = 0;
  role = Role.None;
  isLinkValue = false;
  hashId: string | undefined = undefined;
  hashIdStart = 0;
  hashIdEnd = 0;
  hashProject = false;
}

export class DetailsSink implements JsonSink {
  private readonly scanner: Scanner;
  private readonly report: Report;
  private readonly facts: PendingFacts;
  private readonly keySpan: Span;
  private readonly limit: number;
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** UTF-8 bytes of the compact serialisation so far. */
  bytes = 0;

  constructor(scanner: Scanner, report: Report, facts: PendingFacts, prop: PropNode, limit = DEFAULT_DETAILS_LARGE_BYTES) {
    this.scanner = scanner;
    this.report = report;
    this.facts = facts;
    this.keySpan = { offset: prop.keyOffset, length: prop.keyLength };
    this.limit = limit;
  }

  /** Accounts for the comma before a value and returns what the value means to its parent. */
  private beginValue(): Role {
    if (this.depth === 0) return Role.None;
    const f = this.frames[this.depth - 1];
    if (!f.isObject) {
      if (f.members++ > 0) this.bytes++;
      return Role.None;
    }
    const role = f.role;
    f.role = Role.None;
    return role;
  }

  private open(isObject: boolean, start: number): void {
    const role = this.beginValue();
    this.bytes++;
    let f = this.frames[this.depth];
    if (!f) f = this.frames[this.depth] = new Frame();
    this.depth++;
    f.isObject = isObject;
    f.members = 0;
    f.start = start;
    f.linkKeyStart = -1;
    f.role = Role.None;
    f.isLinkValue = role === Role.Link;
    f.hashId = undefined;
    f.hashProject = false;
  }

  private close(end: number): void {
    this.bytes++;
    const f = this.frames[--this.depth];
    if (f.linkKeyStart >= 0 && f.members > 1) {
      this.report.error(
        'link-extra-keys',
        `This object holds "$dnanexus_link" and ${f.members - 1} other key${f.members > 2 ? 's' : ''}; a link must be an object with "$dnanexus_link" as its only key. Move the other keys out.`,
        { offset: f.linkKeyStart, length: f.linkKeyEnd - f.linkKeyStart },
        { objectOffset: f.start },
      );
    }
    if (!f.isLinkValue) return;
    const span = { offset: f.start, length: end - f.start };
    if (f.isObject && f.members === 2 && f.hashProject && f.hashId !== undefined) this.projectForm(span, f);
    else this.notString(span, f.isObject ? 'an object' : 'an array', f.hashId);
  }

  beginObject(start: number): void {
    this.open(true, start);
  }

  beginArray(start: number): void {
    this.open(false, start);
  }

  endObject(end: number): void {
    this.close(end);
  }

  endArray(end: number): void {
    this.close(end);
  }

  key(start: number, end: number): void {
    const f = this.frames[this.depth - 1];
    if (f.members++ > 0) this.bytes++;
    const sc = this.scanner;
    const plain = sc.kind === Tok.String && !sc.escaped;
    this.bytes += (sc.kind === Tok.String ? sc.utf8Bytes : utf8Length(JSON.stringify(sc.stringValue()))) + 1;
    if (plain ? isKey(sc.text, start, end, LINK_KEY) : sc.stringValue() === LINK_KEY) {
      f.linkKeyStart = start;
      f.linkKeyEnd = end;
      f.role = Role.Link;
    } else if (f.isLinkValue && (plain ? isKey(sc.text, start, end, 'id') : sc.stringValue() === 'id')) {
      f.role = Role.HashId;
    } else if (f.isLinkValue && (plain ? isKey(sc.text, start, end, 'project') : sc.stringValue() === 'project')) {
      f.role = Role.HashProject;
    } else f.role = Role.None;
  }

  scalar(kind: ValueKind, start: number, end: number): void {
    const role = this.beginValue();
    const sc = this.scanner;
    if (kind === ValueKind.String) {
      this.bytes += sc.utf8Bytes;
      if (role === Role.Link) this.linkTarget(sc.stringValue(), { offset: start, length: end - start });
      else if (role === Role.HashId) {
        const f = this.frames[this.depth - 1];
        f.hashId = sc.stringValue();
        f.hashIdStart = start;
        f.hashIdEnd = end;
      } else if (role === Role.HashProject) this.frames[this.depth - 1].hashProject = true;
      return;
    }
    this.bytes += kind === ValueKind.Number ? numberBytes(sc.text, start, end) : end - start;
    if (role === Role.Link && kind !== ValueKind.Invalid) {
      this.notString({ offset: start, length: end - start }, kind === ValueKind.Null ? 'null' : `${kind === ValueKind.Number ? 'the number ' : ''}${sc.text.slice(start, end)}`);
    }
  }

  private linkTarget(value: string, span: Span): void {
    if (isDataObjectId(value)) {
      checkAlphabet(this.report, value, span);
      this.facts.links.push({ value, offset: span.offset, length: span.length });
      return;
    }
    this.report.warning(
      'link-target-malformed',
      `Link target ${quote(value)} is not a data-object ID: expected record-, file-, applet-, workflow- or database- followed by 24 letters or digits.`,
      span,
    );
  }

  /**
   * `{"project", "id"}`: dx-toolkit writes it into record details and the platform takes it, but
   * the string form is the documented one (docs/platform-notes.md#links, decision 1 revised). Its
   * id is a link like any other, so the live checks see it.
   */
  private projectForm(span: Span, f: Frame): void {
    const id = f.hashId!;
    this.report.warning(
      'link-project-form',
      `This link uses the {"project", "id"} form; the documented, portable form is {"$dnanexus_link": ${quote(id)}}. The platform accepts it, but tools that expect a string link may not, and the string form drops the project hint.`,
      span,
      { id },
    );
    this.linkTarget(id, { offset: f.hashIdStart, length: f.hashIdEnd - f.hashIdStart });
  }

  private notString(span: Span, found: string, hashId?: string): void {
    if (hashId !== undefined) {
      this.report.error(
        'link-value-not-string',
        `"$dnanexus_link" must hold an ID string, written {"$dnanexus_link": ${quote(hashId)}}; only the exact {"project", "id"} pair is also accepted, and this object is not that.`,
        span,
        { id: hashId },
      );
      return;
    }
    this.report.error('link-value-not-string', `"$dnanexus_link" must hold an ID string such as "file-…"; found ${found}.`, span);
  }

  /** Reports details-large once the whole value has streamed through. */
  finish(): void {
    if (this.bytes > this.limit) {
      this.report.warning(
        'details-large',
        `"details" is ${this.bytes.toLocaleString('en-US')} bytes of UTF-8 JSON; above ${this.limit.toLocaleString('en-US')} bytes creating or reading the record gets slow and may fail. Consider storing the data in a file and linking to it.`,
        this.keySpan,
      );
    }
  }
}

/** Whether the unescaped key token at start..end is `"name"`, without allocating. */
function isKey(text: string, start: number, end: number, name: string): boolean {
  return end - start === name.length + 2 && text.startsWith(name, start + 1);
}

/**
 * Bytes of a number as JSON.stringify would write it (`1.50` -> `1.5`). Short numbers without an
 * exponent, a trailing fractional zero or a tiny magnitude are already written that way.
 */
function numberBytes(text: string, start: number, end: number): number {
  const n = end - start;
  if (n <= 15) {
    let dot = -1;
    let plain = true;
    for (let i = start; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 46) dot = i;
      else if (c === 101 || c === 69) {
        plain = false;
        break;
      }
    }
    const negative = text.charCodeAt(start) === 45;
    const intIsZero = text.charCodeAt(negative ? start + 1 : start) === 48;
    if (plain && dot < 0 && !(negative && intIsZero)) return n;
    if (plain && dot >= 0 && text.charCodeAt(end - 1) !== 48 && (!intIsZero || !text.startsWith('00000', dot + 1)) && !(negative && intIsZero)) return n;
  }
  return JSON.stringify(Number(text.slice(start, end))).length;
}
