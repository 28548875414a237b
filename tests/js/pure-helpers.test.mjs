// The pure helpers of web/src: palette insertion and code-point positions,
// author-text splitting for KaTeX, h lists for the h-table, plot paths, the
// chain-rule path reader, contour extraction, and exercise helpers.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { chainEdges, splitTerms } from '../../web/src/chain-paths.js';
import { contourLevels, marchingSquares } from '../../web/src/contours.js';
import { parseHs, powersOfTen } from '../../web/src/demos/limit-table.js';
import { lineTex } from '../../web/src/demos/tangent.js';
import { lineBody, nextSeed, unplacedBoxes } from '../../web/src/exercises.js';
import { SNIPPETS, codePointToIndex, insertSnippet, toolbarIndex } from '../../web/src/palette.js';
import { linearScale, segmentsToPath, yRange } from '../../web/src/plot.js';
import { splitRich } from '../../web/src/tex.js';

test('palette snippets replace the selection and put the caret at the | mark', () => {
  assert.deepEqual(insertSnippet('3x+1', 2, 2, 'e^(|)'), { value: '3xe^()+1', caret: 5 });
  assert.deepEqual(insertSnippet('abc', 1, 2, '^2'), { value: 'a^2c', caret: 3 });
  for (const s of SNIPPETS) {
    assert.ok(s.title.zh && s.title.en, `${s.id} needs labels in both languages`);
    assert.ok(insertSnippet('', 0, 0, s.insert).value.length > 0);
  }
  assert.ok(SNIPPETS.some((s) => s.insert.includes('∂')) && SNIPPETS.some((s) => s.insert.includes('‖')));
});

test('the palette toolbar moves with arrows, wraps around, and ignores other keys', () => {
  assert.equal(toolbarIndex(0, 'ArrowRight', 8), 1);
  assert.equal(toolbarIndex(7, 'ArrowRight', 8), 0);
  assert.equal(toolbarIndex(0, 'ArrowLeft', 8), 7);
  assert.equal(toolbarIndex(4, 'Home', 8), 0);
  assert.equal(toolbarIndex(4, 'End', 8), 7);
  assert.equal(toolbarIndex(4, 'Enter', 8), null);
  assert.equal(toolbarIndex(4, 'a', 8), null);
});

test('code-point positions from the core map to UTF-16 indices past astral characters', () => {
  const text = '𝑥+∂y'; // 𝑥 is two UTF-16 units
  assert.equal(codePointToIndex(text, 0), 0);
  assert.equal(codePointToIndex(text, 1), 2);
  assert.equal(codePointToIndex(text, 2), 3);
  assert.equal(codePointToIndex(text, 99), text.length);
});

test('author text splits into text, inline math, display math and code; \\$ stays text', () => {
  assert.deepEqual(splitRich('Let $f(x)=x^2$, then `6x` and $$\\int f$$ cost \\$5'), [
    { kind: 'text', value: 'Let ' },
    { kind: 'math', value: 'f(x)=x^2' },
    { kind: 'text', value: ', then ' },
    { kind: 'code', value: '6x' },
    { kind: 'text', value: ' and ' },
    { kind: 'display', value: '\\int f' },
    { kind: 'text', value: ' cost $5' },
  ]);
  assert.deepEqual(splitRich('an unmatched $ sign'), [{ kind: 'text', value: 'an unmatched $ sign' }]);
});

test('h lists accept commas, spaces and full-width commas and reject non-positive or huge steps', () => {
  assert.deepEqual(parseHs('0.5, 1e-3；1e-9'.replace('；', ' ')), { hs: [0.5, 1e-3, 1e-9] });
  assert.deepEqual(parseHs('0.1，0.01'), { hs: [0.1, 0.01] });
  assert.deepEqual(parseHs('0.1, -2'), { error: '-2' });
  assert.deepEqual(parseHs('0, 1'), { error: '0' });
  assert.deepEqual(parseHs('11'), { error: '11' });
  assert.deepEqual(parseHs('abc'), { error: 'abc' });
  assert.equal(parseHs(Array(40).fill('0.1').join(',')).hs.length, 24);
  assert.deepEqual(powersOfTen(3), [0.1, 0.01, 0.001]);
});

test('plot paths break at null samples and at values far outside the y-range', () => {
  const id = linearScale(0, 1, 0, 1);
  const d = segmentsToPath([{ x: [0, 1, 2, 3], y: [0, 1, null, 3] }, { x: [5, 6], y: [1e9, 2] }], id, id, -10, 10);
  assert.equal(d, 'M0.0,0.0L1.0,1.0M3.0,3.0M6.0,2.0');
  assert.equal(linearScale(0, 10, 100, 200)(5), 150);
});

