// Determinism: the same requests through the native facade (determinism_driver)
// and through the wasm core under Node (web/calccore.single.js) must give
// byte-identical JSON, every function, every number. Both builds compute their
// transcendental functions with the same vendored musl code
// (core/numeric/libm), so no last-bit libm difference is left to tolerate.
// Build directories: $DETERMINISM_NATIVE_BUILD and $DETERMINISM_WASM_BUILD
// (default build/native and build/wasm, the presets); the exercise tool is the
// wasm build's tools/exercise-tool.js (or $CALCWB_EXERCISE_TOOL).
// Prints the first differences and exits 1 if there are any.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { exerciseToolPath, exerciseTrees, loadExerciseFiles } from '../../web/exercise-files.mjs';
import { loadSingleFileCore } from '../e2e/harness.mjs';
import { gradeRequests, numericRequests } from './generate.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const require = createRequire(import.meta.url);
const buildDir = (variable, preset) => path.resolve(root, process.env[variable] || `build/${preset}`);
const nativeBuild = buildDir('DETERMINISM_NATIVE_BUILD', 'native');
const wasmBuild = buildDir('DETERMINISM_WASM_BUILD', 'wasm');
const core = await loadSingleFileCore(require, path.join(wasmBuild, 'web/calccore.single.js'));
// The native driver's catalog is compiled in from exercises/*.toml; the wasm
// core, like the page's, is handed the same files as trees.
loadExerciseFiles(core, await exerciseTrees(undefined, exerciseToolPath(path.join(wasmBuild, 'web'))));

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

const native = spawnSync(path.join(nativeBuild, 'bin/determinism_driver'), {
  input, encoding: 'utf8', maxBuffer: 1 << 28,
});
if (native.status !== 0) {
  console.error(native.stderr || native.error?.message);
  throw new Error(`determinism_driver exited with ${native.status}`);
}
const nativeLines = native.stdout.split('\n');
let differences = 0;
const byFunction = {};
requests.forEach((request, i) => {
  const wasm = callWasm(request);
  if (wasm !== nativeLines[i]) {
    differences += 1;
    byFunction[request[0]] = (byFunction[request[0]] ?? 0) + 1;
    if (differences <= 10) {
      console.log(`DIFFERENT: ${JSON.stringify(request)}\n  native: ${nativeLines[i]}\n  wasm:   ${wasm}`);
    }
  }
});
console.log(`${requests.length} requests (${boxes.length} boxes), ${differences} different`,
  differences ? byFunction : '');
process.exit(differences === 0 ? 0 : 1);
