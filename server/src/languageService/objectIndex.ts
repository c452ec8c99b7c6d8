// Where every object of a text starts and ends as jsonc-parser's visitor reads it, and its path,
// so that locating a cursor parses only the innermost object around it. The visitor parses an
// object from its `{` alone (its recovery from errors never looks outside), and a scan from the
// start enters every object in the same state (no previous node, at a key), so getLocation on the
// text from that `{` gives what getLocation on the whole text gives, with the object's path before.
import { getLocation, visit, type JSONPath, type Location } from 'jsonc-parser';

export type Spot = Pick<Location, 'path' | 'previousNode' | 'isAtPropertyKey'>;

export class ObjectIndex {
  /** In the order the objects open, so increasing. */
  readonly #starts: number[] = [];
  /** The offset of the closing `}`; Infinity for an object still open at the end of the text. */
  readonly #ends: number[] = [];
  readonly #parents: number[] = [];
  /** The path of each object, as getLocation's scan has it when it enters the object. */
  readonly #paths: JSONPath[] = [];
  readonly #text: string;

  /** One visit of the whole text, with the same path bookkeeping as getLocation. */
  constructor(text: string) {
    this.#text = text;
    const segments: (string | number)[] = [];
    const open: number[] = [];
    visit(text, {
      onObjectBegin: (offset) => {
        this.#parents.push(open.length ? open[open.length - 1] : -1);
        open.push(this.#starts.length);
        this.#starts.push(offset);
        this.#ends.push(Infinity);
        this.#paths.push(segments.slice());
        segments.push('');
      },
      onObjectProperty: (name) => {
        segments[segments.length - 1] = name;
      },
      onObjectEnd: (offset) => {
        // The visitor's events nest: the object closing is the latest one open.
        this.#ends[open.pop() as number] = offset;
        segments.pop();
      },
      onArrayBegin: () => {
        segments.push(0);
      },
      onArrayEnd: () => {
        segments.pop();
      },
      onSeparator: (separator) => {
        if (separator !== ',') return;
        const last = segments[segments.length - 1];
        segments[segments.length - 1] = typeof last === 'number' ? last + 1 : '';
      },
    });
  }

  /** getLocation(text, offset), parsing from the innermost object around the offset. */
  locationAt(offset: number): Spot {
    const index = this.#innermost(offset);
    if (index < 0) return getLocation(this.#text, offset);
    const start = this.#starts[index];
    const inner = getLocation(this.#text.slice(start), offset - start);
    const node = inner.previousNode && { ...inner.previousNode, offset: inner.previousNode.offset + start };
    if (node?.colonOffset !== undefined) node.colonOffset += start;
    return { path: [...this.#paths[index], ...inner.path], previousNode: node, isAtPropertyKey: inner.isAtPropertyKey };
  }

  /**
   * The innermost object that getLocation's scan would be inside when it stops for `offset`: it
   * opened before the offset and its `}` is not before it. Objects nest, so it is the latest to
   * open before the offset or one of that one's ancestors.
   */
  #innermost(offset: number): number {
    let low = 0;
    let high = this.#starts.length - 1;
    let index = -1;
    while (low <= high) {
      const mid = (low + high) >> 1;
      if (this.#starts[mid] < offset) {
        index = mid;
        low = mid + 1;
      } else high = mid - 1;
    }
    while (index >= 0 && offset > this.#ends[index]) index = this.#parents[index];
    return index;
  }
}
