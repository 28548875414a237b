// math.js (npm mathjs) derivative() in Node on the shared case set. derivative()
// simplifies its result by default; that is the configuration measured, since
// it is what a user of math.js gets. Expressions are parsed outside the timing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { emit, emitSkip, measure, now } from '../common/timing.mjs';

const require = createRequire(import.meta.url);
const math = require('mathjs');

const CAP_NS = 1e9; // once one call takes longer, larger DAG cases are skipped

// f_0 = x, f_{k+1} = f_k^2 + f_k, built from shared node objects.
function dag(k) {
  let f = new math.SymbolNode('x');
  for (let i = 0; i < k; ++i) {
    f = new math.OperatorNode('+', 'add', [new math.OperatorNode('^', 'pow', [f, new math.ConstantNode(2)]), f]);
  }
  return f;
}

const path = process.argv[2] ?? new URL('../data/diff_cases.json', import.meta.url);
const cases = JSON.parse(readFileSync(path, 'utf8'));
let dagCapped = false;
let genCapped = false;
for (const c of cases) {
  const capped = c.group === 'dag' ? dagCapped : c.group === 'generated' ? genCapped : false;
  if (capped) {
    emitSkip('diff', 'mathjs', c.name, 'a smaller case took > 1 s per call');
    continue;
  }
  try {
    const e = c.group === 'dag' ? dag(c.dag) : math.parse(c.text);
    const t0 = now();
    const d = math.derivative(e, c.var);
    const first = now() - t0;
    if (d === undefined) throw new Error('no result');
    if (first > CAP_NS) {
      emit('diff', 'mathjs', c.name, { median_ns: first, worst_ns: first, best_ns: first, reps: 1, iters: 1 });
      if (c.group === 'dag') dagCapped = true;
      if (c.group === 'generated') genCapped = true;
      continue;
    }
    emit('diff', 'mathjs', c.name, measure(() => math.derivative(e, c.var)));
  } catch (err) {
    emitSkip('diff', 'mathjs', c.name, String(err.message ?? err).slice(0, 120));
  }
}
