// Hostile learner text stays text: script tags, event handlers, javascript:
// URLs, KaTeX's \href/\url/\htmlClass and bidi controls run nothing and add
// no element, link, handler or class anywhere in the page. The Content-Security-Policy really blocks an
// inline script (with a control run that bypasses the CSP, to show the probe
// would notice a script that ran).
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { catalogBoxes, distDir, distFileUrl, nodeCore, openWorkbook, servedWorkbook, submit } from './harness.mjs';

const session = servedWorkbook();
const core = await nodeCore();
const boxes = catalogBoxes(core).filter((b) => b.kind !== 'choice');

const HOSTILE = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '<svg onload="window.__pwned=1">',
  '\\href{javascript:window.__pwned=1}{x}',
  '\\url{javascript:window.__pwned=1}',
  '\\htmlClass{pwned}{x}',
  '\\htmlId{pwned}{x} + \\htmlData{a=b}{x} + \\htmlStyle{color:red}{x}',
  'javascript:window.__pwned=1',
  '"><img src=x onerror=window.__pwned=1>',
  'x\u202e+1\u202c',
  '\u2066x\u2069 + \u200fy',
];

test('hostile answers run nothing and inject nothing', async () => {
  const page = await openWorkbook(session.browser, session.server.url);
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  for (const box of boxes) {
    for (const text of HOSTILE) {
      const shown = await submit(page, box.id, text);
      assert.ok(['invalid', 'incorrect', 'undecided'].includes(shown.verdict), `${box.id} "${text}": ${shown.verdict}`);
      // Let the live preview render the same text as well.
      await page.waitForTimeout(20);
    }
  }
  await page.waitForTimeout(300);
  const found = await page.evaluate(() => ({
    pwned: window.__pwned ?? null,
    images: document.querySelectorAll('img[src=x], svg[onload], script:not([src])').length,
    links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')).filter((h) => /^\s*javascript:/i.test(h)),
    classes: document.querySelectorAll('.pwned, #pwned, [data-a]').length,
    handlers: [...document.querySelectorAll('body *')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).length,
  }));
  assert.deepEqual(found, { pwned: null, images: 0, links: [], classes: 0, handlers: 0 });
  assert.deepEqual(dialogs, []);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

// Adds an inline <script> the way an injection would and reports whether it
// ran and whether the browser reported a CSP violation for it.
async function probeInlineScript(page) {
  return page.evaluate(() => new Promise((resolve) => {
    let violation = null;
    document.addEventListener('securitypolicyviolation', (e) => { violation = e.effectiveDirective; }, { once: true });
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.head.append(script);
    setTimeout(() => resolve({ ran: window.__inlineRan === true, violation }), 200);
  }));
}

test('the CSP blocks an inline script, served and from file://', async () => {
  for (const url of [session.server.url, distFileUrl]) {
    const page = await openWorkbook(session.browser, url);
    assert.deepEqual(await probeInlineScript(page), { ran: false, violation: 'script-src-elem' }, url);
    await page.context().close();
  }
});

test('control: with the CSP bypassed the same probe does run', async () => {
  const page = await openWorkbook(session.browser, session.server.url, { contextOptions: { bypassCSP: true } });
  assert.deepEqual(await probeInlineScript(page), { ran: true, violation: null });
  await page.context().close();
});

test('dist/index.html carries the CSP itself, without unsafe-inline or unsafe-eval for scripts', async () => {
  const html = await readFile(path.join(distDir, 'index.html'), 'utf8');
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a CSP meta tag');
  const scriptSrc = meta[1].split(';').map((d) => d.trim()).find((d) => d.startsWith('script-src'));
  assert.equal(scriptSrc, "script-src 'self' 'wasm-unsafe-eval'");
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
    .filter(([, attrs, body]) => !/\bsrc=/.test(attrs) || body.trim() !== '');
  assert.deepEqual(inline.map((m) => m[0].slice(0, 80)), [], 'no inline script in the page');
});
