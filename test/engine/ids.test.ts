import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PROJECT, RECORD, codes, one, record, spanOf, validate } from './helpers';

test('a project or container ID is accepted and becomes a fact', () => {
  for (const project of [PROJECT, 'container-GFxBq2j0Jx5QZ8gk4Yp9VbKq']) {
    const text = JSON.stringify({ project });
    const result = validate(text);
    assert.deepEqual(codes(result), []);
    assert.equal(result.facts.project?.value, project);
    assert.equal(spanOf(text, result.facts.project!), JSON.stringify(project));
  }
});

test('a project that does not have the ID shape is invalid-id, on the value', () => {
  const cases: [string, RegExp][] = [
    ['project-123', /3 characters after "project-"/],
    ['project-GFxBq2j0Jx5QZ8gk4Yp9VbKqX', /25 characters/],
    ['my project', /not an ID/],
    ['project-GFxBq2j0Jx5QZ8gk4Yp9Vb_q', /contains "_"/],
    ['Project-GFxBq2j0Jx5QZ8gk4Yp9VbKq', /lower-case/],
    ['', /not an ID/],
  ];
  for (const [project, message] of cases) {
    const text = JSON.stringify({ project });
    const result = validate(text);
    const d = one(result, 'invalid-id');
    assert.equal(d.severity, 'error');
    assert.match(d.message, message);
    assert.equal(spanOf(text, d), JSON.stringify(project));
    assert.equal(result.facts.project, undefined);
  }
});

test('a well-formed ID of another class is wrong-id-class', () => {
  const text = JSON.stringify({ project: RECORD });
  const d = one(validate(text), 'wrong-id-class');
  assert.match(d.message, /"record" ID/);
  assert.equal(spanOf(text, d), JSON.stringify(RECORD));
});

test('characters outside the platform alphabet are a warning only', () => {
  const project = 'project-aaaaaaaaaaaaaaaaaaaaaaaa';
  const text = JSON.stringify({ project });
  const result = validate(text);
  const d = one(result, 'id-alphabet');
  assert.equal(d.severity, 'warning');
  assert.match(d.message, /"a"/);
  assert.equal(result.facts.project?.value, project, 'still usable for the platform checks');
  assert.deepEqual(codes(validate(JSON.stringify({ project: 'project-0123456789BFGJKPQVXYZbfg' }))), []);
});

test('initializeFrom: id must be a record, project a container; both become facts', () => {
  const good = validate(record({ initializeFrom: { project: PROJECT, id: RECORD } }));
  assert.deepEqual(codes(good), []);
  assert.equal(good.facts.initializeFrom?.id?.value, RECORD);
  assert.equal(good.facts.initializeFrom?.project?.value, PROJECT);

  const wrongId = record({ initializeFrom: { project: PROJECT, id: 'file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz' } });
  const d1 = one(validate(wrongId), 'wrong-id-class');
  assert.match(d1.message, /initializeFrom\.id/);
  assert.equal(spanOf(wrongId, d1), '"file-GFxBv8Q0Jx5Kq3YbZ2pF9gJz"');

  const wrongProject = record({ initializeFrom: { project: RECORD, id: RECORD } });
  assert.match(one(validate(wrongProject), 'wrong-id-class').message, /initializeFrom\.project/);

  one(validate(record({ initializeFrom: { project: PROJECT, id: 'record-1' } })), 'invalid-id');
});

test('initializeFrom missing a field, with an extra key, or of the wrong type', () => {
  const missing = record({ initializeFrom: { project: PROJECT } });
  assert.match(one(validate(missing), 'type-mismatch').message, /needs "id"/);
  const extra = record({ initializeFrom: { project: PROJECT, id: RECORD, name: 'x' } });
  const d = one(validate(extra), 'unknown-field');
  assert.equal(spanOf(extra, d), '"name"');
  one(validate(record({ initializeFrom: RECORD })), 'type-mismatch');
});

test('a non-string project is a type mismatch, not an ID error', () => {
  const text = JSON.stringify({ project: 42 });
  const d = one(validate(text), 'type-mismatch');
  assert.match(d.message, /"project" must be text/);
  assert.deepEqual(codes(validate(text)), ['type-mismatch']);
});
