// math.js (npm mathjs) derivative() in Node on the shared case set. derivative()
// simplifies its result by default; that is the configuration measured, since
// it is what a user of math.js gets. Expressions are parsed outside the timing.
//
// math.js never returns on some large and DAG cases (its simplify() walks the
// tree view), so each case runs in a child process (this script with --one N)
// that is killed after TIMEOUT_MS; the case is then reported as a lower bound.
//   node bench/diff/mathjs_diff.mjs [cases.json]
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { emit, emitSkip, measure, now } from '../common/timing.mjs';

const require = createRequire(import.meta.url);
const math = require('mathjs');

const CAP_NS = 1e9; // a first call slower than this is reported alone, without repeats

// f_0 = x, f_{k+1} = f_k^2 + f_k, built from shared node objects.
function dag(k) {
  let f = new math.SymbolNode('x');
  for (let i = 0; i < k; ++i) {
    f = new math.OperatorNode('+', 'add', [new math.OperatorNode('^', 'pow', [f, new math.ConstantNode(2)]), f]);
  }
  return f;
}

const TIMEOUT_MS = Number(process.env.MATHJS_TIMEOUT_MS ?? 10000);
const args = process.argv.slice(2);
const oneAt = args.indexOf('--one');
const only = oneAt >= 0 ? Number(args.splice(oneAt, 2)[1]) : -1;
const path = args[0] ?? fileURLToPath(new URL('../data/diff_cases.json', import.meta.url));
const cases = JSON.parse(readFileSync(path, 'utf8'));

// Child: one case, measured in-process.
function runOne(c) {
  try {
    const e = c.group === 'dag' ? dag(c.dag) : math.parse(c.text);
    const t0 = now();
    const d = math.derivative(e, c.var);
    const first = now() - t0;
    if (d === undefined) throw new Error('no result');
    if (first > CAP_NS) {
      emit('diff', 'mathjs', c.name, { median_ns: first, worst_ns: first, best_ns: first, reps: 1, iters: 1 });
      return;
    }
    emit('diff', 'mathjs', c.name, measure(() => math.derivative(e, c.var)));
  } catch (err) {
    emitSkip('diff', 'mathjs', c.name, String(err.message ?? err).slice(0, 120));
  }
}

if (only >= 0) {
  runOne(cases[only]);
} else {
  // Parent: every case in its own process. After a timeout, the strictly
  // larger cases of that group (generated size n, DAG depth k) are not run.
  const timedOut = new Map(); // group -> smallest size that timed out
  const size = (c) => c.size ?? c.dag ?? 0;
  cases.forEach((c, i) => {
    if (timedOut.has(c.group) && size(c) > timedOut.get(c.group)) {
      emitSkip('diff', 'mathjs', c.name, 'not run: a smaller case of this group timed out');
      return;
    }
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--one', String(i), path], {
      encoding: 'utf8', timeout: TIMEOUT_MS, killSignal: 'SIGKILL', maxBuffer: 1 << 24,
    });
    if (child.error?.code === 'ETIMEDOUT' || child.signal === 'SIGKILL') {
      const t = TIMEOUT_MS * 1e6;
      emit('diff', 'mathjs', c.name, { median_ns: t, worst_ns: t, best_ns: t, reps: 0, iters: 0, lower_bound: true });
      if (!timedOut.has(c.group)) timedOut.set(c.group, size(c));
      return;
    }
    process.stdout.write(child.stdout);
    if (child.status !== 0) emitSkip('diff', 'mathjs', c.name, `exit ${child.status}: ${child.stderr.slice(0, 100)}`);
  });
}
