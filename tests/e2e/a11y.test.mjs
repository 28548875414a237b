// Accessibility and layout: axe-core (from node_modules, injected by the test,
// never shipped in dist/) finds no violations in either language, also after
// a box shows its feedback; at 375 px wide nothing overflows sideways.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { catalogBoxes, nodeCore, openWorkbook, screenshot, servedWorkbook, submit } from './harness.mjs';

const session = servedWorkbook();
const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core/axe.min.js');
const core = await nodeCore();
const box = catalogBoxes(core).find((b) => b.kind !== 'choice');

async function axeViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['zh', 'en']) {
  test(`axe-core finds no violations (${lang})`, async () => {
    // bypassCSP only so that axe itself can be injected; the page is unchanged.
    const page = await openWorkbook(session.browser, session.server.url, { lang, contextOptions: { bypassCSP: true } });
    await submit(page, box.id, `${core.solution(box.id, 0).answer?.text}*)`);
    await page.click(`[data-box="${box.id}"] [data-role=hint]`);
    assert.deepEqual(await axeViolations(page), []);
    await page.context().close();
  });
}

test('at 375 px wide nothing scrolls sideways', async () => {
  const page = await openWorkbook(session.browser, session.server.url, { lang: 'zh', contextOptions: { viewport: { width: 375, height: 800 } } });
  await submit(page, box.id, core.solution(box.id, 0).answer?.text);
  // Sections out of view skip layout and clip what overflows them
  // (content-visibility: auto, styles.css): every section is laid out here,
  // so an overflow is measured instead of hidden, and the screenshot shows all.
  await page.evaluate(() => {
    for (const section of document.querySelectorAll('main > section')) section.style.contentVisibility = 'visible';
  });
  const widths = await page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    view: document.documentElement.clientWidth,
    wide: [...document.querySelectorAll('body *')].filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 1
      && getComputedStyle(el).position !== 'fixed' && !el.closest('[data-scroll], .katex-display, table, .table-wrap'))
      .slice(0, 5).map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
  }));
  await screenshot(page, 'narrow-375-zh');
  assert.ok(widths.page <= widths.view, `scrollWidth ${widths.page} > ${widths.view}: ${widths.wide.join(', ')}`);
  await page.context().close();
});
