// Load budget of the page (issues 3 and 7): gzip sizes of a built dist/ and
// the time from navigation to <html data-ready="true"> in headless Chromium,
// served over localhost, as the median of several cold loads (a fresh browser
// context each time, so nothing comes from cache or a service worker).
//   node bench/load/load.mjs [loads] [dist dir]     (defaults: 7, build/bench-dist)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

import { launchBrowser, newPage } from '../../tests/e2e/harness.mjs';
import { startStaticServer } from '../../scripts/static-server.mjs';

const loads = Number(process.argv[2] ?? 7);
const dist = path.resolve(process.argv[3] ?? 'build/bench-dist');

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;

function category(rel) {
  if (rel.endsWith('.map') || /LICENSE|LEGAL/i.test(rel)) return 'maps & licenses';
  if (/\.(woff2?|ttf|otf)$/.test(rel)) return 'fonts';
  if (rel.endsWith('.wasm')) return 'wasm';
  if (rel === 'calccore.single.js') return 'wasm (file:// copy)';
  if (/\.(m?js)$/.test(rel)) return 'JS';
  return 'HTML, CSS, other';
}

function walk(dir, base = dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    return statSync(p).isDirectory() ? walk(p, base) : [path.relative(base, p)];
  });
}

// ---- sizes ----
const gzipOf = new Map(walk(dist).map((rel) => [rel, gz(path.join(dist, rel))]));
const byCategory = new Map();
for (const [rel, size] of gzipOf) byCategory.set(category(rel), (byCategory.get(category(rel)) ?? 0) + size);
const total = [...gzipOf.values()].reduce((a, b) => a + b, 0);

