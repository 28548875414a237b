// The page's core starts with no exercises and takes them from
// loadExercises() (web/exercise-files.mjs reads exercises/*.toml for it).
// web/catalog-snapshot.mjs: the catalog web/build.mjs builds into app.js is
// the one the same core gives once loaded with the same files, and a missing
// core or an exercise file the core refuses fails the build instead of
// shipping a page without (some of) its exercises.
// The core comes from scripts/build-wasm (build/wasm/web/); CALCCORE_SINGLE
// points at another build of calccore.single.js.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';

import { catalogSnapshot } from '../../web/catalog-snapshot.mjs';
import { loadExerciseFiles, readExerciseFiles } from '../../web/exercise-files.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corePath = path.resolve(process.env.CALCCORE_SINGLE ?? path.join(repoRoot, 'build/wasm/web/calccore.single.js'));
// A fresh instance of the core, with no exercises loaded.
const freshCore = () => require(corePath)();
const files = readExerciseFiles();
// A file the exercise reader refuses (a box without its kind, task or hints).
const BROKEN = { name: 'calculus.zz-broken.toml', text: 'id = "calculus.zz-broken"\norder = 99\n\n[[box]]\nid = "calculus.zz-broken/a"\n' };

before(() => {
  assert.ok(existsSync(corePath), `${corePath} is missing: run scripts/build-wasm first (or set CALCCORE_SINGLE)`);
});

test('the exercise files are exercises/*.toml, sorted by name, with their text', () => {
  assert.ok(files.length > 0);
  assert.deepEqual(files.map((f) => f.name), files.map((f) => f.name).sort());
  for (const { name, text } of files) {
    assert.match(name, /\.toml$/);
    assert.match(text, /^id\s*=/m, name);
  }
});

test('until loadExercises() the core has no exercises: an empty catalog, unknown boxes and exercises', async () => {
  const core = await freshCore();
  assert.deepEqual(JSON.parse(core.catalog()), { exercises: [] });
  const box = 'calculus.example-derivative';
  assert.equal(JSON.parse(core.grade(box, 'x', 0)).error?.code, 'unknown-box');
  assert.equal(JSON.parse(core.hint(box, 0, 0)).error?.code, 'unknown-box');
  assert.equal(JSON.parse(core.solution(box, 0)).error?.code, 'unknown-box');
  assert.equal(JSON.parse(core.variant('calculus.example', 1)).error?.code, 'unknown-exercise');
});

test('the snapshot is the catalog of the core loaded with the files, with every exercise and box', async () => {
  const text = await catalogSnapshot(path.dirname(corePath));
  const core = await freshCore();
  const summary = loadExerciseFiles(core, files);
  assert.equal(core.catalog(), text);
  const catalog = JSON.parse(text);
  assert.equal(catalog.exercises.length, files.length, 'one exercise per file');
  assert.equal(summary.exercises, catalog.exercises.length);
  assert.equal(summary.boxes, catalog.exercises.reduce((n, e) => n + e.boxes.length, 0));
  for (const exercise of catalog.exercises) {
    assert.ok(exercise.boxes.length > 0, exercise.id);
    assert.equal(exercise.seed, 0, `${exercise.id}: the book's numbers`);
  }
});

test('a broken file is reported with its name and line and left out; the others load', async () => {
  const core = await freshCore();
  const result = JSON.parse(core.loadExercises(JSON.stringify([...files, BROKEN])));
  assert.equal(result.exercises, files.length);
  assert.equal(result.errors.length, 1);
  const [error] = result.errors;
  assert.equal(error.file, BROKEN.name);
  assert.ok(Number.isInteger(error.line) && error.line >= 1, `line ${error.line}`);
  assert.ok(error.message.length > 0);
  assert.ok(!JSON.parse(core.catalog()).exercises.some((e) => e.id === 'calculus.zz-broken'));
  assert.throws(() => loadExerciseFiles(core, [...files, BROKEN]), /calculus\.zz-broken\.toml:\d+: /);
});

test('input that is not a JSON array of files is refused whole, the catalog unchanged', async () => {
  const core = await freshCore();
  loadExerciseFiles(core, files);
  const before = core.catalog();
  for (const input of ['', 'not json', '{"name":"a.toml"}', '[{"name":"a.toml","text":', '[{"name":1,"text":2}]']) {
    const result = JSON.parse(core.loadExercises(input));
    assert.equal(result.error?.code, 'bad-json', input);
    assert.ok(result.error.en && result.error.zh, input);
    assert.equal(core.catalog(), before, input);
  }
});

test('a second load replaces the catalog', async () => {
  const core = await freshCore();
  loadExerciseFiles(core, files);
  const [first] = files;
  assert.equal(loadExerciseFiles(core, [first]).exercises, 1);
  const ids = JSON.parse(core.catalog()).exercises.map((e) => e.id);
  assert.equal(ids.length, 1);
  assert.match(first.text, new RegExp(`^id\\s*=\\s*"${ids[0].replace(/\./g, '\\.')}"`, 'm'));
  assert.equal(JSON.parse(core.loadExercises('[]')).exercises, 0);
  assert.deepEqual(JSON.parse(core.catalog()), { exercises: [] });
});

test('a directory without the core fails the snapshot', async () => {
  await assert.rejects(catalogSnapshot(mkdtempSync(path.join(tmpdir(), 'no-core-'))));
});

test('an exercise file the core refuses fails the snapshot, so the build', async () => {
  await assert.rejects(catalogSnapshot(path.dirname(corePath), [...files, BROKEN]), /calculus\.zz-broken\.toml:\d+: /);
});
