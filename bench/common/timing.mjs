// The JS side of bench/common/timing.h: same warm-up, batch sizing and
// statistics, same JSON lines, so Node figures sit next to native ones.
import { performance } from 'node:perf_hooks';

export const now = () => performance.now() * 1e6; // ns

let sink = 0;
// Keeps results observable so V8 cannot drop the work.
export function keep(v) {
  if (typeof v === 'number') sink += v;
  else if (v && typeof v === 'object') sink += 1;
  else if (typeof v === 'string') sink += v.length;
  return sink;
}

export function measure(op, { minBatchNs = 2e5, maxReps = 31, minReps = 3, budgetNs = 1.5e9 } = {}) {
  // Warm-up: unlike native code, V8 runs the first calls in its interpreter
  // and baseline tiers, so it lasts ~20 ms (or 3 calls if they are slower) to
  // reach optimized code; the batch size comes from the calls after it.
  let t0 = now();
  let warm = 0;
  do {
    keep(op());
    ++warm;
  } while (warm < 3 || (now() - t0 < 2e7 && warm < 1e6));
  t0 = now();
  let calib = 0;
  do {
    keep(op());
    ++calib;
  } while (now() - t0 < 1e6);
  const single = (now() - t0) / calib;
  const iters = Math.max(1, Math.floor(minBatchNs / Math.max(single, 1)));
  const perOp = [];
  const start = now();
  for (let r = 0; r < maxReps; ++r) {
    const b0 = now();
    for (let i = 0; i < iters; ++i) keep(op());
    perOp.push((now() - b0) / iters);
    if (r + 1 >= minReps && now() - start > budgetNs) break;
  }
  return stats(perOp, iters);
}

// Single calls timed one by one: for latency, where the worst call matters.
export function measureCalls(op, calls) {
  const t = [];
  for (let i = 0; i < calls; ++i) {
    const a = now();
    keep(op());
    t.push(now() - a);
  }
  return stats(t, 1);
}

function stats(values, iters) {
  const s = [...values].sort((a, b) => a - b);
  return { median_ns: s[Math.floor(s.length / 2)], worst_ns: s[s.length - 1], best_ns: s[0], reps: s.length, iters };
}

export function emit(bench, impl, caseName, st, extra = {}) {
  console.log(JSON.stringify({ bench, impl, case: caseName, ...st, ...extra }));
}

export function emitSkip(bench, impl, caseName, why) {
  console.log(JSON.stringify({ bench, impl, case: caseName, skipped: why }));
}
