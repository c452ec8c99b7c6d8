// Structural JSON parser with an explicit stack (no recursion, so 10,000 nesting levels are fine).
// It streams events to a sink, reports every syntax error at its offset and keeps going, and
// reports duplicate keys in every object because that check needs only the structure.

import { Scanner, Tok, type SyntaxProblem } from './scanner';

export const enum ValueKind {
  String,
  Number,
  Boolean,
  Null,
  Invalid,
}

export interface JsonSink {
  beginObject(start: number): void;
  /** `end` is exclusive: after the `}` or where the object was cut off (`closed` false). */
  endObject(end: number, closed: boolean): void;
  beginArray(start: number): void;
  endArray(end: number, closed: boolean): void;
  /** A property key token; its name is `scanner.stringValue()` while the event runs. */
  key(start: number, end: number): void;
  /** A scalar; the token is still current in the scanner, so sinks may read it lazily. */
  scalar(kind: ValueKind, start: number, end: number): void;
}

export interface DuplicateKey {
  name: string;
  offset: number;
  length: number;
}

const enum State {
  Value, // top level or after ':'
  ValueOrClose, // after '['
  ValueAfterComma, // in an array after ','
  KeyOrClose, // after '{'
  KeyAfterComma,
  Colon,
  AfterValue,
  Done, // the top-level value is complete
  Stop,
}

const OBJ = 0;
const ARR = 1;
/** Objects with more keys than this switch from a linear scan to a Set. */
const LINEAR_KEYS = 12;

const CLOSE_NAME = ['}', ']'];

export class JsonParser {
  private readonly scanner: Scanner;
  private readonly sink: JsonSink;
  private readonly problems: SyntaxProblem[];
  readonly duplicates: DuplicateKey[] = [];
  private readonly kinds: number[] = [];
  /**
   * Key tokens of every open object, flattened (start, end, escaped); `keyBase[d]` is where
   * depth d's keys begin. Offsets rather than strings keep a clean pass allocation-free.
   */
  private readonly keyStarts: number[] = [];
  private readonly keyEnds: number[] = [];
  private readonly keyEscaped: boolean[] = [];
  private keyTop = 0;
  private readonly keyBase: number[] = [];
  private readonly keySets: (Set<string> | undefined)[] = [];
  private openObjects = 0;
  private openArrays = 0;
  /** Depth at which a subtree without a usable key began; sink events are withheld inside it. */
  private muteDepth = -1;
  /** Offset of the last comma consumed: a trailing comma is reported on the comma itself. */
  private lastComma = -1;

  constructor(scanner: Scanner, sink: JsonSink) {
    this.scanner = scanner;
    this.sink = sink;
    this.problems = scanner.problems;
  }

  private problem(offset: number, length: number, message: string): void {
    this.problems.push({ offset, length, message });
  }

  private get muted(): boolean {
    return this.muteDepth >= 0;
  }

  parse(): void {
    const sc = this.scanner;
    let state = State.Value;
    while (state !== State.Stop) {
      const tok = sc.next();
      switch (state) {
        case State.Value:
        case State.ValueOrClose:
        case State.ValueAfterComma:
          state = this.onValue(tok, state);
          break;
        case State.KeyOrClose:
        case State.KeyAfterComma:
          state = this.onKey(tok, state);
          break;
        case State.Colon:
          state = this.onColon(tok);
          break;
        case State.AfterValue:
          state = this.onAfterValue(tok);
          break;
        case State.Done:
          if (tok !== Tok.EOF) this.textAfterEnd(tok);
          state = State.Stop;
      }
    }
  }

  /** One error for whatever follows the value, replacing the scanner's own for that token. */
  private textAfterEnd(tok: Tok): void {
    const sc = this.scanner;
    const last = this.problems[this.problems.length - 1];
    if (tok === Tok.Invalid && last?.offset === sc.start) this.problems.pop();
    const bom = /^\uFEFF+$/.test(sc.text.slice(sc.start, sc.end));
    const message = bom
      ? 'An invisible byte-order mark (U+FEFF) follows the JSON value: remove it (a BOM may only start a file).'
      : 'Unexpected text after the end of the JSON value: a record file holds one object.';
    this.problem(sc.start, sc.end - sc.start, message);
  }

