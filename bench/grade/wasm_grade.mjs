// Grading latency per answer in wasm under Node, through the page's own Embind
// module (grade(boxId, answer, seed) returns JSON text, parsed here as the page
// does). Same answers, calls and statistics as bench/grade/ours_grade.cpp.
//   node bench/grade/wasm_grade.mjs bench/data/grade_answers.tsv build/bench-wasm/web/calccore.single.js
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { emit, measureCalls } from '../common/timing.mjs';

const CALLS = 21;
const [tsv, corePath] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const core = await require(path.resolve(corePath))();
core.catalog(); // the page loads the catalog before any answer is typed

const perBox = new Map();
for (const line of readFileSync(tsv, 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const [box, expected, answer] = line.split('\t');
  let verdict;
  const st = measureCalls(() => (verdict = JSON.parse(core.grade(box, answer, 0))), CALLS);
  if (!perBox.has(box)) perBox.set(box, { times: [], answers: 0, unexpected: 0 });
  const b = perBox.get(box);
  b.times.push(st.median_ns);
  b.answers += 1;
  if (verdict.verdict !== expected) {
    b.unexpected += 1;
    console.error(`${box}: "${answer}" expected ${expected}, got ${JSON.stringify(verdict).slice(0, 160)}`);
  }
}
for (const [box, b] of perBox) {
  const t = [...b.times].sort((x, y) => x - y);
  emit('grade', 'ours-wasm', box, { median_ns: t[Math.floor(t.length / 2)], worst_ns: t[t.length - 1], best_ns: t[0],
    reps: CALLS, iters: 1 }, { answers: b.answers, unexpected: b.unexpected });
}
