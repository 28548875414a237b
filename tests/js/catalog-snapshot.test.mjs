// web/catalog-snapshot.mjs: the catalog web/build.mjs builds into app.js is
// the one the same core's catalog() gives, and a missing core fails the build
// instead of shipping a page without exercises.
// The core comes from scripts/build-wasm (build/wasm/web/); CALCCORE_SINGLE
// points at another build of calccore.single.js.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { catalogSnapshot } from '../../web/catalog-snapshot.mjs';

const require = createRequire(import.meta.url);
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const corePath = path.resolve(process.env.CALCCORE_SINGLE ?? path.join(repoRoot, 'build/wasm/web/calccore.single.js'));

test('the snapshot is the core\'s own catalog, with every exercise and box', async () => {
  assert.ok(existsSync(corePath), `${corePath} is missing: run scripts/build-wasm first (or set CALCCORE_SINGLE)`);
  const text = await catalogSnapshot(path.dirname(corePath));
  const core = await require(corePath)();
  assert.equal(text, core.catalog());
  const catalog = JSON.parse(text);
  assert.ok(catalog.exercises.length > 0);
  for (const exercise of catalog.exercises) {
    assert.ok(exercise.boxes.length > 0, exercise.id);
    assert.equal(exercise.seed, 0, `${exercise.id}: the book's numbers`);
  }
});

test('a directory without the core fails the snapshot', async () => {
  await assert.rejects(catalogSnapshot(mkdtempSync(path.join(tmpdir(), 'no-core-'))));
});