  private onValue(tok: Tok, state: State): State {
    const sc = this.scanner;
    const inside = this.kinds.length > 0;
    if (tok === Tok.EOF) {
      if (!inside) this.problem(sc.start, 0, 'The file is empty: a record file holds one JSON object, e.g. {"project": "project-…"}.');
      return this.finish();
    }
    if (tok === Tok.CloseBracket || tok === Tok.CloseBrace) {
      if (!inside) {
        this.problem(sc.start, 1, `Unexpected "${sc.text[sc.start]}": a record file holds one JSON object.`);
        return state;
      }
      const emptyArray = state === State.ValueOrClose && tok === Tok.CloseBracket;
      if (state === State.ValueAfterComma) this.trailingComma();
      else if (!emptyArray) this.problem(sc.start, 1, 'A value is missing here.');
      return this.close(tok, sc.start, sc.end, !emptyArray);
    }
    if (tok === Tok.Comma || tok === Tok.Colon) {
      this.problem(sc.start, 1, `A value is missing before "${sc.text[sc.start]}".`);
      return tok === Tok.Comma && inside ? this.afterComma() : state;
    }
    return this.value(tok);
  }

  private onKey(tok: Tok, state: State): State {
    const sc = this.scanner;
    switch (tok) {
      case Tok.String:
        this.addKey();
        return State.Colon;
      case Tok.CloseBrace:
      case Tok.CloseBracket:
        if (state === State.KeyAfterComma) this.trailingComma();
        return this.close(tok, sc.start, sc.end, false);
      case Tok.EOF:
        return this.finish();
      case Tok.Comma:
        this.problem(sc.start, 1, 'A property is missing before this comma.');
        return this.afterComma();
      case Tok.Invalid:
      case Tok.Number:
      case Tok.True:
      case Tok.False:
      case Tok.Null:
        // `{ foo: 1 }`: keep the word as the key so the rest of the object still validates, and
        // say what is wrong in key terms rather than the scanner's value terms.
        if (!/^'|"$/.test(sc.text.slice(sc.start, sc.end))) {
          const last = this.problems[this.problems.length - 1];
          if (tok === Tok.Invalid && last?.offset === sc.start) this.problems.pop();
          this.problem(sc.start, sc.end - sc.start, 'Property names must be strings in double quotes.');
        }
        this.addKey();
        return State.Colon;
    }
    // A value with no key (`{ : 1 }`, `{ {…} }`): parsed for syntax, withheld from the sink.
    this.problem(sc.start, sc.end - sc.start, 'A property name in double quotes is expected here.');
    this.muteNext();
    return tok === Tok.Colon ? State.Value : this.value(tok);
  }

  private onColon(tok: Tok): State {
    const sc = this.scanner;
    if (tok === Tok.Colon) return State.Value;
    if (tok === Tok.EOF) return this.finish();
    this.problem(sc.start, sc.end - sc.start, 'A colon ":" is expected after the property name.');
    if (tok === Tok.Comma) return this.afterComma();
    if (tok === Tok.CloseBrace || tok === Tok.CloseBracket) return this.close(tok, sc.start, sc.end, false);
    return this.value(tok);
  }

  private onAfterValue(tok: Tok): State {
    const sc = this.scanner;
    switch (tok) {
      case Tok.Comma:
        return this.afterComma();
      case Tok.CloseBrace:
      case Tok.CloseBracket:
        return this.close(tok, sc.start, sc.end, false);
      case Tok.EOF:
        return this.finish();
      case Tok.Colon:
        this.problem(sc.start, 1, 'Unexpected ":" here.');
        return State.AfterValue;
    }
    // A missing comma: report it and read the token as the next member.
    this.problem(sc.start, sc.end - sc.start, 'A comma "," is missing before this.');
    return this.kinds[this.kinds.length - 1] === OBJ ? this.onKey(tok, State.KeyAfterComma) : this.onValue(tok, State.ValueAfterComma);
  }

  private afterComma(): State {
    this.lastComma = this.scanner.start;
    return this.kinds[this.kinds.length - 1] === OBJ ? State.KeyAfterComma : State.ValueAfterComma;
  }

  private trailingComma(): void {
    this.problem(this.lastComma, 1, 'Trailing comma: JSON does not allow a comma before a closing bracket or brace. Remove it.');
  }

  /** A value token in value position; returns the next state. */
  private value(tok: Tok): State {
    const sc = this.scanner;
    switch (tok) {
      case Tok.OpenBrace:
        this.push(OBJ);
        if (!this.muted) this.sink.beginObject(sc.start);
        return State.KeyOrClose;
      case Tok.OpenBracket:
        this.push(ARR);
        if (!this.muted) this.sink.beginArray(sc.start);
        return State.ValueOrClose;
    }
    if (!this.muted) this.sink.scalar(scalarKind(tok), sc.start, sc.end);
    else if (this.muteDepth === this.kinds.length) this.muteDepth = -1;
    return this.afterValue();
  }

  private afterValue(): State {
    return this.kinds.length === 0 ? State.Done : State.AfterValue;
  }

  private muteNext(): void {
    if (!this.muted) this.muteDepth = this.kinds.length;
  }

  private push(kind: number): void {
    this.kinds.push(kind);
    if (kind === OBJ) {
      this.openObjects++;
      this.keyBase.push(this.keyTop);
      this.keySets.push(undefined);
    } else {
      this.openArrays++;
    }
  }

