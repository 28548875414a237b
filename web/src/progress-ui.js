// Progress as the learner sees it: a bar per section (boxes answered
// correctly / boxes in the section), export and import as a JSON file, reset,
// and the status line that reports storage problems.
import { getString } from './i18n.js';
import { validateImport, serialize } from './storage.js';

export function updateSectionBars(doc, store) {
  for (const section of doc.querySelectorAll('section[data-section]')) {
    const bar = section.querySelector('[data-role=section-progress]');
    if (!bar) continue;
    const ids = [...section.querySelectorAll('[data-box]')].map((el) => el.dataset.box);
    const done = ids.filter((id) => store.box(id)?.verdict === 'correct').length;
    bar.hidden = ids.length === 0;
    bar.max = Math.max(ids.length, 1);
    bar.value = done;
    const lang = doc.documentElement.dataset.lang;
    const text = getString('progressOf', lang, { done, total: ids.length });
    bar.setAttribute('aria-valuetext', text);
    bar.title = text;
    const label = section.querySelector('[data-role=section-progress-text]');
    if (label) label.textContent = text;
  }
}

export function describeStatus(status, lang) {
  switch (status.kind) {
    case 'dropped': return getString('storageDropped', lang, { n: status.dropped.length }) + status.dropped.slice(0, 3).join('; ');
    case 'unreadable': return getString('storageUnreadable', lang, { key: status.backupKey ?? '—' }) + (status.reason ? ` (${status.reason})` : '');
    case 'migrated': return getString('storageMigrated', lang);
    case 'quota': return getString('quotaFull', lang);
    case 'blocked': return getString('storageOff', lang);
    default: return '';
  }
}

export function mountProgressControls(root, { store, lang, onReplaced }) {
  const status = root.querySelector('[data-role=storage-status]');
  const exportButton = root.querySelector('[data-role=export]');
  const importInput = root.querySelector('[data-role=import]');
  const resetButton = root.querySelector('[data-role=reset]');
  let lastStatus = null;
  const say = (text) => { status.textContent = text; };

  store.onStatus((s) => { lastStatus = s; say(describeStatus(s, lang.value)); });
  lang.subscribe(() => { if (lastStatus) say(describeStatus(lastStatus, lang.value)); });

  exportButton.addEventListener('click', () => {
    const blob = new Blob([serialize(store.progress)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = 'calculus-workbook-progress.json';
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    lastStatus = null;
    say(getString('exported', lang.value));
  });

  importInput.addEventListener('change', async () => {
    const file = importInput.files?.[0];
    importInput.value = '';
    if (!file) return;
    const text = await file.text().catch(() => null);
    const result = validateImport(text);
    lastStatus = null;
    if (!result.ok) {
      status.dataset.state = 'error';
      say(getString('importRejected', lang.value) + result.error);
      return;
    }
    status.dataset.state = 'ok';
    store.replace(result.progress);
    onReplaced();
    say(getString('imported', lang.value, { n: Object.keys(result.progress.boxes).length }));
  });

  let armed = false;
  resetButton.addEventListener('click', () => {
    if (!armed) {
      armed = true;
      resetButton.dataset.armed = 'true';
      say(getString('resetConfirm', lang.value));
      setTimeout(() => { armed = false; delete resetButton.dataset.armed; }, 5000);
      return;
    }
    armed = false;
    delete resetButton.dataset.armed;
    store.reset();
    onReplaced();
    lastStatus = null;
    say(getString('resetDone', lang.value));
  });
}
