// Records every object of the text on the engine's pass (an editor then finds the object around
// a cursor without reading the text again): where it opens and closes, the object it is in, and
// its path from there; an object with a syntax error inside gets no close offset, as where it ends
// is only this parser's recovery. Passes every event on to the sink it wraps.
import type { JsonSink, ValueKind } from './parser';
import type { Scanner } from './scanner';
import type { ObjectLayout, PathSegment } from './types';

export class ObjectRecorder implements JsonSink {
  readonly #scanner: Scanner;
  readonly #next: JsonSink;
  readonly #opens: number[] = [];
  readonly #closes: number[] = [];
  readonly #parents: number[] = [];
  readonly #tails: PathSegment[][] = [];
  /** The path to the current point: per open container, an object's current key or an array's current index. */
  readonly #segments: PathSegment[] = [];
  /** Per open container: whether it is an array. */
  readonly #inArray: boolean[] = [];
  /** The rows of the open objects, innermost last. */
  readonly #openObjects: number[] = [];
  /** Per row: its path's length, where the tails of the objects inside it start. */
  readonly #pathLengths: number[] = [];
  /** Per row: how many syntax problems had been found when it opened. */
  readonly #problemsAtOpen: number[] = [];

  constructor(scanner: Scanner, next: JsonSink) {
    this.#scanner = scanner;
    this.#next = next;
  }

  get layout(): ObjectLayout {
    return { opens: this.#opens, closes: this.#closes, parents: this.#parents, tails: this.#tails };
  }

  beginObject(start: number): void {
    const parent = this.#openObjects.length ? this.#openObjects[this.#openObjects.length - 1] : -1;
    const row = this.#opens.push(start) - 1;
    this.#closes.push(-1);
    this.#parents.push(parent);
    this.#tails.push(this.#segments.slice(parent < 0 ? 0 : this.#pathLengths[parent]));
    this.#pathLengths.push(this.#segments.length);
    this.#problemsAtOpen.push(this.#scanner.problems.length);
    this.#openObjects.push(row);
    this.#inArray.push(false);
    this.#segments.push('');
    this.#next.beginObject(start);
  }

  endObject(end: number, closed: boolean): void {
    const row = this.#openObjects.pop() as number;
    if (closed && this.#scanner.problems.length === this.#problemsAtOpen[row]) this.#closes[row] = end - 1;
    this.#close();
    this.#next.endObject(end, closed);
  }

  beginArray(start: number): void {
    this.#inArray.push(true);
    this.#segments.push(0);
    this.#next.beginArray(start);
  }

  endArray(end: number, closed: boolean): void {
    this.#close();
    this.#next.endArray(end, closed);
  }

  key(start: number, end: number): void {
    this.#segments[this.#segments.length - 1] = this.#scanner.stringValue();
    this.#next.key(start, end);
  }

  scalar(kind: ValueKind, start: number, end: number): void {
    this.#afterValue();
    this.#next.scalar(kind, start, end);
  }

  #close(): void {
    this.#inArray.pop();
    this.#segments.pop();
    this.#afterValue();
  }

  /** A value ended: in an array, the next one has the next index. */
  #afterValue(): void {
    const last = this.#segments.length - 1;
    if (this.#inArray[last]) this.#segments[last] = (this.#segments[last] as number) + 1;
  }
}
