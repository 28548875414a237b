// dist/ as deployed: opened straight from disk (file://), and over http with
// the service worker keeping it working once the server is gone.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';

import { catalogBoxes, distFileUrl, launchBrowser, nodeCore, openWorkbook, serveDist, submit, waitForReady } from './harness.mjs';

let browser;
const core = await nodeCore();
const box = catalogBoxes(core).find((b) => b.kind !== 'choice');
const right = core.solution(box.id, 0).answer?.text;

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
});

test('dist/index.html from file:// loads the core and grades', async () => {
  const page = await openWorkbook(browser, distFileUrl);
  assert.equal((await submit(page, box.id, right)).verdict, 'correct');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('served once, the page keeps working offline through the service worker', async () => {
  const server = await serveDist();
  const page = await openWorkbook(browser, server.url);
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
  await server.close();
  // The server is gone; every file now has to come from the worker's cache.
  await assert.rejects(fetch(server.url));
  await page.reload();
  await waitForReady(page);
  assert.equal((await submit(page, box.id, right)).verdict, 'correct');
  await page.context().close();
});

test('the server sends application/wasm and the CSP header', async () => {
  const server = await serveDist();
  try {
    const res = await fetch(new URL('calccore.wasm', server.url));
    assert.equal(res.headers.get('content-type'), 'application/wasm');
    assert.match(res.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
  } finally {
    await server.close();
  }
});
