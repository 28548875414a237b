// Plot-sampling throughput in Node: hand-written JS functions (the limit for
// the browser), math.js compile().evaluate() point by point, and the page's
// own paths through the Embind module: samplePlot() (text in, JSON out) and
// samplePlotArrays() (text in, Float64Arrays out), all on the same 4096 points
// per batch as bench/eval/ours_eval.cpp.
//   node bench/eval/js_eval.mjs bench/data/eval_cases.tsv [build/bench-wasm/web/calccore.single.js]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { emit, emitSkip, measure } from '../common/timing.mjs';

const require = createRequire(import.meta.url);
const math = require('mathjs');

const POINTS = 4096;

// The same functions as bench/eval/handwritten.cpp, over the same row-major layout.
const HANDWRITTEN = {
  '3x^2-4x': (inp, out, n) => { for (let i = 0; i < n; ++i) { const x = inp[i]; out[i] = 3 * x * x - 4 * x; } },
  'x^3-1/x': (inp, out, n) => { for (let i = 0; i < n; ++i) { const x = inp[i]; out[i] = x * x * x - 1 / x; } },
  '3x1^2+5e^x2': (inp, out, n) => {
    for (let i = 0; i < n; ++i) { const x1 = inp[2 * i], x2 = inp[2 * i + 1]; out[i] = 3 * x1 * x1 + 5 * Math.exp(x2); }
  },
  'sin(x)e^x/(1+x^2)': (inp, out, n) => {
    for (let i = 0; i < n; ++i) { const x = inp[i]; out[i] = Math.sin(x) * Math.exp(x) / (1 + x * x); }
  },
  'x^x': (inp, out, n) => { for (let i = 0; i < n; ++i) out[i] = Math.pow(inp[i], inp[i]); },
  'log(1+exp(sin x cos x))': (inp, out, n) => {
    for (let i = 0; i < n; ++i) { const x = inp[i]; out[i] = Math.log(1 + Math.exp(Math.sin(x) * Math.cos(x))); }
  },
  'sqrt(x1^2+x2^2)': (inp, out, n) => {
    for (let i = 0; i < n; ++i) { const x1 = inp[2 * i], x2 = inp[2 * i + 1]; out[i] = Math.sqrt(x1 * x1 + x2 * x2); }
  },
};

// Point i, variable j, as in ours_eval.cpp.
function inputs(vars) {
  const inp = new Float64Array(POINTS * vars);
  for (let i = 0; i < POINTS; ++i) for (let j = 0; j < vars; ++j) inp[i * vars + j] = 0.05 + 3.0 * i / POINTS + 0.37 * j;
  return inp;
}

// Runs op for `ms` milliseconds before it is measured, as ours_eval.cpp does:
// V8 swaps in optimized code (JS and wasm alike) once a function is hot,
// compiled on a background thread that a busy machine delays beyond
// measure()'s own 20 ms warm-up.
function warmUp(op, ms = 200) {
  const t0 = performance.now();
  do op();
  while (performance.now() - t0 < ms);
}

async function loadCore(path) {
  if (!path) return null;
  try {
    const createCalcCore = require(path.startsWith('/') ? path : `${process.cwd()}/${path}`);
    return await createCalcCore();
  } catch (err) {
    console.error(`cannot load ${path}: ${err.message}`);
    return null;
  }
}

const [tsv, corePath] = process.argv.slice(2);
const core = await loadCore(corePath);
const extra = { points: POINTS };
for (const line of readFileSync(tsv, 'utf8').split('\n')) {
  if (!line) continue;
  const [name, varList, text] = line.split('\t');
  const vars = varList.split(',');
  const inp = inputs(vars.length);
  const out = new Float64Array(POINTS);
  const hand = HANDWRITTEN[name];
  if (hand) warmUp(() => hand(inp, out, POINTS));
  if (hand) emit('eval', 'js', name, measure(() => { hand(inp, out, POINTS); return out[POINTS - 1]; }), extra);
  else emitSkip('eval', 'js', name, 'no hand-written function');

  const compiled = math.compile(text);
  const scope = {};
  emit('eval', 'mathjs', name, measure(() => {
    for (let i = 0; i < POINTS; ++i) {
      for (let j = 0; j < vars.length; ++j) scope[vars[j]] = inp[i * vars.length + j];
      out[i] = compiled.evaluate(scope);
    }
    return out[POINTS - 1];
  }), extra);

  // The page's two plot calls sample xmin..xmax themselves; the same interval
  // as the other rows. samplePlot returns JSON text, samplePlotArrays the same
  // segments as Float64Arrays; both are timed up to the object the page draws.
  if (core && vars.length === 1) {
    const xmax = 0.05 + 3.0 * (POINTS - 1) / POINTS;
    const probe = JSON.parse(core.samplePlot(text, 0.05, xmax, POINTS));
    const json = () => JSON.parse(core.samplePlot(text, 0.05, xmax, POINTS));
    const arrays = () => core.samplePlotArrays(text, 0.05, xmax, POINTS);
    if (probe.error) emitSkip('eval', 'sampleplot-wasm', name, probe.error.code);
    else { warmUp(json); emit('eval', 'sampleplot-wasm', name, measure(json), extra); }
    if (typeof core.samplePlotArrays !== 'function') emitSkip('eval', 'sampleplot-arrays-wasm', name, 'no samplePlotArrays');
    else if (probe.error) emitSkip('eval', 'sampleplot-arrays-wasm', name, probe.error.code);
    else { warmUp(arrays); emit('eval', 'sampleplot-arrays-wasm', name, measure(arrays), extra); }
  }
}
