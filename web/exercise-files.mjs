// The exercise files as the wasm core's loadExercises() takes them
// (wasm/API.md): the page's core has no exercises built in and reads no TOML,
// so whatever runs it hands over each file's tree, the JSON form of its TOML
// document. exerciseTrees converts exercises/*.toml with the exercise tool
// (build/wasm/tools/exercise-tool.js, a Node-only wasm module built beside
// the page's), which checks them as `workbook check` does on loading and
// throws with file:line on any problem. web/build.mjs embeds the trees in
// app.js for the page; in Node, the build's catalog snapshot, the tests and
// the determinism suite load them into their core with loadExerciseFiles.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { exerciseLoadProblems } from './src/core.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const exercisesDir = path.join(root, 'exercises');

// The exercise tool of the wasm build whose web/ directory is wasmWebDir
// (build/wasm/web by default): tools/ beside it. CALCWB_EXERCISE_TOOL names
// another build's exercise-tool.js.
export function exerciseToolPath(wasmWebDir = path.join(root, 'build/wasm/web')) {
  return path.resolve(process.env.CALCWB_EXERCISE_TOOL ?? path.join(wasmWebDir, '../tools/exercise-tool.js'));
}

// [{name, text}] for every *.toml in dir, sorted by name (the order the
// compiled-in catalog of the native build reads them in).
export function readExerciseFiles(dir = exercisesDir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.toml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

const tools = new Map();
function loadTool(file) {
  if (!tools.has(file)) {
    const load = async () => {
      let factory;
      try {
        factory = createRequire(import.meta.url)(file);
      } catch (err) {
        throw new Error(`${file} could not be loaded (build it: scripts/build-wasm): ${err.message}`);
      }
      if (typeof factory !== 'function') throw new Error(`${file} did not load as CommonJS (no package.json with "type": "commonjs" above it?)`);
      return factory();
    };
    tools.set(file, load());
  }
  return tools.get(file);
}

// [{name, tree}] of the TOML files, as loadExercises() takes them; throws
// "the exercise files have problems:" and each problem as file:line: message
// when the tool finds any, so no site is built with an exercise missing.
export async function exerciseTrees(files = readExerciseFiles(), tool = exerciseToolPath()) {
  const module = await loadTool(tool);
  const result = JSON.parse(module.exerciseTrees(JSON.stringify(files)));
  const problems = exerciseLoadProblems(result);
  if (problems.length) throw new Error(`the exercise files have problems:\n  ${problems.join('\n  ')}`);
  return result.files;
}

// Loads trees ([{name, tree}], from exerciseTrees) into a raw core module
// (Embind, JSON text in and out) and returns the core's summary
// {exercises, boxes}; throws when the core refused the input or left any
// file out, so nothing runs on a partial catalog.
export function loadExerciseFiles(module, trees) {
  if (typeof module.loadExercises !== 'function') throw new Error('this core has no loadExercises() (wasm/bindings.cpp)');
  if (!Array.isArray(trees)) throw new Error('loadExerciseFiles needs the trees (exerciseTrees())');
  const result = JSON.parse(module.loadExercises(JSON.stringify(trees)));
  const problems = exerciseLoadProblems(result);
  if (problems.length) throw new Error(`the core could not load the exercise files:\n  ${problems.join('\n  ')}`);
  return result;
}