// ---- loads ----
const server = await startStaticServer({ root: dist, port: 0 });
const browser = await launchBrowser();
const ready = [], paint = [], dcl = [], wasmDone = [];
// The page's own performance marks (web/src/main.js), to show where the time goes.
// In load order: app.js starts; the core's glue script is imported, the wasm
// compiled (streaming) and instantiated; main.js has the core, hands it the
// exercise files, takes the catalog (the snapshot app.js embeds), then puts
// the exercises' boxes in the DOM; static math is typeset alongside, in slices.
const MARKS = [
  'calcwb:app-start', 'calcwb:glue-imported', 'calcwb:wasm-compiled', 'calcwb:wasm-instantiated',
  'calcwb:core-loaded', 'calcwb:exercises-loaded', 'calcwb:catalog', 'calcwb:exercises', 'calcwb:static-math',
];
const marks = new Map(MARKS.map((name) => [name, []]));
// Steps of one load, as medians of per-load differences (less noisy than
// differences of medians): [from mark, to mark or 'ready', label].
const STEPS = [
  ['calcwb:core-loaded', 'calcwb:exercises-loaded', 'core.loadExercises()'],
  ['calcwb:exercises-loaded', 'calcwb:catalog', 'catalog (bundled snapshot)'],
  ['calcwb:catalog', 'calcwb:exercises', 'exercises\' boxes built'],
  ['calcwb:core-loaded', 'ready', 'core loaded → data-ready'],
];
const steps = new Map(STEPS.map(([, , label]) => [label, []]));
let fetched = new Set();
try {
  for (let i = 0; i < loads; ++i) {
    const page = await newPage(browser, { serviceWorkers: 'block' });
    // Records when data-ready turns true, in the page's own clock (ms since navigation start).
    // The script runs before <html> exists, so it watches the document's subtree.
    await page.addInitScript(() => {
      new MutationObserver((_, obs) => {
        if (document.documentElement?.dataset.ready === 'true') {
          window.__readyAt = performance.now();
          obs.disconnect();
        }
      }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
    });
    const seen = new Set();
    page.on('response', (r) => {
      const u = new URL(r.url());
      if (u.origin === new URL(server.url).origin) seen.add(decodeURIComponent(u.pathname.slice(1)) || 'index.html');
    });
    await page.goto(server.url);
    await page.waitForSelector('html[data-ready="true"]', { timeout: 30000 });
    const t = await page.evaluate(() => ({
      ready: window.__readyAt,
      fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventEnd ?? null,
      wasm: performance.getEntriesByType('resource').find((e) => /calccore.*\.wasm$|calccore\.single\.js$/.test(e.name))
        ?.responseEnd ?? null,
      marks: Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    }));
    ready.push(t.ready);
    if (t.fcp !== null) paint.push(t.fcp);
    if (t.dcl !== null) dcl.push(t.dcl);
    if (t.wasm !== null) wasmDone.push(t.wasm);
    for (const name of MARKS) if (t.marks[name] !== undefined) marks.get(name).push(t.marks[name]);
    for (const [from, to, label] of STEPS) {
      const end = to === 'ready' ? t.ready : t.marks[to];
      if (t.marks[from] !== undefined && end !== undefined) steps.get(label).push(end - t.marks[from]);
    }
    if (page.problems.length) console.error(`load ${i + 1}: ${page.problems.join('; ')}`);
    fetched = seen;
    await page.context().close();
  }
} finally {
  await browser.close();
  await server.close();
}

const med = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const fetchedNonFont = [...fetched].filter((rel) => gzipOf.has(rel) && category(rel) !== 'fonts');
const fetchedGzip = fetchedNonFont.reduce((a, rel) => a + gzipOf.get(rel), 0);
const wasm = byCategory.get('wasm') ?? 0;
const allButFonts = total - (byCategory.get('fonts') ?? 0) - (byCategory.get('maps & licenses') ?? 0)
  - (byCategory.get('wasm (file:// copy)') ?? 0);

console.log('### Load (gzip -9 sizes of dist/; Chromium headless on localhost)\n');
console.log('| part | gzip |\n|---|---|');
for (const [cat, size] of [...byCategory].sort((a, b) => b[1] - a[1])) console.log(`| ${cat} | ${kb(size)} |`);
console.log(`| **total dist/** | ${kb(total)} |`);
console.log(`| everything but fonts, maps and the file:// copy of the core | ${kb(allButFonts)} |`);
console.log(`| fetched by one http load, fonts excepted (${fetchedNonFont.length} files) | ${kb(fetchedGzip)} |`);
console.log(`\n| ${loads} cold loads | median | min | max |\n|---|---|---|---|`);
console.log(`| navigation → data-ready | ${med(ready).toFixed(0)} ms | ${Math.min(...ready).toFixed(0)} ms | ${Math.max(...ready).toFixed(0)} ms |`);
const row = (label, xs) => console.log(
  `| ${label} | ${med(xs).toFixed(0)} ms | ${Math.min(...xs).toFixed(0)} ms | ${Math.max(...xs).toFixed(0)} ms |`);
if (dcl.length) row('navigation → DOMContentLoaded', dcl);
if (wasmDone.length) row('navigation → core file downloaded', wasmDone);
for (const [name, xs] of marks) if (xs.length) row(`navigation → mark ${name}`, xs);
for (const [label, xs] of steps) if (xs.length) row(`step: ${label}`, xs);
if (paint.length) {
  console.log(`| navigation → first contentful paint | ${med(paint).toFixed(0)} ms | ${Math.min(...paint).toFixed(0)} ms | ${Math.max(...paint).toFixed(0)} ms |`);
}
console.log('\nTargets (issues 3 and 7):');
const verdict = (ok) => (ok ? '**met**' : '**missed**');
console.log(`- wasm ≤ 150 KB gzip: ${kb(wasm)}, ${verdict(wasm <= 150 * 1024)}`);
console.log(`- everything but fonts ≤ 400 KB gzip: ${kb(allButFonts)}, ${verdict(allButFonts <= 400 * 1024)}`);
console.log(`- data-ready ≤ 500 ms: median ${med(ready).toFixed(0)} ms, ${verdict(med(ready) <= 500)}`);
if (paint.length) {
  console.log(`- first paint before the core is ready: median FCP ${med(paint).toFixed(0)} ms vs data-ready ${med(ready).toFixed(0)} ms, ${verdict(med(paint) < med(ready))}`);
}