test('chain-rule terms light the edges they name; a path needs both factors in one product', () => {
  assert.deepEqual(splitTerms('∂f/∂x*∂x/∂a + (∂f/∂y)(∂y/∂a - 1)'), ['∂f/∂x*∂x/∂a ', ' (∂f/∂y)(∂y/∂a - 1)']);
  const full = chainEdges('∂f/∂x*∂x/∂a + ∂f/∂y*∂y/∂a + ∂f/∂z*∂z/∂a', 'a');
  assert.deepEqual([...full.paths].sort(), ['x', 'y', 'z']);
  const split = chainEdges('∂f/∂x + ∂x/∂a', 'a');
  assert.deepEqual([...split.paths], []);
  assert.deepEqual([...split.edges].sort(), ['u-x', 'x-a']);
  const wrongTarget = chainEdges('∂f/∂x*∂x/∂b', 'a');
  assert.deepEqual([...wrongTarget.paths], []);
  assert.ok(wrongTarget.edges.has('x-b'));
  assert.deepEqual([...chainEdges('\\partial u/\\partial y \\cdot \\partial y/\\partial a', 'a').paths], ['y']);
});

test('contours cross cells where the grid changes sign around the level, skipping undefined cells', () => {
  // f(i, j) = i on a 3×3 grid: the level 0.5 is the vertical line i = 0.5.
  const grid = { nx: 3, ny: 3, values: [0, 1, 2, 0, 1, 2, 0, 1, 2] };
  const [{ segments }] = marchingSquares(grid, [0.5]);
  assert.equal(segments.length, 2);
  for (const [x0, , x1] of segments) assert.deepEqual([x0, x1], [0.5, 0.5]);
  const holes = { nx: 3, ny: 3, values: [0, 1, 2, null, 1, 2, 0, 1, 2] };
  assert.equal(marchingSquares(holes, [0.5])[0].segments.length, 0);
  const levels = contourLevels(grid, 3);
  assert.ok(levels.every((v, i) => i === 0 || v > levels[i - 1]), 'levels strictly increase');
  assert.deepEqual(contourLevels({ nx: 1, ny: 1, values: [null] }, 3), []);
});

test('exercise helpers: the line body drops "y =", and try-another seeds never repeat the current one', () => {
  assert.equal(lineBody('  y = 4x - 4'), '4x - 4');
  assert.equal(lineBody('4x-4'), '4x-4');
  const rolls = [0.5, 0.5, 0.25]; // the first two repeat the current seed
  let i = 0;
  const seed = nextSeed(1 + Math.floor(0.5 * 0xfffffffe), () => rolls[i++]);
  assert.equal(seed, 1 + Math.floor(0.25 * 0xfffffffe));
  assert.equal(nextSeed(5, () => 0), 1, 'the lowest roll is seed 1, never the book seed 0');
});

test('catalog boxes without a slot on the page are found, grouped by exercise', () => {
  const catalog = { exercises: [
    { id: 'e1', boxes: [{ id: 'e1/a' }, { id: 'e1/b' }] },
    { id: 'e2', boxes: [{ id: 'e2/a' }] },
  ] };
  const missing = unplacedBoxes(catalog, ['e1/a', 'e2/a']);
  assert.deepEqual(missing.map(({ exercise, boxIds }) => [exercise.id, boxIds]), [['e1', ['e1/b']]]);
  assert.deepEqual(unplacedBoxes(catalog, ['e1/a', 'e1/b', 'e2/a']), []);
});

test('the plot y-range covers the bulk of the curve and ignores a pole\'s spike', () => {
  const x = Array.from({ length: 100 }, (_, i) => i);
  const y = x.map((v) => v / 10);
  y[0] = -1e6; // a spike next to a pole
  const { ymin, ymax } = yRange([{ x, y }]);
  assert.ok(ymin > -10 && ymin < 0.5, `ymin ${ymin}`);
  assert.ok(ymax > 9.4 && ymax < 13, `ymax ${ymax}`);
  assert.deepEqual(yRange([{ x: [0], y: [null] }]), { ymin: -10, ymax: 10 });
  const flat = yRange([{ x: [0, 1, 2], y: [3, 3, 3] }]);
  assert.ok(flat.ymin < 3 && flat.ymax > 3, 'a constant still gets a visible range');
});

test('the tangent demo writes its line with the sign folded into the intercept', () => {
  assert.equal(lineTex(2, -3), 'y = 2x - 3');
  assert.equal(lineTex(4.2200000000000006, -5.6307000000000009), 'y = 4.22x - 5.631');
  assert.equal(lineTex(-4, 0), 'y = -4x');
  assert.equal(lineTex(0.5, 1.25), 'y = 0.5x + 1.25');
});
