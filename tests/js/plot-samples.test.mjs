// The typed-array plot path: samplePlotArrays hands the page Float64Arrays
// that must describe the same segments, with the same doubles, as samplePlot's
// JSON; the page's plot helpers take either. The real core comes from
// build/wasm/web/calccore.single.js (CALCCORE_SINGLE points at another build).
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, test } from 'node:test';

import { wrapModule } from '../../web/src/core.js';
import { sampleSegments, segmentsToPath, yRange } from '../../web/src/plot.js';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corePath = path.resolve(process.env.CALCCORE_SINGLE ?? path.join(repoRoot, 'build/wasm/web/calccore.single.js'));

let module;
let core;
before(async () => {
  assert.ok(existsSync(corePath), `${corePath} is missing: run scripts/build-wasm first (or set CALCCORE_SINGLE)`);
  module = await require(corePath)();
  core = wrapModule(module);
});

const CASES = [
  ['3*x^2 - 4*x', 0, 3, 4096],
  ['1/x', -1, 1, 201],
  ['tan(x)', -5, 5, 1000],
  ['sqrt(x)', -1, 1, 101],
  ['abs(x)/x', -1, 1, 100],
  ['-x', -1, 0, 11],
];

test('samplePlotArrays gives samplePlot’s segments as Float64Arrays with the same doubles', () => {
  for (const args of CASES) {
    const typed = core.samplePlotArrays(...args);
    const json = core.samplePlot(...args);
    assert.equal(typed.segments.length, json.segments.length, args[0]);
    typed.segments.forEach((seg, k) => {
      assert.ok(seg.x instanceof Float64Array && seg.y instanceof Float64Array, args[0]);
      for (const axis of ['x', 'y']) {
        const want = json.segments[k][axis];
        assert.equal(seg[axis].length, want.length, `${args[0]} segment ${k} ${axis}`);
        // Object.is tells -0 from 0: the same bits, not just equal values.
        seg[axis].forEach((v, i) => assert.ok(Object.is(v, want[i]), `${args[0]} ${axis}[${i}]: ${v} vs ${want[i]}`));
      }
    });
  }
});

test('samplePlotArrays splits 1/x at its pole and reports errors as samplePlot does', () => {
  const { segments } = core.samplePlotArrays('1/x', -1, 1, 201);
  assert.equal(segments.length, 2);
  assert.ok(segments[0].y.every((y) => y < 0) && segments[1].y.every((y) => y > 0));
  for (const args of [['3x^', 0, 1, 10], ['x*y', 0, 1, 10], ['x', 1, 0, 10]]) {
    assert.deepEqual(core.samplePlotArrays(...args), core.samplePlot(...args), args[0]);
  }
});

test('samplePlotArrays leaves no Embind handle behind and copies its arrays out of wasm memory', () => {
  const handles = module.count_emval_handles();
  const { segments } = core.samplePlotArrays('sin(x)', 0, 6, 500);
  core.samplePlotArrays('1/x', -1, 1, 301);
  core.samplePlotArrays('bad(', 0, 1, 10);
  assert.equal(module.count_emval_handles(), handles);
  // A view of wasm memory would be detached by the next memory growth, and
  // would show whatever the heap holds next.
  assert.ok(module.HEAPF64 instanceof Float64Array, 'the module exposes its heap');
  assert.notEqual(segments[0].y.buffer, module.HEAPF64.buffer);
  assert.notEqual(segments[0].x.buffer, module.HEAPF64.buffer);
});

test('sampleSegments prefers the typed path, falls back to JSON, and gives [] on an error', () => {
  const segs = [{ x: new Float64Array([0, 1]), y: new Float64Array([2, 3]) }];
  const calls = [];
  const both = {
    samplePlotArrays: (...a) => { calls.push(['arrays', ...a]); return { segments: segs }; },
    samplePlot: (...a) => { calls.push(['json', ...a]); return { segments: [] }; },
  };
  assert.equal(sampleSegments(both, 'x', 0, 1, 2), segs);
  assert.deepEqual(calls, [['arrays', 'x', 0, 1, 2]]);
  const jsonOnly = { samplePlot: () => ({ segments: [{ x: [0, 1], y: [1, 1] }] }) };
  assert.deepEqual(sampleSegments(jsonOnly, 'x', 0, 1, 2), [{ x: [0, 1], y: [1, 1] }]);
  assert.deepEqual(sampleSegments({ samplePlotArrays: () => ({ error: { code: 'x' } }) }, 'x', 0, 1, 2), []);
  assert.deepEqual(sampleSegments(null, 'x', 0, 1, 2), []);
});

test('the plot helpers draw and scale typed-array segments as they do plain ones', () => {
  const plain = [{ x: [0, 1, 2, 3], y: [0, 1, 1e9, 3] }, { x: [5, 6], y: [-1, 2] }];
  const typed = plain.map((s) => ({ x: Float64Array.from(s.x), y: Float64Array.from(s.y) }));
  const id = (v) => v;
  assert.equal(segmentsToPath(typed, id, id, -10, 10), segmentsToPath(plain, id, id, -10, 10));
  assert.deepEqual(yRange(typed), yRange(plain));
  assert.notDeepEqual(yRange(typed), { ymin: -10, ymax: 10 }, 'the typed samples were read, not the fallback');
});
