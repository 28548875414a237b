// Starts the workbook: language first (the prose is already painted from
// index.html), then storage and the demos' drawings, then the wasm core in the
// background; once it is loaded it is given the exercise files, the boxes are
// built and <html> gets data-ready="true", and then the page's formulas are typeset.
import { exerciseLoadProblems, loadCore } from './core.js';
import { h, nextId } from './dom.js';
import { mountExerciseSlot, unplacedBoxes } from './exercises.js';
import { createLanguage, getString, htmlLang, loadLang, pick, saveLang } from './i18n.js';
import { mountChainDemo } from './demos/chain-demo.js';
import { mountGradient } from './demos/gradient.js';
import { mountLimitTable } from './demos/limit-table.js';
import { mountPolygon } from './demos/polygon.js';
import { mountTangent } from './demos/tangent.js';
import { createProgressStore } from './progress-store.js';
import { mountProgressControls, updateSectionBars } from './progress-ui.js';
import { renderStaticMath } from './tex.js';

// The longest the static page's formulas wait for the core before they are typeset anyway.
const STATIC_MATH_WAIT_MS = 1500;

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

// An <article> at the end of the extras for catalog boxes index.html has no slot for.
function appendExtraSlot(exercise, boxIds, lang) {
  const heading = h('h3', { id: nextId('extra') });
  const title = () => { heading.textContent = pick(exercise.title, lang.value); };
  title();
  lang.subscribe(title);
  const slot = h('div', { class: 'slot', dataset: { exercise: exercise.id, boxes: boxIds.join(',') } });
  document.querySelector('#s-extras').append(h('article', { class: 'exercise', 'aria-labelledby': heading.id }, heading, slot));
  return slot;
}

// The book's catalog as web/build.mjs took it from this same core at build
// time (web/catalog-snapshot.mjs); null in a bundle made without it.
function bundledCatalog() {
  return typeof __CALCWB_CATALOG__ === 'string' ? JSON.parse(__CALCWB_CATALOG__) : null;
}

function registerServiceWorker() {
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  navigator.serviceWorker.register('sw.js').catch(() => {
    // Offline support is an extra; the page works without it.
  });
}

async function start() {
  performance.mark('calcwb:app-start');
  const storage = safeLocalStorage() ?? memoryStorage();
  const lang = setupLanguage(storage);
  const corePromise = loadCore();
  corePromise.catch(() => {}); // reported below, where it is awaited
  // The page's formulas keep their readable Unicode form until the core is
  // ready (or has failed, or STATIC_MATH_WAIT_MS have passed): typeset earlier,
  // KaTeX competes for the main thread with the core's download, compilation
  // and start, and holds data-ready back.
  const visible = (el) => el.closest('[lang]')?.getAttribute('lang') === htmlLang(lang.value);
  let staticMath = null;
  const typesetStaticMath = () => {
    staticMath ??= renderStaticMath(document, visible).then(() => performance.mark('calcwb:static-math'));
  };
  setTimeout(typesetStaticMath, STATIC_MATH_WAIT_MS);
  lang.subscribe(() => renderStaticMath(document, visible));

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
    core.current = await corePromise;
  } catch (err) {
    coreStatus.textContent = getString('coreFailed', lang.value) + err.message;
    typesetStaticMath();
    document.documentElement.dataset.ready = 'error';
    return;
  }
  coreStatus.textContent = '';
  performance.mark('calcwb:core-loaded');

  // The core has no exercises built in: the page hands it the trees of
  // exercises/*.toml (their TOML as JSON), which web/build.mjs embedded in
  // app.js (web/exercise-files.mjs), before any box exists. A file the core
  // refuses fails the page rather than leaving its boxes ungradable (the
  // build refuses such a file too).
  const exerciseLoad = core.current.loadExercises(__CALCWB_EXERCISE_FILES__);
  performance.mark('calcwb:exercises-loaded');
  const exercisesFailed = exerciseLoadProblems(exerciseLoad).length > 0;
  const catalog = exercisesFailed ? null : bundledCatalog() ?? core.current.catalog?.();
  performance.mark('calcwb:catalog');
  if (exercisesFailed) {
    const explain = () => {
      coreStatus.textContent = getString('exercisesFailed', lang.value) + exerciseLoadProblems(exerciseLoad, lang.value).join('; ');
    };
    explain();
    lang.subscribe(explain);
  } else if (catalog && !catalog.error) {
    const mount = (slot) => mountExerciseSlot(slot, { catalog, core: core.current, lang, store });
    slots = [...document.querySelectorAll('[data-exercise]')].map(mount).filter(Boolean);
    const placed = [...document.querySelectorAll('[data-box]')].map((el) => el.dataset.box);
    for (const { exercise, boxIds } of unplacedBoxes(catalog, placed)) {
      slots.push(mount(appendExtraSlot(exercise, boxIds, lang)));
    }
  } else {
    coreStatus.textContent = getString('coreMissing', lang.value);
  }
  performance.mark('calcwb:exercises');
  store.onChange(refreshBars);
  refreshBars();
  window.addEventListener('storage', (event) => {
    if (event.key === store.key) {
      store.absorb(event.newValue);
      syncAll();
    } else if (event.key === 'calcwb.lang' && event.newValue) lang.set(event.newValue);
  });
  document.documentElement.dataset.ready = exercisesFailed ? 'error' : 'true';
  setTimeout(typesetStaticMath, 0);
  // The demos' drawings and the exercises' plots are not needed for grading:
  // draw them right after. <html data-demos="ready"> tells tests the drawings are there.
  setTimeout(() => {
    for (const slot of slots) slot.drawPlots();
    for (const demo of demos) demo.refresh?.();
    document.documentElement.dataset.demos = 'ready';
    performance.mark('calcwb:demos');
  }, 0);
}

start();
registerServiceWorker();
