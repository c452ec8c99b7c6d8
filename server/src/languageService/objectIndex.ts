// Where every object of a text starts and ends as jsonc-parser's visitor reads it, and its path,
// so that locating a cursor parses only the innermost object around it. The visitor parses an
// object from its `{` alone (its recovery from errors never looks outside), and a scan from the
// start enters every object in the same state (no previous node, at a key), so getLocation on the
// text from that `{` gives what getLocation on the whole text gives, with the object's path before.
import { getLocation, type JSONPath, type Location } from 'jsonc-parser';
import type { PathSegment } from '../engine/types';
import { lastBelow } from './sortedSearch';
import type { VisitorLayout } from './visitorLayout';

export type Spot = Pick<Location, 'path' | 'previousNode' | 'isAtPropertyKey'>;

/** Offsets from which locating a cursor scans about as much text as indexing the objects does. */
export const INDEX_FROM_OFFSET = 64 * 1024;

export class ObjectIndex {
  readonly #text: string;
  readonly #layout: VisitorLayout;

  /** `layout`: the objects of this very text, as the visitor reads them. */
  constructor(text: string, layout: VisitorLayout) {
    this.#text = text;
    this.#layout = layout;
  }

  /** getLocation(text, offset), parsing from the innermost object around the offset. */
  locationAt(offset: number): Spot {
    const index = this.#innermost(offset);
    if (index < 0) return getLocation(this.#text, offset);
    const start = this.#layout.opens[index];
    const inner = getLocation(this.#text.slice(start), offset - start);
    const node = inner.previousNode && { ...inner.previousNode, offset: inner.previousNode.offset + start };
    if (node?.colonOffset !== undefined) node.colonOffset += start;
    return { path: [...this.#pathOf(index), ...inner.path], previousNode: node, isAtPropertyKey: inner.isAtPropertyKey };
  }

  /** The path of an object as getLocation's scan has it when it enters the object. */
  #pathOf(index: number): JSONPath {
    const tails: (readonly PathSegment[])[] = [];
    for (let row = index; row >= 0; row = this.#layout.parents[row]) tails.push(this.#layout.tails[row]);
    return tails.reverse().flat();
  }

  /**
   * The innermost object that getLocation's scan would be inside when it stops for `offset`: it
   * opened before the offset and its `}` is not before it. Objects nest, so it is the latest to
   * open before the offset or one of that one's ancestors.
   */
  #innermost(offset: number): number {
    const { opens, closes, parents } = this.#layout;
    let index = lastBelow(opens, offset);
    while (index >= 0 && offset > closes[index]) index = parents[index];
    return index;
  }
}
