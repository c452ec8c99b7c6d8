// Cross-field rules of the built-in types that JSON Schema cannot say (type-rule), and the
// properties a type's lookup convention needs (type-property-missing).

import { quote } from '../rules/ids';
import type { TypeReport } from './typeReport';
import { labelOf, type CheckedPart } from './part';

export interface ConventionInput {
  out: TypeReport;
  details: CheckedPart;
  properties: CheckedPart;
}

type Convention = (input: ConventionInput) => void;

function member(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

const isCount = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

function contigSet({ out, details }: ConventionInput): void {
  const contigs = member(details.value, 'contigs');
  const names = member(contigs, 'names');
  const sizes = member(contigs, 'sizes');
  const offsets = member(contigs, 'offsets');
  const at = (...path: (string | number)[]) => details.siteAt(['contigs', ...path.map(String)]) ?? details.anchor;
  const label = (...path: (string | number)[]) => labelOf(details, ['contigs', ...path.map(String)]);

  if (Array.isArray(names)) {
    const first = new Map<unknown, number>();
    names.forEach((name, i) => {
      if (typeof name !== 'string') return;
      const earlier = first.get(name);
      if (earlier === undefined) first.set(name, i);
      else out.add('type-rule', 'error', `Contig name ${quote(name)} appears again at \`${label('names', i)}\` (first at index ${earlier}); ContigSet contig names must be unique.`, at('names', i));
    });
  }
  const lengthsMatch = (key: 'sizes' | 'offsets', list: unknown): boolean => {
    if (!Array.isArray(list) || !Array.isArray(names)) return false;
    if (list.length === names.length) return true;
    out.add('type-rule', 'error', `\`${label(key)}\` has ${list.length} entries but \`${label('names')}\` has ${names.length}; ContigSet needs one ${key === 'sizes' ? 'size' : 'offset'} per contig name, in the same order.`, at(key));
    return false;
  };
  const sizesOk = lengthsMatch('sizes', sizes);
  if (Array.isArray(sizes)) {
    sizes.forEach((size, i) => {
      if (size === 0) out.add('type-rule', 'warning', `\`${label('sizes', i)}\` is 0: an empty contig is almost always a mistake in a ContigSet.`, at('sizes', i));
    });
  }
  if (lengthsMatch('offsets', offsets) && sizesOk) checkOffsets(out, offsets as unknown[], sizes as unknown[], names as unknown[], at, label);
  if (member(details.value, 'flat_sequence_file') !== undefined && offsets === undefined) {
    const site = details.siteAt(['flat_sequence_file']);
    out.add('type-rule', 'error', 'A ContigSet with `details.flat_sequence_file` needs `details.contigs.offsets`: where each contig starts in that file.', site?.key ?? details.anchor);
  }
}

/** Laid end to end in the flat file: sorted by offset, each contig starts where the previous one ends, the first at 0. */
function checkOffsets(
  out: TypeReport,
  offsets: unknown[],
  sizes: unknown[],
  names: unknown[],
  at: (...path: (string | number)[]) => { offset: number; length: number },
  label: (...path: (string | number)[]) => string,
): void {
  if (!offsets.every(isCount) || !sizes.every(isCount)) return;
  const order = offsets.map((_, i) => i).sort((a, b) => (offsets[a] as number) - (offsets[b] as number));
  const firstIndex = order[0];
  if (firstIndex !== undefined && offsets[firstIndex] !== 0) {
    out.add('type-rule', 'warning', `The smallest offset, \`${label('offsets', firstIndex)}\`, is ${String(offsets[firstIndex])}; a ContigSet's first contig normally starts at 0 in the flat sequence file.`, at('offsets', firstIndex));
  }
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1];
    const i = order[k];
    const expected = (offsets[prev] as number) + (sizes[prev] as number);
    if (offsets[i] !== expected) {
      out.add(
        'type-rule',
        'error',
        `\`${label('offsets', i)}\` is ${String(offsets[i])} but the contig before it (${quote(String(names[prev]))}, offset ${String(offsets[prev])}, size ${String(sizes[prev])}) ends at ${expected}; ContigSet offsets must follow the sizes with no gaps or overlaps.`,
        at('offsets', i),
      );
    }
  }
}

function dataset({ out, details }: ConventionInput): void {
  const version = member(details.value, 'version');
  if (typeof version !== 'string') return;
  const number = Number(version);
  if (version.trim() !== '' && Number.isFinite(number) && number >= 3) return;
  out.add(
    'type-rule',
    'error',
    `\`details.version\` is ${quote(version)}; dx's dataset tools read a Dataset's version as a number and refuse anything below "3.0". Use "3.0" or later.`,
    details.siteAt(['version']) ?? details.anchor,
  );
}

function assetBundle({ out, properties }: ConventionInput): void {
  if (member(properties.value, 'version') !== undefined) return;
  out.add(
    'type-property-missing',
    'warning',
    'AssetBundle records are found by name and the `version` property (dx build_asset and apps look them up that way); add `"properties": {"version": "1.0.0"}` or the asset cannot be found by version.',
    properties.anchor,
  );
}

export const CONVENTIONS: Readonly<Record<string, Convention>> = { ContigSet: contigSet, Dataset: dataset, AssetBundle: assetBundle };
