// Shared set-up for the end-to-end tests (node:test + playwright-core driving
// Debian's Chromium). Tests import from here instead of launching things
// themselves, so flags, paths and artifacts stay in one place.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { chromium } from 'playwright-core';

import { startStaticServer } from '../../scripts/static-server.mjs';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const distDir = path.join(repoRoot, 'dist');
// dist/index.html opened straight from disk, as a learner with a USB stick would.
export const distFileUrl = pathToFileURL(path.join(distDir, 'index.html')).href;
export const screenshotDir = path.join(repoRoot, 'test-results/screenshots');

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

// Saves a full-page screenshot as test-results/screenshots/<name>.png and returns its path.
export async function screenshot(page, name) {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
