// math.js as a grader, on the answer set of bench/data/grade_answers.tsv:
// parse the answer, then evaluate it and the reference at the same sample
// points as bench/grade/sympy_grade.py (vectors component by component,
// choices by id). Latency statistics as in bench/grade/ours_grade.cpp.
//   node bench/grade/mathjs_grade.mjs bench/data/grade_answers.tsv
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { emit, emitSkip, measureCalls } from '../common/timing.mjs';

const require = createRequire(import.meta.url);
const math = require('mathjs');

const CALLS = 21;
const POINTS = 5;

// A fixed pseudo-random sequence in [0.5, 2), the same for every call.
function points(vars) {
  let s = 1;
  const next = () => ((s = (s * 48271) % 2147483647) / 2147483647) * 1.5 + 0.5;
  return Array.from({ length: POINTS }, () => Object.fromEntries(vars.map((v) => [v, next()])));
}

function values(node, scope) {
  const v = node.evaluate(scope);
  return math.isMatrix(v) ? v.toArray().flat() : Array.isArray(v) ? v.flat() : [v];
}

function check(answer, reference, varList) {
  if (varList === 'choice') return answer.trim() === reference ? 'correct' : 'incorrect';
  let a;
  try {
    a = math.parse(answer);
  } catch {
    return 'invalid';
  }
  const r = math.parse(reference);
  const vars = varList === '-' ? [] : varList === 'positive' ? ['x'] : varList.split(',');
  for (const scope of points(vars)) {
    let va;
    try {
      va = values(a, { ...scope });
    } catch {
      return 'invalid';
    }
    const vr = values(r, { ...scope });
    if (va.length !== vr.length) return 'incorrect';
    for (let i = 0; i < vr.length; ++i) {
      if (!(Math.abs(va[i] - vr[i]) <= 1e-9 * Math.max(1, Math.abs(vr[i])))) return 'incorrect';
    }
  }
  return 'correct';
}

const perBox = new Map();
for (const line of readFileSync(process.argv[2], 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [box, expected, , answer, reference, varList] = line.split('\t');
  if (!perBox.has(box)) perBox.set(box, { times: [], answers: 0, unexpected: 0 });
  const b = perBox.get(box);
  if (answer === '-') continue;
  let verdict;
  const st = measureCalls(() => (verdict = check(answer, reference, varList)), CALLS);
  b.times.push(st.median_ns);
  b.answers += 1;
  if (verdict !== expected) {
    b.unexpected += 1;
    console.error(`${box}: "${answer}" expected ${expected}, got ${verdict}`);
  }
}
for (const [box, b] of perBox) {
  if (!b.times.length) {
    emitSkip('grade', 'mathjs', box, 'not expressible for the peers');
    continue;
  }
  const t = [...b.times].sort((x, y) => x - y);
  emit('grade', 'mathjs', box, { median_ns: t[Math.floor(t.length / 2)], worst_ns: t[t.length - 1], best_ns: t[0],
    reps: CALLS, iters: 1 }, { answers: b.answers, unexpected: b.unexpected });
}
