// The page's core starts with no exercises and takes them from
// loadExercises() as trees: web/exercise-files.mjs reads exercises/*.toml and
// converts them with the exercise tool, which refuses a broken file with its
// file:line. web/catalog-snapshot.mjs: the catalog web/build.mjs builds into
// app.js is the one the same core gives once loaded with the same trees, and
// a missing core or a file the tool or the core refuses fails the build
// instead of shipping a page without (some of) its exercises.
// The core comes from scripts/build-wasm (build/wasm/web/); CALCCORE_SINGLE
// points at another build of calccore.single.js, and the exercise tool is
// that build's tools/exercise-tool.js (or CALCWB_EXERCISE_TOOL).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';

import { catalogSnapshot } from '../../web/catalog-snapshot.mjs';
import { exerciseToolPath, exerciseTrees, loadExerciseFiles, readExerciseFiles } from '../../web/exercise-files.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corePath = path.resolve(process.env.CALCCORE_SINGLE ?? path.join(repoRoot, 'build/wasm/web/calccore.single.js'));
// A fresh instance of the core, with no exercises loaded.
const freshCore = () => require(corePath)();
const toolPath = exerciseToolPath(path.dirname(corePath));
const files = readExerciseFiles();
let trees;
// A file the exercise reader refuses (a box without its kind, task or hints),
// as TOML and as the tree the page would be handed.
const BROKEN = { name: 'calculus.zz-broken.toml', text: 'id = "calculus.zz-broken"\norder = 99\n\n[[box]]\nid = "calculus.zz-broken/a"\n' };
const BROKEN_TREE = { name: BROKEN.name, tree: { id: 'calculus.zz-broken', order: 99, box: [{ id: 'calculus.zz-broken/a' }] } };

before(async () => {
  assert.ok(existsSync(corePath), `${corePath} is missing: run scripts/build-wasm first (or set CALCCORE_SINGLE)`);
  assert.ok(existsSync(toolPath), `${toolPath} is missing: run scripts/build-wasm first (or set CALCWB_EXERCISE_TOOL)`);
  trees = await exerciseTrees(files, toolPath);
});

test('the exercise files are exercises/*.toml, sorted by name, with their text', () => {
  assert.ok(files.length > 0);
  assert.deepEqual(files.map((f) => f.name), files.map((f) => f.name).sort());
  for (const { name, text } of files) {
    assert.match(name, /\.toml$/);
    assert.match(text, /^id\s*=/m, name);
  }
});

test('the exercise tool gives each file its tree, in order', () => {
  assert.deepEqual(trees.map((t) => t.name), files.map((f) => f.name));
  for (const { name, tree } of trees) {
    const id = files.find((f) => f.name === name).text.match(/^id\s*=\s*"([^"]+)"/m)[1];
    assert.equal(tree.id, id, name);
    assert.ok(Array.isArray(tree.box) && tree.box.length > 0, name);
  }
});

test('the exercise tool refuses a broken file with its name and line', async () => {
  await assert.rejects(exerciseTrees([...files, BROKEN], toolPath), /calculus\.zz-broken\.toml:\d+: /);
  const syntax = { name: 'calculus.zz-syntax.toml', text: 'id = "calculus.zz-syntax"\ntitle = \n' };
  await assert.rejects(exerciseTrees([syntax], toolPath), /calculus\.zz-syntax\.toml:2: /);
  await assert.rejects(exerciseTrees(files, path.join(tmpdir(), 'no-such-tool.js')), /could not be loaded/);
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

test('the snapshot is the catalog of the core loaded with the trees, with every exercise and box', async () => {
  const text = await catalogSnapshot(path.dirname(corePath));
  const core = await freshCore();
  const summary = loadExerciseFiles(core, trees);
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

test('a broken tree is reported with its name (trees carry no lines) and left out; the others load', async () => {
  const core = await freshCore();
  const result = JSON.parse(core.loadExercises(JSON.stringify([...trees, BROKEN_TREE])));
  assert.equal(result.exercises, files.length);
  assert.equal(result.errors.length, 1);
  const [error] = result.errors;
  assert.equal(error.file, BROKEN.name);
  assert.equal(error.line, 0);
  assert.ok(error.message.length > 0);
  assert.ok(!JSON.parse(core.catalog()).exercises.some((e) => e.id === 'calculus.zz-broken'));
  assert.throws(() => loadExerciseFiles(core, [...trees, BROKEN_TREE]), /calculus\.zz-broken\.toml: \S/);
});

test('input that is not a JSON array of files is refused whole, the catalog unchanged', async () => {
  const core = await freshCore();
  loadExerciseFiles(core, trees);
  const before = core.catalog();
  const asToml = JSON.stringify(files.slice(0, 1));
  for (const input of ['', 'not json', '{"name":"a.toml"}', '[{"name":"a.toml","tree":', '[{"name":1,"tree":{}}]', asToml, '[{"name":"a","tree":{"x":null}}]']) {
    const result = JSON.parse(core.loadExercises(input));
    assert.equal(result.error?.code, 'bad-json', input);
    assert.ok(result.error.en && result.error.zh, input);
    assert.equal(core.catalog(), before, input);
  }
});

test('a second load replaces the catalog', async () => {
  const core = await freshCore();
  loadExerciseFiles(core, trees);
  const [first] = trees;
  assert.equal(loadExerciseFiles(core, [first]).exercises, 1);
  const ids = JSON.parse(core.catalog()).exercises.map((e) => e.id);
  assert.deepEqual(ids, [first.tree.id]);
  assert.equal(JSON.parse(core.loadExercises('[]')).exercises, 0);
  assert.deepEqual(JSON.parse(core.catalog()), { exercises: [] });
});

test('a directory without the core (or its exercise tool) fails the snapshot', async () => {
  const empty = mkdtempSync(path.join(tmpdir(), 'no-core-'));
  await assert.rejects(catalogSnapshot(empty, trees), /calccore\.single\.js/);
  if (!process.env.CALCWB_EXERCISE_TOOL) await assert.rejects(catalogSnapshot(empty), /exercise-tool\.js/);
});

test('an exercise file the core refuses fails the snapshot, so the build', async () => {
  await assert.rejects(catalogSnapshot(path.dirname(corePath), [...trees, BROKEN_TREE]), /calculus\.zz-broken\.toml: /);
});
