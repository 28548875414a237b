// Chinese by default, English by the toggle, the choice remembered across a
// reload; a screenshot of every section in both languages goes to
// build/test-artifacts/ for people to look at.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { newPage, screenshot, servedWorkbook, waitForReady } from './harness.mjs';

const session = servedWorkbook();

// Which language's spans are shown, read from the first paragraph with both.
const visibleLanguage = (page) => page.evaluate(() => {
  const zh = document.querySelector('section [lang="zh-CN"]');
  const en = document.querySelector('section [lang="en"]');
  const shown = (el) => el && getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  return { zh: shown(zh), en: shown(en), html: document.documentElement.lang };
});

async function shootSections(page, lang) {
  const sections = await page.$$eval('section[data-section]', (els) => els.map((el) => el.dataset.section));
  assert.ok(sections.length > 0);
  for (const name of sections) {
    await screenshot(page, `section-${name}-${lang}`, page.locator(`section[data-section="${name}"]`));
  }
}

test('zh by default, en by the toggle, remembered after a reload', async () => {
  const page = await newPage(session.browser);
  await page.goto(session.server.url);
  await waitForReady(page);
  assert.deepEqual(await visibleLanguage(page), { zh: true, en: false, html: 'zh-CN' });
  await shootSections(page, 'zh');

  await page.click('[data-role=lang-toggle]');
  assert.deepEqual(await visibleLanguage(page), { zh: false, en: true, html: 'en' });
  assert.equal(await page.getAttribute('[data-role=lang-toggle]', 'aria-pressed'), 'true');
  await shootSections(page, 'en');

  await page.reload();
  await waitForReady(page);
  assert.deepEqual(await visibleLanguage(page), { zh: false, en: true, html: 'en' });
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('the core\'s labels and feedback follow the toggle', async () => {
  const page = await newPage(session.browser);
  await page.goto(session.server.url);
  await waitForReady(page);
  const check = page.locator('[data-box] [data-role=check]').first();
  const zh = await check.textContent();
  await page.click('[data-role=lang-toggle]');
  const en = await check.textContent();
  assert.notEqual(zh, en);
  assert.match(en, /[A-Za-z]/);
  assert.match(zh, /\p{Script=Han}/u);
  await page.context().close();
});
