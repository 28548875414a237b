// The book's exercise catalog (seed 0), taken at build time from the very core
// that goes into dist/, loaded with the very exercise trees app.js embeds,
// for app.js to embed too (web/build.mjs defines it as __CALCWB_CATALOG__).
// The page then builds its answer boxes without calling core.catalog() first:
// that first call prints the exercises' formulas, all in wasm code the browser
// compiles lazily on first use, and it was the largest step between the core's
// load and data-ready. Variants ("try another", a stored seed) still come from
// the core. An exercise file the exercise tool or the core refuses fails the
// build here, so no site ships with an exercise missing.
import { createRequire } from 'node:module';
import path from 'node:path';

import { exerciseToolPath, exerciseTrees, loadExerciseFiles } from './exercise-files.mjs';

// Returns the JSON text of catalog() from wasmDir/calccore.single.js after
// loadExercises(trees); throws if the core reports any problem with them.
// The trees default to exercises/*.toml converted by the exercise tool of the
// same build (exerciseToolPath).
export async function catalogSnapshot(wasmDir, trees) {
  trees ??= await exerciseTrees(undefined, exerciseToolPath(wasmDir));
  const require = createRequire(import.meta.url);
  const events = ['uncaughtException', 'unhandledRejection'];
  const before = Object.fromEntries(events.map((e) => [e, process.listeners(e)]));
  const file = path.join(wasmDir, 'calccore.single.js');
  const factory = require(file);
  // Under the repository's "type": "module" a build directory needs its
  // package.json marker (CMakeLists.txt writes it) for Node to read the core as CommonJS.
  if (typeof factory !== 'function') throw new Error(`${file} did not load as CommonJS (no package.json with "type": "commonjs" beside it?)`);
  const core = await factory();
  // Emscripten's Node glue may install process-wide handlers; the build keeps its own.
  for (const e of events) {
    for (const listener of process.listeners(e)) if (!before[e].includes(listener)) process.off(e, listener);
  }
  loadExerciseFiles(core, trees);
  const text = core.catalog();
  const catalog = JSON.parse(text);
  if (catalog.error) throw new Error(`the core's catalog() failed: ${JSON.stringify(catalog.error)}`);
  return text;
}
