// Starts the workbook: language first (the prose is already painted from
// index.html), then storage and the demos' drawings, then the wasm core in the
// background; once it is loaded the exercises are built and <html> gets
// data-ready="true".
import { loadCore } from './core.js';
import { mountExerciseSlot } from './exercises.js';
import { createLanguage, getString, htmlLang, loadLang, saveLang } from './i18n.js';
import { mountChainDemo } from './demos/chain-demo.js';
import { mountGradient } from './demos/gradient.js';
import { mountLimitTable } from './demos/limit-table.js';
import { mountPolygon } from './demos/polygon.js';
import { mountTangent } from './demos/tangent.js';
import { createProgressStore } from './progress-store.js';
import { mountProgressControls, updateSectionBars } from './progress-ui.js';
import { renderStaticMath } from './tex.js';

function safeLocalStorage() {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

// A stand-in when the browser blocks localStorage: progress lives in the tab.
function memoryStorage() {
  const map = new Map();
  return { getItem: (k) => (map.has(k) ? map.get(k) : null), setItem: (k, v) => map.set(k, String(v)), removeItem: (k) => map.delete(k) };
}

function setupLanguage(storage) {
  const lang = createLanguage(loadLang(storage));
  const apply = (value) => {
    document.documentElement.lang = htmlLang(value);
    document.documentElement.dataset.lang = value;
    const toggle = document.querySelector('[data-role=lang-toggle]');
    toggle.setAttribute('aria-pressed', String(value === 'en'));
  };
  apply(lang.value);
  lang.subscribe((value) => { apply(value); saveLang(storage, value); });
  document.querySelector('[data-role=lang-toggle]').addEventListener('click', () => lang.set(lang.value === 'zh' ? 'en' : 'zh'));
  return lang;
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register('sw.js').catch(() => {
    // Offline support is an extra; the page works without it.
  });
}

async function start() {
  const storage = safeLocalStorage() ?? memoryStorage();
  const lang = setupLanguage(storage);
  renderStaticMath(document);

  const store = createProgressStore(storage);
  const refreshBars = () => updateSectionBars(document, store);
  lang.subscribe(refreshBars);
  let slots = [];
  const syncAll = () => { for (const slot of slots) slot.sync(); refreshBars(); };
  mountProgressControls(document.querySelector('[data-role=progress-controls]'), { store, lang, onReplaced: syncAll });
  store.load();

  const core = { current: null };
  const demos = [
    mountPolygon(document.querySelector('[data-demo=polygon]'), { core }),
    mountLimitTable(document.querySelector('[data-demo=limit-table]'), { core }),
    mountTangent(document.querySelector('[data-demo=tangent]'), { core }),
    mountGradient(document.querySelector('[data-demo=gradient]'), { core }),
    mountChainDemo(document.querySelector('[data-demo=chain]'), { lang }),
  ];

  const coreStatus = document.querySelector('[data-role=core-status]');
  coreStatus.textContent = getString('loadingCore', lang.value);
  try {
    core.current = await loadCore();
  } catch (err) {
    coreStatus.textContent = getString('coreFailed', lang.value) + err.message;
    document.documentElement.dataset.ready = 'error';
    return;
  }
  coreStatus.textContent = '';
  for (const demo of demos) demo.refresh?.();

  const catalog = core.current.catalog?.();
  if (catalog && !catalog.error) {
    slots = [...document.querySelectorAll('[data-exercise]')]
      .map((slot) => mountExerciseSlot(slot, { catalog, core: core.current, lang, store }))
      .filter(Boolean);
  } else {
    coreStatus.textContent = getString('coreMissing', lang.value);
  }
  store.onChange(refreshBars);
  refreshBars();
  window.addEventListener('storage', (event) => {
    if (event.key === store.key) {
      store.absorb(event.newValue);
      syncAll();
    } else if (event.key === 'calcwb.lang' && event.newValue) lang.set(event.newValue);
  });
  document.documentElement.dataset.ready = 'true';
}

start();
registerServiceWorker();
