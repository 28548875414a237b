// web/src/storage.js: reading what localStorage holds (corrupt, foreign, old,
// future, partly broken), strict import validation, and the two-tab merge.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  APP, MAX_ANSWER, SCHEMA, emptyProgress, mergeProgress, migrateV1, readStored, schemaOf, serialize, validateImport,
} from '../../web/src/storage.js';

const entry = (over = {}) => ({ answer: '6x-4', verdict: 'correct', attempts: 2, hintsUsed: 1, updatedAt: 100, ...over });
const progressWith = (boxes, extra = {}) => ({ ...emptyProgress(), boxes, ...extra });

test('nothing stored reads as empty progress, not as a problem', () => {
  const r = readStored(null);
  assert.deepEqual(r.progress, emptyProgress());
  assert.equal(r.unreadable, false);
  assert.deepEqual(r.dropped, []);
});

test('corrupt JSON is unreadable and yields empty progress', () => {
  const r = readStored('{"schema":2,"app":"calculus-workbook","boxes":{');
  assert.equal(r.unreadable, true);
  assert.equal(r.reason, 'not JSON');
  assert.deepEqual(r.progress.boxes, {});
});

test('foreign JSON (another app, an array, a number) is unreadable, not merged', () => {
  for (const text of ['{"todos":[1,2]}', '[1,2,3]', '42', '"progress"', 'null']) {
    const r = readStored(text);
    assert.equal(r.unreadable, true, text);
    assert.equal(r.reason, 'not workbook progress', text);
  }
});

test('progress from a newer schema is left alone and reported as such', () => {
  const r = readStored(JSON.stringify({ schema: SCHEMA + 1, app: APP, boxes: {} }));
  assert.equal(r.unreadable, true);
  assert.equal(r.reason, 'saved by a newer version');
});

test('valid entries survive next to broken ones, and each broken one is reported', () => {
  const stored = progressWith({
    'calculus.example-derivative': entry(),
    'calculus.ex1-tangent/slope': entry({ verdict: 'maybe' }),
    'bad id with spaces': entry(),
    'calculus.ex2-gradient/grad': entry({ attempts: -1 }),
    'calculus.ex3-norm-gradient/grad': 'not an object',
  });
  stored.exercises = { 'calculus.ex1-tangent': { seed: 7, updatedAt: 5 }, 'calculus.ex2-gradient': { seed: 'x', updatedAt: 5 } };
  const r = readStored(JSON.stringify(stored));
  assert.equal(r.unreadable, false);
  assert.deepEqual(Object.keys(r.progress.boxes), ['calculus.example-derivative']);
  assert.deepEqual(r.progress.boxes['calculus.example-derivative'], entry());
  assert.deepEqual(r.progress.exercises, { 'calculus.ex1-tangent': { seed: 7, updatedAt: 5 } });
  assert.equal(r.dropped.length, 5);
  assert.ok(r.dropped.some((d) => d.includes('bad verdict')));
  assert.ok(r.dropped.some((d) => d.includes('bad attempts')));
  assert.ok(r.dropped.some((d) => d.includes('bad seed')));
});

test('unknown fields inside an entry are not carried over', () => {
  const r = readStored(JSON.stringify(progressWith({ 'a.b': { ...entry(), html: '<img src=x>' } })));
  assert.deepEqual(Object.keys(r.progress.boxes['a.b']).sort(), ['answer', 'attempts', 'hintsUsed', 'updatedAt', 'verdict']);
});

test('schema 1 is migrated: answers, verdicts and attempts kept, unknown verdicts dropped to null', () => {
  const v1 = {
    version: 1,
    answers: { 'calculus.example-derivative': '6x-4', 'calculus.ex1-tangent/slope': '3' },
    verdicts: { 'calculus.example-derivative': 'correct', 'calculus.ex1-tangent/slope': 'bogus' },
    attempts: { 'calculus.example-derivative': 3 },
  };
  assert.equal(schemaOf(v1), 'v1');
  const r = readStored(JSON.stringify(v1));
  assert.equal(r.migrated, true);
  assert.equal(r.progress.schema, SCHEMA);
  assert.deepEqual(r.progress.boxes['calculus.example-derivative'],
    { answer: '6x-4', verdict: 'correct', attempts: 3, hintsUsed: 0, updatedAt: 0 });
  assert.deepEqual(r.progress.boxes['calculus.ex1-tangent/slope'],
    { answer: '3', verdict: null, attempts: 0, hintsUsed: 0, updatedAt: 0 });
  assert.deepEqual(migrateV1({ version: 1, verdicts: { 'x.y': 'incorrect' } }).boxes['x.y'].answer, '');
});

test('import rejects the whole file on any problem, and accepts a clean one', () => {
  const good = progressWith({ 'calculus.example-derivative': entry() });
  const ok = validateImport(serialize(good));
  assert.equal(ok.ok, true);
  assert.deepEqual(ok.progress.boxes, good.boxes);

  const partlyBad = progressWith({ 'calculus.example-derivative': entry(), 'x.y': entry({ answer: 5 }) });
  const rejected = validateImport(serialize(partlyBad));
  assert.equal(rejected.ok, false);
  assert.match(rejected.error, /bad answer/);

  assert.equal(validateImport('not json').ok, false);
  assert.match(validateImport('{"a":1}').error, /not a Calculus Workbook/);
  assert.match(validateImport(JSON.stringify({ schema: 99, app: APP })).error, /newer version/);
  assert.equal(validateImport('x'.repeat(2_000_001)).ok, false);
  assert.equal(validateImport(undefined).ok, false);
});

test('merge keeps the newer entry per box and drops everything older than a reset', () => {
  const a = progressWith({ p: entry({ answer: 'old', updatedAt: 10 }), q: entry({ answer: 'q', updatedAt: 20 }) });
  const b = progressWith({ p: entry({ answer: 'new', updatedAt: 30 }), r: entry({ answer: 'r', updatedAt: 5 }) });
  const merged = mergeProgress(a, b);
  assert.equal(merged.boxes.p.answer, 'new');
  assert.equal(merged.boxes.q.answer, 'q');
  assert.equal(merged.boxes.r.answer, 'r');
  assert.deepEqual(mergeProgress(b, a).boxes, merged.boxes, 'merge is symmetric');

  const reset = progressWith({}, { resetAt: 15 });
  const afterReset = mergeProgress(a, reset);
  assert.equal(afterReset.resetAt, 15);
  assert.deepEqual(Object.keys(afterReset.boxes), ['q']);
});

test('an answer longer than the cap is dropped as damaged, one at the cap is kept', () => {
  const atCap = readStored(JSON.stringify(progressWith({ 'a.b': entry({ answer: 'x'.repeat(MAX_ANSWER) }) })));
  assert.equal(atCap.progress.boxes['a.b'].answer.length, MAX_ANSWER);
  const over = readStored(JSON.stringify(progressWith({ 'a.b': entry({ answer: 'x'.repeat(MAX_ANSWER + 1) }) })));
  assert.deepEqual(over.progress.boxes, {});
  assert.equal(over.dropped.length, 1);
});
