// Shared set-up for the end-to-end tests (node:test + playwright-core driving
// Debian's Chromium). Tests import from here instead of launching things
// themselves, so flags, paths and artifacts stay in one place.
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { startStaticServer } from '../../scripts/static-server.mjs';
import { exerciseToolPath, exerciseTrees, loadExerciseFiles } from '../../web/exercise-files.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// E2E_DIST tests another build of the site (e.g. one engineer's own build dir).
export const distDir = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(repoRoot, 'dist');
// dist/index.html opened straight from disk, as a learner with a USB stick would.
export const distFileUrl = pathToFileURL(path.join(distDir, 'index.html')).href;
export const artifactDir = path.join(repoRoot, 'build/test-artifacts');

// `npx playwright install` cannot download browsers here; Debian's chromium is used.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic',
];

export function launchBrowser(options = {}) {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, ...options });
}

// Serves dist/ on a free port; resolves to {url, port, close}.
export function serveDist() {
  return startStaticServer({ root: distDir, port: 0 });
}

// Opens a fresh page that records console errors and uncaught exceptions, so a
// test can assert the page ran cleanly: page.problems is an array of strings.
export async function newPage(browser, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  // A missing element fails in 10 s rather than Playwright's 30 s default.
  context.setDefaultTimeout(10000);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') page.problems.push(`console: ${msg.text()}`);
  });
  return page;
}

// Waits until <html data-ready="true">, the page's signal that the core is loaded.
export async function waitForReady(page, timeout = 15000) {
  await page.waitForSelector('html[data-ready="true"]', { timeout });
}

// Saves a screenshot as build/test-artifacts/<name>.png (the whole page, or
// one element when `locator` is given) and returns its path.
export async function screenshot(page, name, locator = null) {
  mkdirSync(artifactDir, { recursive: true });
  const file = path.join(artifactDir, `${name}.png`);
  if (locator) await locator.screenshot({ path: file });
  else await page.screenshot({ path: file, fullPage: true });
  return file;
}

// One browser and one server of dist/ for a test file, started before its
// tests and closed after them; with { lang }, also the workbook opened once in
// that language. The returned object's fields are set by the time tests run.
export function servedWorkbook({ lang } = {}) {
  const session = { browser: null, server: null, page: null };
  before(async () => {
    session.browser = await launchBrowser();
    session.server = await serveDist();
    if (lang) session.page = await openWorkbook(session.browser, session.server.url, { lang });
  });
  after(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}

// Opens url in a fresh context with the language preset in storage (the
// page's own key, web/src/i18n.js) and waits for the core.
export async function openWorkbook(browser, url, { lang = 'en', contextOptions = {} } = {}) {
  const page = await newPage(browser, contextOptions);
  await page.addInitScript((l) => {
    if (!sessionStorage.getItem('e2e.langSet')) {
      localStorage.setItem('calcwb.lang', l);
      sessionStorage.setItem('e2e.langSet', '1');
    }
  }, lang);
  await page.goto(url);
  await waitForReady(page);
  return page;
}

// The page's core wrapper (web/src/core.js) over the same wasm build dist/
// ships (the single-file variant, which Node can load), given the same
// exercise trees as the page (web/exercise-files.mjs, converted by that
// build's exercise tool, tools/ beside web/, or CALCWB_EXERCISE_TOOL): right
// answers come from the core, never from the tests. E2E_WASM_DIR names the
// build's web/ directory when dist/ was built from another one (see E2E_DIST).
const wasmWebDir = process.env.E2E_WASM_DIR ? path.resolve(process.env.E2E_WASM_DIR) : path.join(repoRoot, 'build/wasm/web');
export async function nodeCore() {
  const { wrapModule } = await import('../../web/src/core.js');
  const module = await loadSingleFileCore(createRequire(import.meta.url), path.join(wasmWebDir, 'calccore.single.js'));
  loadExerciseFiles(module, await exerciseTrees(undefined, exerciseToolPath(wasmWebDir)));
  return wrapModule(module);
}

// Instantiates the single-file core in Node, with no exercises (see
// loadExerciseFiles in web/exercise-files.mjs). Emscripten's Node glue installs
// process-wide uncaughtException/unhandledRejection handlers that rethrow and
// print the whole minified module on any test failure; they are removed so a
// failing assertion reads as itself.
export async function loadSingleFileCore(require, file) {
  const events = ['uncaughtException', 'unhandledRejection'];
  const before = Object.fromEntries(events.map((e) => [e, process.listeners(e)]));
  const module = await require(file)();
  for (const e of events) {
    for (const listener of process.listeners(e)) if (!before[e].includes(listener)) process.off(e, listener);
  }
  return module;
}

// Every box of the core's catalog, with its exercise id.
export function catalogBoxes(core) {
  const catalog = core.catalog();
  if (catalog.error) throw new Error(`catalog(): ${JSON.stringify(catalog.error)}`);
  return catalog.exercises.flatMap((exercise) => exercise.boxes.map((box) => ({ ...box, exercise: exercise.id })));
}

// Types (or chooses) an answer in a box, presses its Check button and returns
// what the page shows: {verdict, feedback (text), position (from the marker, or null)}.
export async function submit(page, boxId, answer) {
  const root = page.locator(`[data-box="${boxId}"]`);
  const field = root.locator('[data-role=answer]');
  await root.evaluate((el) => { delete el.dataset.verdict; });
  if (await field.evaluate((el) => el.tagName === 'SELECT')) await field.selectOption(answer);
  else await field.fill(answer);
  await root.locator('[data-role=check]').click();
  await page.waitForFunction((id) => document.querySelector(`[data-box="${id}"]`)?.dataset.verdict, boxId, { timeout: 10000 });
  return root.evaluate((el) => {
    const feedback = el.querySelector('[data-role=feedback]');
    const marker = feedback.querySelector('[data-position]');
    return {
      verdict: el.dataset.verdict,
      feedback: feedback.textContent,
      position: marker ? Number(marker.dataset.position) : null,
    };
  });
}
