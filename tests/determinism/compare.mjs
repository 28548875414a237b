// Determinism: the same requests through the native facade
// (build/native/bin/determinism_driver) and through the wasm core under Node
// (build/wasm/web/calccore.single.js) must give byte-identical JSON.
// One exception, and why: glibc (native) and musl (Emscripten) implement
// sin/cos/tan/exp/log differently in the last bit. The plotting and table
// functions print raw float64 values of those, so they are compared number by
// number (same structure, same nulls, same text around the numbers): values
// within a few ulps, and the h-table's difference quotients within the
// round-off that a few ulps of f turn into after dividing by h (a float32
// column within a few float32 ulps of f, over h). Grading, previews, hints
// and solutions must match byte for byte: their verdicts, feedback and texts
// must not depend on the platform's libm.
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
const EPS32 = 2 ** -23;
const NUMBER = /-?\d+(?:\.\d+)?(?:e[-+]?\d+)?/gi;

// tol(a, b) gives the allowed absolute difference of two numbers.
function sameWithin(a, b, tol) {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= tol(a, b);
  if (typeof a === 'string' && typeof b === 'string') {
    // Printed numbers inside text (a tangent's equation) compare as numbers.
    const na = a.match(NUMBER) ?? [], nb = b.match(NUMBER) ?? [];
    return a.replace(NUMBER, '#') === b.replace(NUMBER, '#') && na.length === nb.length &&
      na.every((x, i) => sameWithin(Number(x), Number(nb[i]), tol));
  }
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameWithin(x, b[i], tol));
  if (a && typeof a === 'object') {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameWithin(a[k], b[k], tol));
  }
  return a === b;
}

const ulps = (a, b) => ULPS * Number.EPSILON * Math.max(Math.abs(a), Math.abs(b));

// A limit table's row: f's last-bit differences divided by h.
function sameLimitTable(request, wasm, native) {
  const [, f, at] = request;
  const magnitude = (x) => Math.abs(JSON.parse(callWasm(['evaluate', f, JSON.stringify({ x })])).value ?? 0);
  if (wasm.rows?.length !== native.rows?.length || !sameWithin(wasm.exact, native.exact, ulps)) return false;
  return wasm.rows.every((row, i) => {
    const other = native.rows[i];
    const x = Number(at);
    const scale = Math.max(1, magnitude(x - row.h), magnitude(x), magnitude(x + row.h));
    const tol64 = (a, b) => ulps(a, b) + (4 * ULPS * Number.EPSILON * scale) / row.h;
    const tol32 = (a, b) => ulps(a, b) + (8 * EPS32 * scale) / row.h;
    return Object.keys(row).length === Object.keys(other).length && row.h === other.h &&
      sameWithin(row.forward64, other.forward64, tol64) && sameWithin(row.central64, other.central64, tol64) &&
      sameWithin(row.forward32, other.forward32, tol32) && sameWithin(row.central32, other.central32, tol32);
  });
}

function agrees(request, wasm, native) {
  if (wasm === native) return true;
  if (!LIBM_VALUED.has(request[0])) return false;
  try {
    const [w, n] = [JSON.parse(wasm), JSON.parse(native)];
    return request[0] === 'limitTable' ? sameLimitTable(request, w, n) : sameWithin(w, n, ulps);
  } catch {
    return false;
  }
}

let differences = 0;
let ulpLevel = 0;
const byFunction = {};
requests.forEach((request, i) => {
  const wasm = callWasm(request);
  if (wasm !== nativeLines[i] && agrees(request, wasm, nativeLines[i])) ulpLevel += 1;
  if (!agrees(request, wasm, nativeLines[i])) {
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
