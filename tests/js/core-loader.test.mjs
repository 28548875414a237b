// web/src/core.js's wrapper over the real wasm core (the single-file build,
// which Node can load), given exercises/*.toml as the page gives them: every
// API function returns a parsed object.
// The core comes from scripts/build-wasm (build/wasm/web/); CALCCORE_SINGLE
// points at another build of calccore.single.js, and the exercise tool is
// that build's tools/exercise-tool.js (or CALCWB_EXERCISE_TOOL).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';

import { exerciseToolPath, exerciseTrees, loadExerciseFiles } from '../../web/exercise-files.mjs';
import { exerciseLoadProblems, wrapModule } from '../../web/src/core.js';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corePath = path.resolve(process.env.CALCCORE_SINGLE ?? path.join(repoRoot, 'build/wasm/web/calccore.single.js'));

let core;
before(async () => {
  assert.ok(existsSync(corePath), `${corePath} is missing: run scripts/build-wasm first (or set CALCCORE_SINGLE)`);
  const module = await require(corePath)();
  loadExerciseFiles(module, await exerciseTrees(undefined, exerciseToolPath(path.dirname(corePath))));
  core = wrapModule(module);
});

test('the version comes from the module and matches package.json', () => {
  assert.deepEqual(core.version(), { version: require('../../package.json').version });
});

test('evaluate returns numbers, and null for a domain error', () => {
  const area = core.evaluate('n/2*sin(2*pi/n)', JSON.stringify({ n: 6 }));
  assert.ok(Math.abs(area.value - (3 * Math.sqrt(3)) / 2) < 1e-12);
  assert.equal(core.evaluate('ln(x)', '{"x":-1}').value, null);
  assert.ok(core.evaluate('3*x^', '{}').error, 'a parse error comes back as {error}');
});

test('limitTable gives the book’s forward quotients 2 + 3h in float64 and a central column', () => {
  const table = core.limitTable('3*x^2 - 4*x', 1, JSON.stringify([0.1, 0.01, 0.001]));
  assert.equal(table.exact, 2);
  assert.equal(table.rows.length, 3);
  for (const row of table.rows) {
    assert.ok(Math.abs(row.forward64 - (2 + 3 * row.h)) < 1e-9, `forward64 at h=${row.h}`);
    assert.ok(Math.abs(row.central64 - 2) < 1e-9, `central64 at h=${row.h}`);
    assert.ok(Number.isFinite(row.forward32) && Number.isFinite(row.central32));
  }
  // float32 round-off: at h = 1e-6 the float32 quotient is visibly off, float64 is not.
  const tiny = core.limitTable('3*x^2 - 4*x', 1, '[1e-6]').rows[0];
  assert.ok(Math.abs(tiny.forward32 - 2) > 1e-3);
  assert.ok(Math.abs(tiny.forward64 - 2) < 1e-4);
});

test('samplePlot splits 1/x at its pole', () => {
  const plot = core.samplePlot('1/x', -1, 1, 201);
  assert.ok(plot.segments.length >= 2);
  for (const seg of plot.segments) {
    assert.equal(seg.x.length, seg.y.length);
    assert.ok(seg.x.every((x) => x !== 0));
  }
  const negative = plot.segments.find((s) => s.x[0] < 0);
  assert.ok(negative.y.every((y) => y < 0));
});

test('tangent gives the book’s line y = 2x − 3 for 3x² − 4x at 1, and an error at a pole', () => {
  const t = core.tangent('3*x^2 - 4*x', 1);
  assert.deepEqual([t.x0, t.y0, t.slope, t.intercept], [1, -1, 2, -3]);
  for (const x0 of [0.25, 1.37, 2.5]) {
    const u = core.tangent('3*x^2 - 4*x', x0);
    assert.ok(Math.abs(u.slope - (6 * x0 - 4)) < 1e-12, `slope at ${x0}`);
    assert.ok(Math.abs(u.intercept + 3 * x0 * x0) < 1e-12, `intercept at ${x0}`);
  }
  assert.ok(core.tangent('1/x', 0).error);
});

test('gradientField and contours sample a function of two variables', () => {
  const field = core.gradientField('x^2 + 2*y^2', -1, 1, -1, 1, 3, 3);
  assert.equal(field.points.length, 9);
  for (const p of field.points) {
    assert.ok(Math.abs(p.gx - 2 * p.x) < 1e-12 && Math.abs(p.gy - 4 * p.y) < 1e-12);
  }
  const grid = core.contours('x^2 + y^2', -1, 1, -1, 1, 3);
  assert.deepEqual([grid.nx, grid.ny], [3, 3]);
  assert.equal(grid.values[4], 0);
});

// Every box of the catalog, with its exercise.
function allBoxes() {
  return core.catalog().exercises.flatMap((exercise) => exercise.boxes.map((box) => ({ exercise, box })));
}

