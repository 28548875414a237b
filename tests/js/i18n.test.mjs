// web/src/i18n.js: every UI string exists in both languages, placeholders are
// filled, the stored choice is validated, and storage failures are harmless.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import { LANGS, STRINGS, createLanguage, getString, htmlLang, loadLang, normalizeLang, pick, saveLang } from '../../web/src/i18n.js';

function leaves(node, path = []) {
  if (typeof node.zh === 'string' || typeof node.en === 'string') return [[path.join('.'), node]];
  return Object.entries(node).flatMap(([k, v]) => leaves(v, [...path, k]));
}

test('every string has a non-empty zh and en text with the same placeholders', () => {
  for (const [key, texts] of leaves(STRINGS)) {
    for (const lang of LANGS) assert.ok(texts[lang]?.trim(), `${key}.${lang} missing`);
    const vars = (t) => [...t.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    assert.deepEqual(vars(texts.zh), vars(texts.en), key);
  }
});

test('getString fills placeholders, follows dotted keys and falls back to the key', () => {
  assert.equal(getString('hintOf', 'en', { i: 2, n: 3 }), 'Hint 2 of 3');
  assert.equal(getString('hintOf', 'zh', { i: 2, n: 3 }), '提示 2/3');
  assert.equal(getString('verdict.correct', 'en'), 'Correct!');
  assert.equal(getString('no.such.key', 'en'), 'no.such.key');
  assert.equal(getString('hintOf', 'en', { i: 1 }), 'Hint 1 of {n}');
});

test('pick chooses the language, falls back to the other, and accepts plain strings', () => {
  assert.equal(pick({ zh: '对', en: 'right' }, 'zh'), '对');
  assert.equal(pick({ zh: '对', en: 'right' }, 'en'), 'right');
  assert.equal(pick({ zh: '对' }, 'en'), '对');
  assert.equal(pick('plain', 'zh'), 'plain');
  assert.equal(pick(null, 'zh'), '');
});

test('the language defaults to zh, is validated when loaded and remembered when saved', () => {
  const map = new Map();
  const storage = { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => map.set(k, v) };
  assert.equal(loadLang(storage), 'zh');
  saveLang(storage, 'en');
  assert.equal(loadLang(storage), 'en');
  map.set('calcwb.lang', '<script>');
  assert.equal(loadLang(storage), 'zh');
  const throwing = { getItem() { throw new Error('blocked'); }, setItem() { throw new Error('blocked'); } };
  assert.equal(loadLang(throwing), 'zh');
  assert.doesNotThrow(() => saveLang(throwing, 'en'));
  assert.equal(normalizeLang('fr'), 'zh');
  assert.equal(htmlLang('zh'), 'zh-CN');
});

test('createLanguage notifies subscribers only on a real change', () => {
  const lang = createLanguage('en');
  const seen = [];
  const off = lang.subscribe((v) => seen.push(v));
  lang.set('en');
  lang.set('zh');
  lang.set('xx'); // normalized to zh: no change
  off();
  lang.set('en');
  assert.deepEqual(seen, ['zh']);
  assert.equal(lang.value, 'en');
});
