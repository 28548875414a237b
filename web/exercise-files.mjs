// The exercise files as the wasm core's loadExercises() takes them
// (wasm/API.md): the page's core has no exercises built in, so whatever runs
// it hands them over first. web/build.mjs embeds these files in app.js for the
// page; in Node, the build's catalog snapshot, the tests and the determinism
// suite load them into their core with loadExerciseFiles.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { exerciseLoadProblems } from './src/core.js';

export const exercisesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../exercises');

// [{name, text}] for every *.toml in dir, sorted by name (the order the
// compiled-in catalog of the native build reads them in).
export function readExerciseFiles(dir = exercisesDir) {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.toml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

// Loads files into a raw core module (Embind, JSON text in and out) and
// returns the core's summary {exercises, boxes}; throws when the core refused
// the input or left any file out, so nothing runs on a partial catalog.
export function loadExerciseFiles(module, files = readExerciseFiles()) {
  if (typeof module.loadExercises !== 'function') throw new Error('this core has no loadExercises() (wasm/bindings.cpp)');
  const result = JSON.parse(module.loadExercises(JSON.stringify(files)));
  const problems = exerciseLoadProblems(result);
  if (problems.length) throw new Error(`the core could not load the exercise files:\n  ${problems.join('\n  ')}`);
  return result;
}
