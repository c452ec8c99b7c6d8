// The built-in type catalogue: each type valid, and each of its rules at its boundary, with the
// diagnostic on the smallest node and a message naming the type.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FILE, PROJECT, RECORD, assertRangeMatchesOffsets, codes, one, only, record, spanOf, validate } from './helpers';

const DATABASE = 'database-GFxBv8Q0Jx5Kq3YbZ2pF9gJz';
const link = (id: string) => ({ $dnanexus_link: id });
const typed = (types: string[], details: unknown, fields: Record<string, unknown> = {}) => record({ types, details, ...fields });

test('an untyped record, or one whose types have no schema, gets no typed diagnostic', () => {
  assert.deepEqual(codes(validate(record({ details: { archiveFileId: 1 } }))), []);
  assert.deepEqual(codes(validate(typed(['SampleSheet', 'Report'], { anything: 1 }))), []);
});

test('AssetBundle: valid with a file link and a version property', () => {
  assert.deepEqual(codes(validate(typed(['AssetBundle'], { archiveFileId: link(FILE) }, { properties: { version: '1.0.0' } }))), []);
});

test('AssetBundle without archiveFileId: an error on the "details" key saying what to add and why', () => {
  const text = typed(['AssetBundle'], { other: 1 }, { properties: { version: '1' } });
  const d = one(validate(text), 'type-details-invalid');
  assert.equal(spanOf(text, d), '"details"');
  assert.equal(
    d.message,
    'AssetBundle records need `details.archiveFileId`: a link to the asset\'s tarball file, e.g. {"$dnanexus_link": "file-…"}; the asset builder refuses the record without it.',
  );
  assertRangeMatchesOffsets(text, d);
});

test('AssetBundle with no details at all: the error sits on its types entry', () => {
  const text = record({ types: ['x', 'AssetBundle'], properties: { version: '1' } });
  const d = one(validate(text), 'type-details-invalid');
  assert.equal(spanOf(text, d), '"AssetBundle"');
});

test('a missing-field diagnostic names the field, its type and the object that lacks it, for the quick fix', () => {
  const text = typed(['ContigSet'], { contigs: { names: ['chr1'] } });
  const d = one(validate(text), 'type-details-invalid');
  assert.deepEqual(d.data, { missing: 'sizes', type: 'ContigSet', part: 'details', path: ['contigs'], objectOffset: text.indexOf('{', text.indexOf('"contigs"')) });
  const absent = one(validate(record({ types: ['AssetBundle'], properties: { version: '1' } })), 'type-details-invalid');
  assert.deepEqual(absent.data, { missing: 'archiveFileId', type: 'AssetBundle', part: 'details', path: [] }, 'no details: no object to insert into');
  const bare = one(validate(typed(['AssetBundle'], { archiveFileId: FILE }, { properties: { version: '1' } })), 'type-link-class');
  assert.deepEqual(bare.data, { bareId: FILE });
});