test('catalog lists exercises with unique box ids and labels in both languages', () => {
  const boxes = allBoxes();
  assert.ok(boxes.length > 0);
  const ids = boxes.map(({ box }) => box.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const { exercise, box } of boxes) {
    assert.ok(exercise.title.zh && exercise.title.en, exercise.id);
    assert.ok(['expression', 'number', 'vector', 'line', 'choice'].includes(box.kind), box.id);
    assert.ok(Number.isInteger(box.hintCount), box.id);
    if (box.kind === 'choice') assert.ok(box.choices.length >= 2 && box.choices.every((c) => c.id && c.zh && c.en), box.id);
    if (box.plot) assert.ok(core.samplePlot(box.plot.expr, box.plot.xmin, box.plot.xmax, 50).segments.length > 0, box.id);
  }
});

test('preview gives LaTeX for a valid answer and the error position for a broken one', () => {
  const ok = core.preview('calculus.example-derivative', '6x - 4');
  assert.equal(ok.ok, true);
  assert.match(ok.latex, /6\s*x/);
  const bad = core.preview('calculus.example-derivative', '3x^');
  assert.equal(bad.ok, false);
  assert.equal(bad.error.position, 3);
  assert.ok(bad.error.zh && bad.error.en);
});

test('every box grades its own worked solution correct, for the book and for a variant', () => {
  for (const { box } of allBoxes()) {
    for (const seed of [0, 12345]) {
      const { answer } = core.solution(box.id, seed);
      assert.ok(answer?.text, `${box.id} seed ${seed} has a solution answer`);
      assert.equal(core.grade(box.id, answer.text, seed).verdict, 'correct', `${box.id} seed ${seed}: ${answer.text}`);
    }
  }
});

test('a real mistake is incorrect with feedback, a syntax error invalid with its position', () => {
  const wrong = core.grade('calculus.example-derivative', '6x', 0);
  assert.equal(wrong.verdict, 'incorrect');
  assert.ok(wrong.feedback.length > 0 && wrong.feedback.every((f) => f.zh && f.en));
  const broken = core.grade('calculus.example-derivative', '6x +', 0);
  assert.equal(broken.verdict, 'invalid');
  assert.equal(broken.position, 4);
});

test('hostile text is rejected as invalid, never echoed as markup', () => {
  for (const text of ['<img src=x onerror=alert(1)>', '\\href{javascript:alert(1)}{x}']) {
    const result = core.grade('calculus.example-derivative', text, 0);
    assert.equal(result.verdict, 'invalid', text);
    assert.ok(!JSON.stringify(result).includes('onerror'), text);
  }
});

test('hints come one index at a time up to hintCount; unknown boxes are errors', () => {
  for (const { box } of allBoxes()) {
    for (let i = 0; i < box.hintCount; i += 1) {
      const hint = core.hint(box.id, i, 0);
      assert.equal(hint.index, i, box.id);
      assert.equal(hint.count, box.hintCount, box.id);
      assert.ok(hint.zh && hint.en, box.id);
    }
  }
  assert.equal(core.grade('no.such-box', 'x', 0).error.code, 'unknown-box');
});

test('a variant keeps the exercise’s boxes and changes its numbers', () => {
  const book = core.catalog().exercises.find((e) => e.id === 'calculus.ex1-tangent');
  const seeds = [1, 2, 3, 4, 5, 6];
  const variants = seeds.map((seed) => core.variant('calculus.ex1-tangent', seed));
  for (const v of variants) assert.deepEqual(v.boxes.map((b) => b.id), book.boxes.map((b) => b.id));
  assert.ok(variants.some((v) => v.prompt.en !== book.prompt.en), 'some seed changes the prompt');
});

test('wrapModule wraps only what the module has', () => {
  const fake = wrapModule({ grade: () => '{"verdict":"correct"}', unrelated: () => 'x' });
  assert.deepEqual(Object.keys(fake), ['grade']);
  assert.deepEqual(fake.grade('b', 'a', 0), { verdict: 'correct' });
});

test('exerciseLoadProblems lists each file error as file:line: message, or why the whole input was refused', () => {
  assert.deepEqual(exerciseLoadProblems({ exercises: 9, boxes: 20, errors: [] }), []);
  const fileErrors = { exercises: 8, boxes: 18, errors: [{ file: 'a.toml', line: 3, message: 'unknown key "x"' }] };
  assert.deepEqual(exerciseLoadProblems(fileErrors), ['a.toml:3: unknown key "x"']);
  // A tree carries no lines: line 0 is left out.
  const treeErrors = { exercises: 8, boxes: 18, errors: [{ file: 'a.toml', line: 0, message: 'unknown key "x"' }] };
  assert.deepEqual(exerciseLoadProblems(treeErrors), ['a.toml: unknown key "x"']);
  const refused = { error: { code: 'bad-json', en: 'Not JSON.', zh: '不是 JSON。' } };
  assert.deepEqual(exerciseLoadProblems(refused), ['Not JSON.']);
  assert.deepEqual(exerciseLoadProblems(refused, 'zh'), ['不是 JSON。']);
});
