// Builds dist/, the whole deployable site, from web/ and the wasm build.
//   node web/build.mjs [--wasm-dir build/wasm/web] [--exercise-tool <wasm-dir>/../tools/exercise-tool.js] [--out dist]
// Steps: empty dist/; bundle web/src/boot.js and web/src/main.js with esbuild
// into classic IIFE scripts, because Chromium refuses module scripts on
// file:// (app.js with the trees of exercises/*.toml, converted and checked
// by the wasm build's exercise tool, and their catalog built in); copy web/index.html (with the CSP filled in), everything under
// web/static/, the core (calccore.mjs, minified, and calccore.wasm for http;
// calccore.single.js for file://) and KaTeX's CSS and fonts; last, the service
// worker, whose cache name is a hash of the files it caches. The result needs
// no server logic: copying dist/ anywhere is the deployment.
import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { cp, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { catalogSnapshot } from './catalog-snapshot.mjs';
import { CSP } from './csp.mjs';
import { exerciseToolPath, exerciseTrees } from './exercise-files.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
  options: {
    'wasm-dir': { type: 'string', default: path.join(root, 'build/wasm/web') },
    'exercise-tool': { type: 'string' },
    out: { type: 'string', default: path.join(root, 'dist') },
  },
});
const out = path.resolve(opts.out);
const wasmDir = path.resolve(opts['wasm-dir']);
// The exercise tool of the same wasm build (or CALCWB_EXERCISE_TOOL): the trees match the core.
const exerciseTool = opts['exercise-tool'] ? path.resolve(opts['exercise-tool']) : exerciseToolPath(wasmDir);
const CORE_FILES = ['calccore.mjs', 'calccore.wasm', 'calccore.single.js'];

async function exists(p) {
  return stat(p).then(() => true, () => false);
}

const BUNDLE_OPTIONS = {
  absWorkingDir: root,
  outdir: out,
  bundle: true,
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
};

// boot.js, a small script of its own, starts the core from <head>; app.js is
// the rest, with the exercise trees the page hands the core at start-up
// (web/exercise-files.mjs: exercises/*.toml converted by the exercise tool,
// which fails the build on any problem) and the catalog they give
// (web/catalog-snapshot.mjs) built in: no request of their own, so file://
// and the service worker's cache need nothing more. Both are defined as
// string literals of JSON text, the trees in the very form loadExercises() takes.
async function bundleApp() {
  const trees = await exerciseTrees(undefined, exerciseTool);
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: { boot: 'web/src/boot.js', app: 'web/src/main.js' },
    define: {
      __CALCWB_EXERCISE_FILES__: JSON.stringify(JSON.stringify(trees)),
      __CALCWB_CATALOG__: JSON.stringify(await catalogSnapshot(wasmDir, trees)),
    },
  });
}

// The service worker's cache is named after a hash of what it caches, so a
// new deployment gets a fresh cache instead of serving the old page with the
// new core (or the reverse).
async function bundleServiceWorker() {
  const hash = createHash('sha256');
  for (const file of ['index.html', 'boot.js', 'app.js', 'styles.css', ...CORE_FILES]) hash.update(await readFile(path.join(out, file)));
  await build({
    ...BUNDLE_OPTIONS,
    entryPoints: { sw: 'web/src/sw.js' },
    define: { __CACHE_VERSION__: JSON.stringify(hash.digest('hex').slice(0, 16)) },
  });
}

// Emscripten 3.1.6 without the Closure Compiler leaves calccore.mjs's local
// names long; esbuild's minifier shortens them (~10.8 -> ~8.2 KB gzip). The
// file:// copy is left as built: it is not fetched over the network.
async function copyCore() {
  for (const file of CORE_FILES) {
    const from = path.join(wasmDir, file);
    if (!(await exists(from))) {
      throw new Error(`${from} is missing: build the core first (scripts/build-wasm)`);
    }
    if (file === 'calccore.mjs') {
      const { code } = await transform(await readFile(from, 'utf8'), { minify: true, format: 'esm', target: BUNDLE_OPTIONS.target });
      await writeFile(path.join(out, file), code);
    } else {
      await cp(from, path.join(out, file));
    }
  }
}

async function copyKatex() {
  const katexDist = path.join(root, 'node_modules/katex/dist');
  await cp(path.join(katexDist, 'katex.min.css'), path.join(out, 'katex/katex.min.css'));
  // woff2 only: every browser that runs the workbook's wasm reads woff2, and the
  // .woff/.ttf fallbacks named in the CSS would triple the size of dist/.
  await cp(path.join(katexDist, 'fonts'), path.join(out, 'katex/fonts'), {
    recursive: true,
    filter: (src) => !/\.(woff|ttf)$/.test(src),
  });
}

async function writeIndex() {
  const html = await readFile(path.join(root, 'web/index.html'), 'utf8');
  await writeFile(path.join(out, 'index.html'), html.replaceAll('__CSP__', CSP));
}

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
if (await exists(path.join(root, 'web/static'))) {
  await cp(path.join(root, 'web/static'), out, { recursive: true });
}
await Promise.all([bundleApp(), copyCore(), copyKatex(), writeIndex()]);
await bundleServiceWorker();
console.log(`dist/ built at ${out}`);
