// Progress in the browser: it survives a reload, goes out and back in through
// export/import, a bad import changes nothing, and damaged, foreign or older
// storage never breaks the page and never loses what is valid.
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { test } from 'node:test';

import { artifactDir, catalogBoxes, nodeCore, openWorkbook, servedWorkbook, submit, waitForReady } from './harness.mjs';

const session = servedWorkbook();
const KEY = 'calcwb.progress'; // web/src/storage.js STORAGE_KEY
const core = await nodeCore();
// Two text boxes and their right answers, from the core.
const [first, second] = catalogBoxes(core).filter((b) => b.kind !== 'choice')
  .map((b) => ({ id: b.id, right: core.solution(b.id, 0).answer?.text }));

const verdictOf = (page, id) => page.locator(`[data-box="${id}"]`).getAttribute('data-verdict');
const answerOf = (page, id) => page.locator(`[data-box="${id}"] [data-role=answer]`).inputValue();
const statusText = (page) => page.locator('[data-role=storage-status]').textContent();

// A page whose storage holds `stored` (raw text) before any script runs.
async function openWithStorage(stored) {
  const context = await session.browser.newContext();
  await context.addInitScript(([key, text, l]) => {
    if (!sessionStorage.getItem('e2e.seeded')) {
      localStorage.setItem(key, text);
      localStorage.setItem('calcwb.lang', l);
      sessionStorage.setItem('e2e.seeded', '1');
    }
  }, [KEY, stored, 'en']);
  const page = await context.newPage();
  page.problems = [];
  page.on('pageerror', (err) => page.problems.push(err.message));
  await page.goto(session.server.url);
  await waitForReady(page);
  return page;
}

function entry(answer, verdict) {
  return { answer, verdict, attempts: 1, hintsUsed: 0, updatedAt: 1 };
}

test('a reload keeps answers and verdicts', async () => {
  const page = await openWorkbook(session.browser, session.server.url);
  assert.equal((await submit(page, first.id, first.right)).verdict, 'correct');
  assert.equal((await submit(page, second.id, `(${second.right})*)`)).verdict, 'invalid');
  await page.reload();
  await waitForReady(page);
  assert.equal(await verdictOf(page, first.id), 'correct');
  assert.equal(await answerOf(page, first.id), first.right);
  assert.equal(await verdictOf(page, second.id), 'invalid');
  await page.context().close();
});

test('export, reset, then import brings the progress back; a bad file changes nothing', async () => {
  const page = await openWorkbook(session.browser, session.server.url);
  assert.equal((await submit(page, first.id, first.right)).verdict, 'correct');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-role=export]')]);
  const exported = path.join(artifactDir, 'exported-progress.json');
  await download.saveAs(exported);
  const saved = JSON.parse(await readFile(exported, 'utf8'));
  assert.equal(saved.boxes[first.id].verdict, 'correct');

  await page.click('[data-role=reset]');
  await page.click('[data-role=reset]'); // the second click confirms
  assert.equal(await verdictOf(page, first.id), null);

  const bad = path.join(artifactDir, 'bad-progress.json');
  await writeFile(bad, '{"schema": 2, "boxes": [1, 2');
  await page.setInputFiles('[data-role=import]', bad);
  await page.waitForFunction(() => document.querySelector('[data-role=storage-status]').dataset.state === 'error');
  assert.equal(await verdictOf(page, first.id), null);

  await page.setInputFiles('[data-role=import]', exported);
  await page.waitForFunction(() => document.querySelector('[data-role=storage-status]').dataset.state === 'ok');
  assert.equal(await verdictOf(page, first.id), 'correct');
  assert.equal(await answerOf(page, first.id), first.right);

  // A bad file after a good one leaves the imported progress in place.
  await page.setInputFiles('[data-role=import]', bad);
  await page.waitForFunction(() => document.querySelector('[data-role=storage-status]').dataset.state === 'error');
  assert.equal(await verdictOf(page, first.id), 'correct');
  await page.context().close();
});

test('damaged JSON: the page works, reports it and keeps the text in a backup key', async () => {
  const damaged = '{"schema":2,"app":"calculus-workbook","boxes":{';
  const page = await openWithStorage(damaged);
  assert.deepEqual(page.problems, []);
  assert.notEqual(await statusText(page), '');
  const backups = await page.evaluate((key) => Object.keys(localStorage).filter((k) => k.startsWith(`${key}.unreadable.`))
    .map((k) => localStorage.getItem(k)), KEY);
  assert.deepEqual(backups, [damaged]);
  assert.equal((await submit(page, first.id, first.right)).verdict, 'correct');
  await page.context().close();
});

test('a partly foreign entry: the valid boxes are kept, the rest reported', async () => {
  const stored = JSON.stringify({
    schema: 2, app: 'calculus-workbook', resetAt: 0, exercises: {},
    boxes: { [first.id]: entry(first.right, 'correct'), [second.id]: { answer: 42, verdict: 'maybe' } },
  });
  const page = await openWithStorage(stored);
  assert.deepEqual(page.problems, []);
  assert.equal(await verdictOf(page, first.id), 'correct');
  assert.equal(await answerOf(page, first.id), first.right);
  assert.equal(await verdictOf(page, second.id), null);
  assert.match(await statusText(page), new RegExp(second.id.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')));
  await page.context().close();
});

test('progress saved under the older schema 1 is migrated', async () => {
  const stored = JSON.stringify({
    version: 1, answers: { [first.id]: first.right }, verdicts: { [first.id]: 'correct' }, attempts: { [first.id]: 2 },
  });
  const page = await openWithStorage(stored);
  assert.equal(await verdictOf(page, first.id), 'correct');
  const now = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  assert.equal(now.schema, 2);
  assert.equal(now.boxes[first.id].answer, first.right);
  await page.context().close();
});

test('a full storage quota on write keeps the progress already saved', async () => {
  const stored = JSON.stringify({
    schema: 2, app: 'calculus-workbook', resetAt: 0, exercises: {}, boxes: { [first.id]: entry(first.right, 'correct') },
  });
  const page = await openWithStorage(stored);
  await page.evaluate(() => {
    Storage.prototype.setItem = function setItem() { throw new DOMException('full', 'QuotaExceededError'); };
  });
  assert.equal((await submit(page, second.id, second.right)).verdict, 'correct');
  assert.notEqual(await statusText(page), '');
  const kept = await page.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  assert.equal(kept.boxes[first.id].verdict, 'correct');
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('two tabs writing at once both keep their answers', async () => {
  const context = await session.browser.newContext();
  const [a, b] = [await context.newPage(), await context.newPage()];
  for (const p of [a, b]) {
    await p.goto(session.server.url);
    await waitForReady(p);
  }
  await Promise.all([submit(a, first.id, first.right), submit(b, second.id, second.right)]);
  const stored = await a.evaluate((key) => JSON.parse(localStorage.getItem(key)), KEY);
  assert.equal(stored.boxes[first.id]?.verdict, 'correct');
  assert.equal(stored.boxes[second.id]?.verdict, 'correct');
  await context.close();
});
