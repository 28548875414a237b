// Loads the wasm core and wraps it so that every call returns a plain object
// (the C++ facade returns JSON text; see wasm/API.md). No Embind handle leaves
// this file, so nothing needs .delete().
//
// Two builds of the same core sit next to index.html:
//  - calccore.mjs + calccore.wasm: an ES module; over http(s) the wasm is
//    streamed and compiled while it downloads.
//  - calccore.single.js: a classic script with the wasm embedded. Chromium
//    refuses module scripts and fetch() on file://, so that is the file:// path.
//
// The load is started by boot.js from <head> (startCoreLoad), so the core
// downloads and compiles while app.js, the stylesheets and the fonts arrive;
// app.js then awaits the same load (loadCore).

// The core's functions as named in wasm/API.md; those the build has are wrapped.
const API_FUNCTIONS = [
  'version', 'loadExercises', 'catalog', 'preview', 'grade', 'hint', 'solution', 'variant',
  'samplePlot', 'limitTable', 'tangent', 'gradientField', 'contours', 'evaluate',
];

// Functions that return their object themselves (typed arrays, wasm/API.md),
// not JSON text: passed through as they are.
const OBJECT_FUNCTIONS = ['samplePlotArrays'];

// The global holding the promise of the raw module (see sharedLoad).
const SHARED_LOAD = '__calcwbCoreModule';

// The load's steps as performance marks, so bench/load can say where the time
// to data-ready goes (main.js marks the steps after the load).
function mark(name) {
  globalThis.performance?.mark?.(name);
}

function loadClassicScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function loadFromFile(baseUrl) {
  await loadClassicScript(new URL('calccore.single.js', baseUrl).href);
  return globalThis.createCalcCore();
}

// Compiles calccore.wasm while it downloads. A server that does not send
// application/wasm makes compileStreaming fail; the bytes are compiled then.
function compileWasm(url) {
  return WebAssembly.compileStreaming(fetch(url, { credentials: 'same-origin' }))
    .catch(() => fetch(url, { credentials: 'same-origin' }).then((r) => r.arrayBuffer()).then((b) => WebAssembly.compile(b)))
    .then((module) => { mark('calcwb:wasm-compiled'); return module; });
}

// The wasm is fetched and compiled from the moment this runs, in parallel with
// importing calccore.mjs, whose evaluation waits for a main thread busy with
// app.js. Emscripten's documented Module.instantiateWasm hook (3.1.6 and
// later) takes the compiled module instead of fetching the file again.
async function loadOverHttp(baseUrl) {
  const compiled = compileWasm(new URL('calccore.wasm', baseUrl));
  compiled.catch(() => {}); // rejects the load below
  const { default: factory } = await import(new URL('calccore.mjs', baseUrl).href);
  mark('calcwb:glue-imported');
  return new Promise((resolve, reject) => {
    const instantiateWasm = (imports, receiveInstance) => {
      compiled
        .then((module) => WebAssembly.instantiate(module, imports).then((instance) => {
          mark('calcwb:wasm-instantiated');
          receiveInstance(instance, module);
        }))
        .catch(reject);
      return {}; // the exports arrive through receiveInstance
    };
    factory({ instantiateWasm }).then(resolve, reject);
  });
}

function loadModule(baseUrl) {
  return new URL(baseUrl).protocol === 'file:' ? loadFromFile(baseUrl) : loadOverHttp(baseUrl);
}

// Returns {name: (...args) => object} for every API function the module exports.
export function wrapModule(module) {
  const core = {};
  for (const name of API_FUNCTIONS) {
    if (typeof module[name] === 'function') {
      core[name] = (...args) => JSON.parse(module[name](...args));
    }
  }
  for (const name of OBJECT_FUNCTIONS) {
    if (typeof module[name] === 'function') core[name] = (...args) => module[name](...args);
  }
  return core;
}

// What went wrong when the core read the exercise files, from
// loadExercises()'s (or the exercise tool's) result: [] when every file
// loaded. Each problem is one line, "file:line: message" as `workbook check`
// prints them ("file: message" for line 0: the page's trees carry no lines),
// or the reason the core refused the whole input (in lang, which defaults to
// English).
export function exerciseLoadProblems(result, lang = 'en') {
  if (result.error) return [result.error[lang] ?? result.error.en ?? result.error.code];
  return result.errors.map(({ file, line, message }) => (line > 0 ? `${file}:${line}: ${message}` : `${file}: ${message}`));
}

// The one load of the page, shared through a global because boot.js and app.js
// are separate bundles and either may run first (boot.js is async).
function sharedLoad(baseUrl) {
  if (!globalThis[SHARED_LOAD]) {
    globalThis[SHARED_LOAD] = loadModule(baseUrl);
    globalThis[SHARED_LOAD].catch(() => {}); // reported by whoever awaits loadCore()
  }
  return globalThis[SHARED_LOAD];
}

// Called by boot.js: starts fetching and compiling the core right away.
export function startCoreLoad(baseUrl = document.baseURI) {
  sharedLoad(baseUrl);
}

// The wrapped core, from the load boot.js started (or starts it, when app.js
// runs first or boot.js failed to load).
export async function loadCore(baseUrl = document.baseURI) {
  return wrapModule(await sharedLoad(baseUrl));
}
