// Offset-based edits that add, change or remove top-level properties while keeping the file's
// layout (indentation, one property per line or all on one line) and its commas valid.
import type { TopLevelObject, TopLevelProperty } from '../engine/types';

export interface OffsetEdit {
  offset: number;
  length: number;
  newText: string;
}

/** Inserts `"key": valueText` after `after` (or as the only property when the object is empty). */
export function insertPropertyEdit(text: string, object: TopLevelObject, key: string, valueText: string, after?: TopLevelProperty): OffsetEdit {
  const property = `${JSON.stringify(key)}: ${valueText}`;
  const anchor = after ?? object.properties.at(-1);
  if (!anchor || anchor.valueEnd < 0) {
    const eol = detectEol(text);
    const multiline = text.slice(object.openOffset, object.closeOffset).includes('\n');
    const newText = multiline ? `${eol}  ${property}` : object.closeOffset === object.openOffset + 1 ? `${eol}  ${property}${eol}` : ` ${property} `;
    return { offset: object.openOffset + 1, length: 0, newText };
  }
  const lineStart = text.lastIndexOf('\n', anchor.keyOffset - 1) + 1;
  const indent = text.slice(lineStart, anchor.keyOffset);
  const separator = /^[ \t]*$/.test(indent) ? `${detectEol(text)}${indent}` : ' ';
  return { offset: anchor.valueEnd, length: 0, newText: `,${separator}${property}` };
}

/**
 * Removes the given properties with their separating commas. Adjacent removals are merged, so the
 * edits never overlap even when several neighbouring properties go at once.
 */
export function removePropertiesEdits(object: TopLevelObject, remove: ReadonlySet<TopLevelProperty>): OffsetEdit[] {
  const spans: [number, number][] = [];
  const { properties } = object;
  properties.forEach((property, index) => {
    if (!remove.has(property)) return;
    const end = property.valueEnd >= 0 ? property.valueEnd : property.keyOffset + property.keyLength;
    const next = properties[index + 1];
    if (next) {
      spans.push([property.keyOffset, next.keyOffset]);
      return;
    }
    const keptBefore = properties.slice(0, index).reverse().find((candidate) => !remove.has(candidate));
    spans.push([keptBefore && keptBefore.valueEnd >= 0 ? keptBefore.valueEnd : property.keyOffset, end]);
  });
  spans.sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const span of spans) {
    const last = merged.at(-1);
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([...span]);
  }
  return merged.map(([start, end]) => ({ offset: start, length: end - start, newText: '' }));
}

export function detectEol(text: string): string {
  const newline = text.indexOf('\n');
  return newline > 0 && text[newline - 1] === '\r' ? '\r\n' : '\n';
}
