// The page hands the core the exercise trees app.js embeds before it builds
// any box (web/src/main.js). The build refuses a broken file, so one is made
// broken in transit here: the page must then name the file in its language
// (a tree carries no lines: "file: message"), build no boxes and set
// data-ready="error", never "true".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { readExerciseFiles } from '../../web/exercise-files.mjs';
import { distDir, newPage, servedWorkbook } from './harness.mjs';

const session = servedWorkbook();

// dist/app.js with the first exercise file's top-level `order` key renamed to
// one the exercise reader does not know; returns {body, file}. The trees
// are JSON text inside a JS string literal, so the key's quotes may be escaped.
function appWithBrokenExercise() {
  const [first, second] = readExerciseFiles();
  assert.match(first.text, /^order = /m, `${first.name} has a top-level order key`);
  const app = readFileSync(path.join(distDir, 'app.js'), 'utf8');
  const start = app.indexOf(first.name);
  const key = /(\\?")order\1:/g;
  key.lastIndex = start;
  const found = key.exec(app);
  assert.ok(start >= 0 && found, `app.js embeds ${first.name}'s tree with its order key`);
  assert.ok(found.index < app.indexOf(second.name, start), 'the order key found is the first file\'s');
  const at = found.index + found[1].length;
  return { body: `${app.slice(0, at)}ordre${app.slice(at + 'order'.length)}`, file: first.name };
}

test('an exercise file the core refuses: the page names it, builds no boxes and is not ready', async () => {
  const broken = appWithBrokenExercise();
  const page = await newPage(session.browser, { serviceWorkers: 'block' });
  await page.addInitScript(() => localStorage.setItem('calcwb.lang', 'en'));
  await page.route('**/app.js', (route) => route.fulfill({ body: broken.body, contentType: 'text/javascript; charset=utf-8' }));
  await page.goto(session.server.url);
  await page.waitForSelector('html[data-ready="error"]');

  const status = page.locator('[data-role=core-status]');
  const where = `${broken.file}: unknown key 'ordre'`;
  const en = await status.textContent();
  assert.ok(en.startsWith('The exercises could not be loaded: '), en);
  assert.ok(en.includes(where), en);
  assert.equal(await page.locator('[data-box]').count(), 0);

  await page.click('[data-role=lang-toggle]');
  const zh = await status.textContent();
  assert.ok(zh.startsWith('练习文件无法载入：') && zh.includes(where), zh);
  assert.deepEqual(page.problems, []);
  await page.context().close();
});
