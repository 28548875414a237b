// Loads the wasm core and wraps it so that every call returns a plain object
// (the C++ facade returns JSON text; see wasm/API.md). No Embind handle leaves
// this file, so nothing needs .delete().
//
// Two builds of the same core sit next to index.html:
//  - calccore.mjs + calccore.wasm: an ES module; over http(s) the wasm is
//    streamed and compiled while it downloads.
//  - calccore.single.js: a classic script with the wasm embedded. Chromium
//    refuses module scripts and fetch() on file://, so that is the file:// path.

// The core's functions as named in wasm/API.md; those the build has are wrapped.
const API_FUNCTIONS = [
  'version', 'catalog', 'preview', 'grade', 'hint', 'solution', 'variant',
  'samplePlot', 'limitTable', 'tangent', 'gradientField', 'contours', 'evaluate',
];

function loadClassicScript(src) {
  return new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = src;
    script.onload = resolve;
    script.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(script);
  });
}

async function loadFactory(baseUrl) {
  if (new URL(baseUrl).protocol === 'file:') {
    await loadClassicScript(new URL('calccore.single.js', baseUrl).href);
    return globalThis.createCalcCore;
  }
  const mod = await import(new URL('calccore.mjs', baseUrl).href);
  return mod.default;
}

// Returns {name: (...args) => object} for every API function the module exports.
export function wrapModule(module) {
  const core = {};
  for (const name of API_FUNCTIONS) {
    if (typeof module[name] === 'function') {
      core[name] = (...args) => JSON.parse(module[name](...args));
    }
  }
  return core;
}

export async function loadCore(baseUrl = document.baseURI) {
  const factory = await loadFactory(baseUrl);
  return wrapModule(await factory());
}