test('AssetBundle archiveFileId linking to a record, or holding a bare ID: type-link-class on the value', () => {
  const toRecord = typed(['AssetBundle'], { archiveFileId: link(RECORD) }, { properties: { version: '1' } });
  const d = one(validate(toRecord), 'type-link-class');
  assert.deepEqual(JSON.parse(spanOf(toRecord, d)), link(RECORD));
  assert.match(d.message, /links to a record .* must link to a file \(AssetBundle: a link to the asset's tarball file/);

  const bare = typed(['AssetBundle'], { archiveFileId: FILE }, { properties: { version: '1' } });
  const b = one(validate(bare), 'type-link-class');
  assert.equal(spanOf(bare, b), JSON.stringify(FILE));
  assert.match(b.message, /bare ID .* is written \{"\$dnanexus_link": "file-/);
});

test('AssetBundle: a project-form link to a file satisfies the link class (only the form warning remains)', () => {
  const text = typed(['AssetBundle'], { archiveFileId: { $dnanexus_link: { project: PROJECT, id: FILE } } }, { properties: { version: '1' } });
  assert.deepEqual(codes(validate(text)), ['link-project-form']);
});

test('AssetBundle without a version property: a warning on "properties", or on the types entry when there are none', () => {
  const withProps = typed(['AssetBundle'], { archiveFileId: link(FILE) }, { properties: { title: 't' } });
  const d = one(validate(withProps), 'type-property-missing');
  assert.equal(d.severity, 'warning');
  assert.equal(spanOf(withProps, d), '"properties"');
  assert.match(d.message, /AssetBundle .*version/);
  const none = typed(['AssetBundle'], { archiveFileId: link(FILE) });
  assert.equal(spanOf(none, one(validate(none), 'type-property-missing')), '"AssetBundle"');
});

test('AssetBundle x-dx-record: a non-string version property is reported for the type', () => {
  // property-value-not-string (the platform's rule) and the type's rule both say so.
  const text = typed(['AssetBundle'], { archiveFileId: link(FILE) }, { properties: { version: 2 } });
  const d = one(validate(text), 'type-details-invalid');
  assert.equal(spanOf(text, d), '2');
  assert.match(d.message, /`properties.version` must be string \(AssetBundle/);
});

test('Dataset: valid at version "3.0" with database links', () => {
  const details = { descriptor: link(FILE), version: '3.0', schema: 's', name: 'n', description: 'd', databases: [{ db: link(DATABASE) }] };
  assert.deepEqual(codes(validate(typed(['Dataset'], details))), []);
  assert.deepEqual(codes(validate(typed(['Dataset'], { ...details, version: '3' }))), []);
});

test('Dataset version below "3.0" (or not a number) is a type-rule error on the value; "3.0" is not', () => {
  for (const version of ['2.9', 'abc', '']) {
    const text = typed(['Dataset'], { descriptor: link(FILE), version });
    const d = one(validate(text), 'type-rule');
    assert.equal(d.severity, 'error');
    assert.equal(spanOf(text, d), JSON.stringify(version));
    assert.match(d.message, /Dataset.*3\.0/);
  }
  const number = typed(['Dataset'], { descriptor: link(FILE), version: 3 });
  assert.equal(spanOf(number, one(validate(number), 'type-details-invalid')), '3');
});

test('Dataset: descriptor missing, and a database entry linking to a file', () => {
  const missing = typed(['Dataset'], { version: '3.0' });
  assert.match(one(validate(missing), 'type-details-invalid').message, /^Dataset records need `details.descriptor`: a link to the gzipped JSON descriptor file/);
  const text = typed(['Dataset'], { descriptor: link(FILE), databases: [{ db: link(FILE) }] });
  const d = one(validate(text), 'type-link-class');
  assert.deepEqual(JSON.parse(spanOf(text, d)), link(FILE));
  assert.match(d.message, /`details.databases\[0\].db` links to a file .* must link to a database \(Dataset/);
});

test('CohortBrowser: valid as dx create_cohort writes it, combined sources in the project form', () => {
  const details = {
    dataset: link(RECORD),
    databases: [DATABASE],
    filters: { logic: 'and', pheno_filters: {} },
    schema: 's',
    sql: 'SELECT 1',
    baseSql: 'SELECT 0',
    version: '3.0',
    description: 'd',
    combined: { source: [{ $dnanexus_link: { project: PROJECT, id: RECORD } }] },
  };
  assert.deepEqual(codes(validate(typed(['DatabaseQuery', 'CohortBrowser'], details))), ['link-project-form']);
});

test('CohortBrowser: dataset missing, a dataset link to a file, a version other than "3.0"', () => {
  const missing = validate(typed(['CohortBrowser'], { version: '3.0' }));
  assert.match(one(missing, 'type-details-invalid').message, /^CohortBrowser records need `details.dataset`/);
  const wrong = typed(['CohortBrowser'], { dataset: link(FILE) });
  assert.match(one(validate(wrong), 'type-link-class').message, /must link to a record/);
  const version = typed(['CohortBrowser'], { dataset: link(RECORD), version: '2.0' });
  const d = one(validate(version), 'type-details-invalid');
  assert.equal(spanOf(version, d), '"2.0"');
  assert.match(d.message, /must be equal to constant "3\.0"/);
});

const contigs = (c: Record<string, unknown>, extra: Record<string, unknown> = {}) => typed(['ContigSet'], { contigs: c, ...extra });

test('ContigSet: valid with names and sizes, and with consistent offsets and a flat sequence file', () => {
  assert.deepEqual(codes(validate(contigs({ names: ['chr1'], sizes: [10] }))), []);
  const flat = contigs({ names: ['chr1', 'chr2', 'chr3'], sizes: [10, 5, 7], offsets: [12, 0, 5] }, { flat_sequence_file: link(FILE) });
  assert.deepEqual(codes(validate(flat)), []);
});

test('ContigSet: contigs or names missing, empty names, an empty name, a negative size', () => {
  const noContigs = typed(['ContigSet'], {});
  assert.equal(spanOf(noContigs, one(validate(noContigs), 'type-details-invalid')), '"details"');
  const noNames = contigs({ sizes: [] });
  const d = one(validate(noNames), 'type-details-invalid');
  assert.equal(spanOf(noNames, d), '"contigs"', 'the missing field\'s parent object key');
  assert.match(d.message, /^ContigSet records need `details.contigs.names`: the contig names/);
  assert.equal(spanOf(contigs({ names: [], sizes: [] }), one(validate(contigs({ names: [], sizes: [] })), 'type-details-invalid')), '[]');
  const emptyName = contigs({ names: ['a', ''], sizes: [1, 1] });
  assert.equal(spanOf(emptyName, one(validate(emptyName), 'type-details-invalid')), '""');
  const negative = contigs({ names: ['a'], sizes: [-1] });
  const n = one(validate(negative), 'type-details-invalid');
  assert.equal(spanOf(negative, n), '-1');
  assert.match(n.message, /sizes\[0\]` must be >= 0 \(ContigSet/);
});

test('ContigSet: duplicate names and lengths that differ are type-rule errors on the offending node', () => {
  const dup = contigs({ names: ['a', 'b', 'a'], sizes: [1, 1, 1] });
  const d = one(validate(dup), 'type-rule');
  assert.equal(d.severity, 'error');
  assert.equal(d.offset, dup.lastIndexOf('"a"'));
  const sizes = contigs({ names: ['a', 'b'], sizes: [1] });
  const s = one(validate(sizes), 'type-rule');
  assert.deepEqual(JSON.parse(spanOf(sizes, s)), [1]);
  assert.match(s.message, /has 1 entries but `details.contigs.names` has 2/);
  const offsets = contigs({ names: ['a', 'b'], sizes: [1, 1], offsets: [0] });
  assert.deepEqual(JSON.parse(spanOf(offsets, one(validate(offsets), 'type-rule'))), [0]);
});

test('ContigSet offsets: a gap or overlap is an error, a non-zero start and a zero size are warnings', () => {
  const gap = contigs({ names: ['a', 'b'], sizes: [10, 5], offsets: [0, 11] });
  const g = one(validate(gap), 'type-rule');
  assert.equal(g.severity, 'error');
  assert.equal(spanOf(gap, g), '11');
  assert.match(g.message, /ends at 10/);
  const shifted = contigs({ names: ['a', 'b'], sizes: [10, 5], offsets: [3, 13] });
  const w = one(validate(shifted), 'type-rule');
  assert.equal(w.severity, 'warning');
  assert.equal(spanOf(shifted, w), '3');
  const zero = contigs({ names: ['a', 'b'], sizes: [0, 5] });
  const z = one(validate(zero), 'type-rule');
  assert.equal(z.severity, 'warning');
  assert.equal(spanOf(zero, z), '0');
});

test('ContigSet: a flat sequence file needs offsets; it must be a file link', () => {
  const text = contigs({ names: ['a'], sizes: [1] }, { flat_sequence_file: link(FILE) });
  const d = one(validate(text), 'type-rule');
  assert.equal(spanOf(text, d), '"flat_sequence_file"');
  const wrong = contigs({ names: ['a'], sizes: [1], offsets: [0] }, { flat_sequence_file: link(RECORD) });
  one(validate(wrong), 'type-link-class');
});

test('HTMLReport: valid; files missing; a file entry that links to a record', () => {
  assert.deepEqual(codes(validate(typed(['Report', 'HTMLReport'], { files: [link(FILE)], width: 800, height: '600' }))), []);
  assert.match(one(validate(typed(['Report', 'HTMLReport'], {})), 'type-details-invalid').message, /^HTMLReport records need `details.files`/);
  const text = typed(['HTMLReport'], { files: [link(FILE), link(RECORD)] });
  const d = one(validate(text), 'type-link-class');
  assert.match(d.message, /`details.files\[1\]`/);
});

test('a type one edit or only case away from a built-in one is a near-miss warning; exact and distant names are not', () => {
  // Twice: the second time each name's comparison is remembered, with the same outcome.
  for (let round = 0; round < 2; round++) {
    for (const [name, meant] of [['Assetbundle', 'AssetBundle'], ['Dataset ', 'Dataset'], ['ContigSets', 'ContigSet'], ['htmlreport', 'HTMLReport']]) {
      const text = record({ types: [name] });
      const d = one(validate(text), 'type-name-near-miss');
      assert.equal(d.severity, 'warning');
      assert.equal(spanOf(text, d), JSON.stringify(name));
      assert.match(d.message, new RegExp(`Did you mean "${meant}"`));
    }
    for (const name of ['Data', 'Asset', 'SampleSheet', 'CohortBrowsers2', `AssetBundle${'s'.repeat(10_000)}`]) assert.deepEqual(codes(validate(record({ types: [name] }))), [], name.slice(0, 40));
  }
});

test('types after details give the same diagnostics as types before (details rebuilt from its span)', () => {
  const details = { contigs: { names: ['a', 'a'], sizes: [1, -1] } };
  const before = record({ types: ['ContigSet'], details });
  const after = record({ details, types: ['ContigSet'] });
  const spans = (text: string) => validate(text).diagnostics.map((d) => [d.code, spanOf(text, d), d.message]);
  assert.deepEqual(spans(after), spans(before));
  assert.equal(spans(before).length, 2);
});

test('the last details and the last types count, as on the platform', () => {
  const text = `{"project": "${PROJECT}", "types": ["AssetBundle"], "details": {"archiveFileId": 1}, "properties": {"version": "1"}, "details": {"archiveFileId": {"$dnanexus_link": "${FILE}"}}}`;
  assert.deepEqual(codes(validate(text)), ['duplicate-key']);
  const retyped = `{"project": "${PROJECT}", "types": ["AssetBundle"], "types": ["Other"], "details": {}}`;
  assert.deepEqual(codes(validate(retyped)), ['duplicate-key']);
});

test('past 100 problems for one type the rest are counted in one line on the types entry', () => {
  const text = contigs({ names: Array.from({ length: 150 }, (_, i) => `c${i}`), sizes: Array.from({ length: 150 }, () => -1) });
  const result = validate(text);
  const invalid = only(result, 'type-details-invalid', 101);
  const summary = invalid.find((d) => /more problems/.test(d.message))!;
  assert.match(summary.message, /^50 more problems with the ContigSet type's rules/);
  assert.equal(spanOf(text, summary), '"ContigSet"');
});

test('a multi-megabyte ContigSet: an error deep inside is placed on the right line', () => {
  const count = 200_000;
  const names = Array.from({ length: count }, (_, i) => `contig_${i}_Zoë`);
  const sizes = names.map((_, i) => (i === count - 7 ? -5 : 1000 + i));
  const text = JSON.stringify({ project: PROJECT, types: ['ContigSet'], details: { contigs: { names, sizes } } }, null, 1);
  assert.ok(text.length > 5_000_000, `size ${text.length}`);
  const result = validate(text);
  const d = one(result, 'type-details-invalid');
  assert.equal(spanOf(text, d), '-5');
  assertRangeMatchesOffsets(text, d);
  assert.match(d.message, new RegExp(`sizes\\[${count - 7}\\]`));
});

test('details with a syntax error inside is still checked against its type, from what parsed', () => {
  const text = `{"project": "${PROJECT}", "types": ["AssetBundle"], "properties": {"version": "1"}, "details": {"archiveFileId": 5,}}`;
  const result = validate(text);
  assert.deepEqual(codes(result).sort(), ['json-syntax', 'type-link-class']);
  assert.equal(spanOf(text, one(result, 'type-link-class')), '5');
  const cut = `{"project": "${PROJECT}", "types": ["ContigSet"], "details": {"contigs": {"names": ["a", "a"], "sizes": [1, 2]`;
  assert.deepEqual(codes(validate(cut)).sort(), ['json-syntax', 'type-rule']);
});
