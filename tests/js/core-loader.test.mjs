// web/src/core.js's wrapper over the real wasm core (the single-file build,
// which Node can load): every API function returns a parsed object.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';

import { wrapModule } from '../../web/src/core.js';

const require = createRequire(import.meta.url);
const createCalcCore = require('../../build/wasm/web/calccore.single.js');

test('wrapModule exposes the module functions as object-returning calls', async () => {
  const core = wrapModule(await createCalcCore());
  const pkg = require('../../package.json');
  assert.deepEqual(core.version(), { version: pkg.version });
});

test('wrapModule wraps only what the module has', () => {
  const core = wrapModule({ grade: () => '{"verdict":"correct"}', unrelated: () => 'x' });
  assert.deepEqual(Object.keys(core), ['grade']);
  assert.deepEqual(core.grade('b', 'a', 0), { verdict: 'correct' });
});
