// web/src/progress-store.js over a fake localStorage: unreadable data is
// backed up before anything overwrites it, quota errors keep what was saved,
// and two tabs writing never wipe each other's entries.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { createProgressStore } from '../../web/src/progress-store.js';
import { APP, SCHEMA, STORAGE_KEY } from '../../web/src/storage.js';

function fakeStorage(initial = {}) {
  const map = new Map(Object.entries(initial));
  return {
    map,
    failWrites: null, // an Error to throw from setItem
    getItem(k) { return map.has(k) ? map.get(k) : null; },
    setItem(k, v) { if (this.failWrites) throw this.failWrites; map.set(k, String(v)); },
    removeItem(k) { map.delete(k); },
  };
}

function quotaError() {
  const err = new Error('The quota has been exceeded.');
  err.name = 'QuotaExceededError';
  return err;
}

let clock = 1000;
const now = () => (clock += 1);

test('an answer is written to storage and read back by a new store', () => {
  const storage = fakeStorage();
  const a = createProgressStore(storage, { now });
  a.load();
  a.updateBox('calculus.example-derivative', { answer: '6x-4', verdict: 'correct', attempts: 1, hintsUsed: 0 });
  const b = createProgressStore(storage, { now });
  assert.deepEqual(b.load(), { kind: 'ok' });
  assert.equal(b.box('calculus.example-derivative').answer, '6x-4');
  assert.equal(b.box('calculus.example-derivative').verdict, 'correct');
});

test('corrupt storage is backed up under its own key, and the page starts empty', () => {
  const storage = fakeStorage({ [STORAGE_KEY]: '{broken' });
  const store = createProgressStore(storage, { now });
  const statuses = [];
  store.onStatus((s) => statuses.push(s));
  const status = store.load();
  assert.equal(status.kind, 'unreadable');
  assert.equal(storage.getItem(status.backupKey), '{broken');
  assert.deepEqual(store.progress.boxes, {});
  assert.equal(JSON.parse(storage.getItem(STORAGE_KEY)).schema, SCHEMA);
  assert.deepEqual(statuses.map((s) => s.kind), ['unreadable']);
});

test('partly broken storage keeps the valid entries and reports the dropped ones', () => {
  const stored = {
    schema: SCHEMA, app: APP, resetAt: 0, exercises: {},
    boxes: {
      good: { answer: 'x', verdict: 'incorrect', attempts: 1, hintsUsed: 0, updatedAt: 1 },
      bad: { answer: 'x', verdict: 'incorrect', attempts: 'many', hintsUsed: 0, updatedAt: 1 },
    },
  };
  const storage = fakeStorage({ [STORAGE_KEY]: JSON.stringify(stored) });
  const store = createProgressStore(storage, { now });
  const status = store.load();
  assert.equal(status.kind, 'dropped');
  assert.equal(status.dropped.length, 1);
  assert.deepEqual(Object.keys(store.progress.boxes), ['good']);
  assert.deepEqual(Object.keys(JSON.parse(storage.getItem(STORAGE_KEY)).boxes), ['good']);
});

test('a quota error is reported and leaves the previously saved progress intact', () => {
  const storage = fakeStorage();
  const store = createProgressStore(storage, { now });
  store.load();
  store.updateBox('a.one', { answer: '1', verdict: 'correct', attempts: 1, hintsUsed: 0 });
  const saved = storage.getItem(STORAGE_KEY);
  const statuses = [];
  store.onStatus((s) => statuses.push(s.kind));
  storage.failWrites = quotaError();
  store.updateBox('a.two', { answer: '2', verdict: 'incorrect', attempts: 1, hintsUsed: 0 });
  assert.deepEqual(statuses, ['quota']);
  assert.equal(storage.getItem(STORAGE_KEY), saved);
  assert.equal(store.box('a.two').answer, '2', 'the tab still holds the new answer');
  assert.equal(store.reset(), false);
});

test('storage that throws on read is reported as blocked', () => {
  const storage = { getItem() { throw new Error('SecurityError'); }, setItem() { throw new Error('SecurityError'); } };
  const store = createProgressStore(storage, { now });
  assert.deepEqual(store.load(), { kind: 'blocked' });
});

test('two tabs writing different boxes keep both', () => {
  const storage = fakeStorage();
  const tab1 = createProgressStore(storage, { now });
  const tab2 = createProgressStore(storage, { now });
  tab1.load();
  tab2.load();
  tab1.updateBox('a.one', { answer: '1', verdict: 'correct', attempts: 1, hintsUsed: 0 });
  tab2.updateBox('a.two', { answer: '2', verdict: 'correct', attempts: 1, hintsUsed: 0 });
  const stored = JSON.parse(storage.getItem(STORAGE_KEY));
  assert.deepEqual(Object.keys(stored.boxes).sort(), ['a.one', 'a.two']);
  tab1.absorb(storage.getItem(STORAGE_KEY));
  assert.equal(tab1.box('a.two').answer, '2');
});

test('reset in one tab wins over older entries the other tab still holds', () => {
  const storage = fakeStorage();
  const tab1 = createProgressStore(storage, { now });
  const tab2 = createProgressStore(storage, { now });
  tab1.load();
  tab1.updateBox('a.one', { answer: '1', verdict: 'correct', attempts: 1, hintsUsed: 0 });
  tab2.load();
  tab1.reset();
  tab2.setSeed('a', 5); // a later write from the tab that still remembers a.one
  const stored = JSON.parse(storage.getItem(STORAGE_KEY));
  assert.deepEqual(stored.boxes, {});
  assert.equal(stored.exercises.a.seed, 5);
});

test('replace (import) overrides newer stored entries and restamps them', () => {
  const storage = fakeStorage();
  const store = createProgressStore(storage, { now });
  store.load();
  store.updateBox('a.one', { answer: 'mine', verdict: 'incorrect', attempts: 4, hintsUsed: 0 });
  const imported = { boxes: { 'a.two': { answer: 'theirs', verdict: 'correct', attempts: 1, hintsUsed: 0, updatedAt: 0 } }, exercises: {} };
  assert.equal(store.replace(imported), true);
  const stored = JSON.parse(storage.getItem(STORAGE_KEY));
  assert.deepEqual(Object.keys(stored.boxes), ['a.two']);
  assert.ok(stored.boxes['a.two'].updatedAt >= stored.resetAt);
});

test('old-schema storage is migrated and written back in the current schema', () => {
  const storage = fakeStorage({ [STORAGE_KEY]: JSON.stringify({ version: 1, answers: { 'a.one': 'x' }, verdicts: { 'a.one': 'incorrect' } }) });
  const store = createProgressStore(storage, { now });
  assert.equal(store.load().kind, 'migrated');
  const stored = JSON.parse(storage.getItem(STORAGE_KEY));
  assert.equal(stored.schema, SCHEMA);
  assert.equal(stored.boxes['a.one'].verdict, 'incorrect');
});
