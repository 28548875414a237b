// The page's plots draw the core's samples (samplePlotArrays, typed arrays):
// the tangent demo's curve has one point per sample, with its lowest point at
// the vertex of 3x² − 4x, and each line box's plot draws f from the catalog's
// plot expression, every sample that the core returns.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { catalogBoxes, nodeCore, servedWorkbook } from './harness.mjs';

const session = servedWorkbook({ lang: 'en' });
const core = await nodeCore();

// The points of an SVG path "M x,y L x,y …", as pen-down runs of [x, y].
function runs(d) {
  return d.split('M').filter(Boolean).map((run) => run.split('L').map((p) => p.split(',').map(Number)));
}

test('the tangent demo draws 3x² − 4x from its 200 samples, lowest at x = 2/3', async () => {
  const path = session.page.locator('[data-demo=tangent] path.curve.f');
  await path.waitFor();
  const [points, ...more] = runs(await path.getAttribute('d'));
  assert.equal(more.length, 0, 'one pen-down run: the parabola has no pole');
  assert.equal(points.length, 200);
  for (let i = 1; i < points.length; i += 1) assert.ok(points[i][0] > points[i - 1][0], `x increases at ${i}`);
  // SVG y grows downward: the minimum of f is the largest pixel y. Pixels are
  // rounded to 0.1, so the flat bottom spans a few samples around the vertex.
  const bottom = Math.max(...points.map((p) => p[1]));
  const lowest = points.flatMap((p, i) => (p[1] === bottom ? [i] : []));
  const vertex = Math.round(((2 / 3) / 3) * 199); // x = 2/3 on [0, 3], 200 samples
  assert.ok(lowest.includes(vertex), `lowest samples ${lowest}, vertex at sample ${vertex}`);
  assert.ok(lowest.every((i) => Math.abs(i - vertex) <= 5), `lowest samples ${lowest}`);
  assert.deepEqual(session.page.problems, []);
});

test('every line box with a plot draws f, one point per sample the core returns', async () => {
  const boxes = catalogBoxes(core).filter((b) => b.plot?.expr);
  assert.ok(boxes.length > 0, 'the catalog has plotted boxes');
  for (const box of boxes) {
    const path = session.page.locator(`figure.box-plot[data-plot-for="${box.id}"] path.curve.f`);
    await path.waitFor();
    const drawn = runs(await path.getAttribute('d')).flat().length;
    const samples = core.samplePlot(box.plot.expr, box.plot.xmin, box.plot.xmax, 300);
    assert.ok(!samples.error, box.id);
    const total = samples.segments.reduce((n, s) => n + s.x.length, 0);
    // The page leaves out only samples far outside its y-range (spikes at poles).
    assert.ok(drawn <= total && drawn >= 0.9 * total, `${box.id}: ${drawn} of ${total} samples drawn`);
  }
  assert.deepEqual(session.page.problems, []);
});
