// web/src/progress-ui.js: the storage status line says what happened, in
// the learner's language, for every status the progress store reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { describeStatus } from '../../web/src/progress-ui.js';

test('each storage status has a message in both languages', () => {
  const statuses = [
    { kind: 'dropped', dropped: ['a: bad verdict', 'b: bad attempts'] },
    { kind: 'unreadable', backupKey: 'calcwb.progress.unreadable.5', reason: 'not JSON' },
    { kind: 'migrated' },
    { kind: 'quota' },
    { kind: 'blocked' },
  ];
  for (const status of statuses) {
    const zh = describeStatus(status, 'zh');
    const en = describeStatus(status, 'en');
    assert.ok(zh && en && zh !== en, status.kind);
  }
  assert.equal(describeStatus({ kind: 'ok' }, 'en'), '');
});

test('the messages carry the details: how many entries, which backup key, why', () => {
  const dropped = describeStatus({ kind: 'dropped', dropped: ['a: bad verdict', 'b: bad attempts'] }, 'en');
  assert.match(dropped, /^2 /);
  assert.match(dropped, /a: bad verdict; b: bad attempts/);
  const unreadable = describeStatus({ kind: 'unreadable', backupKey: 'calcwb.progress.unreadable.5', reason: 'not JSON' }, 'zh');
  assert.match(unreadable, /calcwb\.progress\.unreadable\.5/);
  assert.match(unreadable, /not JSON/);
  assert.match(describeStatus({ kind: 'unreadable', backupKey: null }, 'en'), /—/);
});