  private pop(end: number, closed: boolean): void {
    const kind = this.kinds.pop();
    if (kind === OBJ) {
      this.openObjects--;
      this.keyTop = this.keyBase.pop()!;
      this.keySets.pop();
    } else {
      this.openArrays--;
    }
    if (this.muted) {
      const depth = this.kinds.length;
      if (depth >= this.muteDepth) {
        // The unkeyed container itself (or something inside it) ends: its events stay withheld.
        if (depth === this.muteDepth) this.muteDepth = -1;
        return;
      }
      // The awaited unkeyed value never came; the container that held it was delivered.
      this.muteDepth = -1;
    }
    if (kind === OBJ) this.sink.endObject(end, closed);
    else this.sink.endArray(end, closed);
  }

  /**
   * Closes the container that `tok` closes. A closer of the wrong kind closes every container
   * up to the nearest one it matches (reported once), or is skipped when nothing matches.
   */
  private close(tok: Tok, start: number, end: number, reported: boolean): State {
    const want = tok === Tok.CloseBrace ? OBJ : ARR;
    const kinds = this.kinds;
    if (kinds[kinds.length - 1] === want) {
      this.pop(end, true);
      return this.afterValue();
    }
    if ((want === OBJ ? this.openObjects : this.openArrays) === 0) {
      if (!reported) this.problem(start, 1, `Unexpected "${CLOSE_NAME[want]}": nothing open here is closed by it; expected "${CLOSE_NAME[kinds[kinds.length - 1]]}".`);
      return State.AfterValue;
    }
    if (!reported) this.problem(start, 1, `Expected "${CLOSE_NAME[kinds[kinds.length - 1]]}" before this "${CLOSE_NAME[want]}".`);
    while (kinds[kinds.length - 1] !== want) this.pop(start, false);
    this.pop(end, true);
    return this.afterValue();
  }

  /** Records the current key token, reports it if repeated, and passes it to the sink. */
  private addKey(): void {
    const sc = this.scanner;
    const { start, end } = sc;
    const d = this.keyBase.length - 1;
    const base = this.keyBase[d];
    let set = this.keySets[d];
    let duplicate = false;
    if (set) {
      const name = sc.stringValue();
      duplicate = set.has(name);
      set.add(name);
    } else {
      for (let i = base; i < this.keyTop && !duplicate; i++) duplicate = this.sameKey(i, start, end, sc.escaped);
      const top = this.keyTop++;
      this.keyStarts[top] = start;
      this.keyEnds[top] = end;
      this.keyEscaped[top] = sc.escaped && sc.kind === Tok.String;
      if (this.keyTop - base > LINEAR_KEYS) {
        set = new Set<string>();
        for (let i = base; i < this.keyTop; i++) set.add(this.keyName(i));
        this.keySets[d] = set;
        this.keyTop = base;
      }
    }
    if (duplicate) this.duplicates.push({ name: sc.stringValue(), offset: start, length: end - start });
    if (this.muted) {
      if (this.muteDepth !== this.kinds.length) return;
      this.muteDepth = -1;
    }
    this.sink.key(start, end);
  }

  private keyName(i: number): string {
    const sc = this.scanner;
    const start = this.keyStarts[i];
    return sc.valueAt(start, this.keyEnds[i], sc.text.charCodeAt(start) === 34, this.keyEscaped[i]);
  }

  private sameKey(i: number, start: number, end: number, escaped: boolean): boolean {
    const a = this.keyStarts[i];
    const len = end - start;
    if (escaped || this.keyEscaped[i]) return this.keyName(i) === this.scanner.stringValue();
    if (this.keyEnds[i] - a !== len) return false;
    const text = this.scanner.text;
    for (let k = 0; k < len; k++) if (text.charCodeAt(a + k) !== text.charCodeAt(start + k)) return false;
    return true;
  }

  private finish(): State {
    const sc = this.scanner;
    const open = this.kinds.length;
    if (open > 0) {
      const closers = open === 1 ? `"${CLOSE_NAME[this.kinds[0]]}"` : `${open} closing brackets (the first is "${CLOSE_NAME[this.kinds[open - 1]]}")`;
      this.problem(sc.text.length, 0, `The file ends too early: ${closers} missing.`);
      while (this.kinds.length > 0) this.pop(sc.text.length, false);
    }
    return State.Stop;
  }
}

function scalarKind(tok: Tok): ValueKind {
  switch (tok) {
    case Tok.String:
      return ValueKind.String;
    case Tok.Number:
      return ValueKind.Number;
    case Tok.True:
    case Tok.False:
      return ValueKind.Boolean;
    case Tok.Null:
      return ValueKind.Null;
    default:
      return ValueKind.Invalid;
  }
}
