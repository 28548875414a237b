// Determinism: the same requests through the native facade
// (build/native/bin/determinism_driver) and through the wasm core under Node
// (build/wasm/web/calccore.single.js) must give byte-identical JSON.
// One exception, and why: glibc (native) and musl (Emscripten) implement
// sin/cos/tan/exp/log differently in the last bit, so the plotting and table
// functions, which print raw float64 values of those, are compared number by
// number within a few ulps (same structure, same nulls). Grading, previews,
// hints and solutions must still match byte for byte: their verdicts,
// feedback and texts must not depend on the platform's libm.
// Prints the first differences and exits 1 if there are any.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { loadSingleFileCore } from '../e2e/harness.mjs';
import { gradeRequests, numericRequests } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const core = await loadSingleFileCore(require, path.join(root, 'build/wasm/web/calccore.single.js'));

const NUMERIC_ARGS = {
  limitTable: [2], tangent: [2], samplePlot: [2, 3, 4], gradientField: [2, 3, 4, 5, 6, 7], grade: [3], solution: [2],
};

function callWasm([fn, ...args]) {
  if (typeof core[fn] !== 'function') throw new Error(`the wasm core has no ${fn}() (wasm/bindings.cpp)`);
  const numeric = new Set((NUMERIC_ARGS[fn] ?? []).map((i) => i - 1));
  return core[fn](...args.map((a, i) => (numeric.has(i) ? Number(a) : a)));
}

const catalog = JSON.parse(callWasm(['catalog']));
const boxes = catalog.exercises.flatMap((e) => e.boxes.map((b) => ({ ...b, variables: b.variables ?? e.variables })));
if (boxes.length === 0) throw new Error('the catalog has no boxes');
const solutionOf = (id, seed) => JSON.parse(callWasm(['solution', id, String(seed)])).answer?.text;

const requests = [...numericRequests(150, 20260101), ...gradeRequests(boxes, solutionOf, 20260102)];
const input = requests.map((r) => r.join('\t')).join('\n') + '\n';

const native = spawnSync(path.join(root, 'build/native/bin/determinism_driver'), {
  input, encoding: 'utf8', maxBuffer: 1 << 28,
});
if (native.status !== 0) {
  console.error(native.stderr || native.error?.message);
  throw new Error(`determinism_driver exited with ${native.status}`);
}
const nativeLines = native.stdout.split('\n');
// Functions whose output carries raw libm results.
const LIBM_VALUED = new Set(['limitTable', 'samplePlot', 'tangent', 'gradientField', 'contours', 'evaluate']);
const ULPS = 8;

function sameWithinUlps(a, b) {
  if (typeof a === 'number' && typeof b === 'number') {
    if (a === b) return true;
    return Math.abs(a - b) <= ULPS * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));
  }
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameWithinUlps(x, b[i]));
  if (a && typeof a === 'object') {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameWithinUlps(a[k], b[k]));
  }
  return a === b;
}

function agrees(fn, wasm, native) {
  if (wasm === native) return true;
  if (!LIBM_VALUED.has(fn)) return false;
  try {
    return sameWithinUlps(JSON.parse(wasm), JSON.parse(native));
  } catch {
    return false;
  }
}

let differences = 0;
let ulpLevel = 0;
const byFunction = {};
requests.forEach((request, i) => {
  const wasm = callWasm(request);
  if (wasm !== nativeLines[i] && agrees(request[0], wasm, nativeLines[i])) ulpLevel += 1;
  if (!agrees(request[0], wasm, nativeLines[i])) {
    differences += 1;
    byFunction[request[0]] = (byFunction[request[0]] ?? 0) + 1;
    if (differences <= 10) {
      console.log(`DIFFERENT: ${JSON.stringify(request)}\n  native: ${nativeLines[i]}\n  wasm:   ${wasm}`);
    }
  }
});
console.log(`${requests.length} requests (${boxes.length} boxes), ${differences} different,`,
  `${ulpLevel} equal only within ${ULPS} ulps (libm)`, differences ? byFunction : '');
process.exit(differences === 0 ? 0 : 1);
