// The pipeline's slice: dist/ loads the wasm core and shows what it computed,
// both over http (ES module + .wasm) and from file:// (classic single-file core).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { distFileUrl, launchBrowser, newPage, screenshot, serveDist, waitForReady } from './harness.mjs';

let browser;
let server;

before(async () => {
  browser = await launchBrowser();
  server = await serveDist();
});

after(async () => {
  await browser?.close();
  await server?.close();
});

async function checkSlice(url, shotName) {
  const page = await newPage(browser);
  await page.goto(url);
  await waitForReady(page);
  const text = await page.textContent('[data-role=slice-result]');
  await screenshot(page, shotName);
  // The version comes from the wasm module (CMake's PROJECT_VERSION); f(1) = 3 - 4.
  assert.match(text, /calccore \d+\.\d+\.\d+/);
  if (text.includes('f(1)')) assert.match(text, /f\(1\) = -1\b/);
  assert.deepEqual(page.problems, []);
  await page.context().close();
}

test('served dist/ loads the wasm core and shows its result', async () => {
  await checkSlice(server.url, 'slice-http');
});

test('dist/index.html opened from file:// loads the core', async () => {
  await checkSlice(distFileUrl, 'slice-file');
});

test('the server sends application/wasm and the CSP header', async () => {
  const res = await fetch(new URL('calccore.wasm', server.url));
  assert.equal(res.headers.get('content-type'), 'application/wasm');
  assert.match(res.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
});
