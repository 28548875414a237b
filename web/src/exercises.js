// Puts the core's exercises into the page: each [data-exercise] slot in
// index.html gets the exercise's prompt (unless data-prompt="off") and its
// boxes (all, or those listed in data-boxes). "Try another" re-seeds the whole
// exercise through core.variant(). Line boxes with a plot get one; exercise 4
// gets the chain-rule graph.
import { h } from './dom.js';
import { getString, pick } from './i18n.js';
import { createAnswerBox } from './answer-box.js';
import { createChainGraph } from './demos/chain-graph.js';
import { createPlot, sampleSegments, yRange } from './plot.js';
import { renderRich } from './tex.js';

// The right-hand side of "y = …" as typed, for plotting the learner's line.
export function lineBody(text) {
  return String(text ?? '').replace(/^\s*y\s*=/, '').trim();
}

// The catalog's boxes that no slot of index.html shows, grouped by exercise:
// [{exercise, boxIds}]. The page appends these to the extras, so an exercise
// added to the catalog is never missing from the page.
export function unplacedBoxes(catalog, placedIds) {
  const placed = new Set(placedIds);
  return catalog.exercises
    .map((exercise) => ({ exercise, boxIds: exercise.boxes.map((b) => b.id).filter((id) => !placed.has(id)) }))
    .filter(({ boxIds }) => boxIds.length > 0);
}

// A fresh seed for "try another": never 0 (the book's own numbers).
export function nextSeed(current, random = Math.random) {
  let seed = 0;
  while (seed === 0 || seed === current) seed = 1 + Math.floor(random() * 0xfffffffe);
  return seed;
}

function attachPlot(box, spec, { core, lang, store, seedOf }) {
  let range = { xmin: spec.plot.xmin, xmax: spec.plot.xmax, ymin: -10, ymax: 10 };
  let plot = createPlot({ ...range, label: '' });
  let learnerText = '';
  const legend = h('p', { class: 'legend' });
  const wrap = h('figure', { class: 'box-plot', dataset: { plotFor: spec.id } }, plot.root, legend);
  const sample = (text) => sampleSegments(core, text, range.xmin, range.xmax, 300);

  // plot.expr carries the current variant's numbers (see wasm/API.md); the
  // axes are rebuilt to fit this f.
  function drawF(plotSpec) {
    range = { ...range, xmin: plotSpec.xmin, xmax: plotSpec.xmax };
    const segments = plotSpec.expr ? sample(plotSpec.expr) : [];
    const next = createPlot({ ...range, ...yRange(segments), label: '' });
    plot.root.replaceWith(next.root);
    plot = next;
    plot.curve('f', segments, 'f');
    drawLearner(learnerText);
    drawTrue();
  }
  function drawLearner(text) {
    learnerText = text;
    plot.curve('learner', text.trim() ? sample(lineBody(text)) : [], 'learner');
  }
  function drawTrue() {
    const solved = store.box(spec.id)?.verdict === 'correct';
    let segments = [];
    if (solved && core.solution) {
      const sol = core.solution(spec.id, seedOf());
      if (sol.answer?.text) segments = sample(lineBody(sol.answer.text));
    }
    plot.curve('true', segments, 'true-tangent');
    const l = lang.value;
    legend.replaceChildren(
      h('span', { class: 'key f', text: 'f' }),
      h('span', { class: 'key learner', text: getString('yourLine', l) }),
      ...(solved ? [h('span', { class: 'key true-tangent', text: getString('trueTangent', l) })] : []),
    );
    plot.setLabel(getString('tangentPlot', l));
  }
  lang.subscribe(drawTrue);
  return { wrap, drawF, drawLearner, drawTrue };
}

export function mountExerciseSlot(slot, { catalog, core, lang, store }) {
  const exerciseId = slot.dataset.exercise;
  const base = catalog.exercises.find((e) => e.id === exerciseId);
  if (!base) return null;
  const wanted = slot.dataset.boxes ? slot.dataset.boxes.split(',') : null;
  const showPrompt = slot.dataset.prompt !== 'off';
  const seedOf = () => store.seed(exerciseId);
  const specFor = (seed) => {
    if (!seed || !core.variant) return base;
    const v = core.variant(exerciseId, seed);
    return v.error ? base : v;
  };

  const prompt = showPrompt ? h('div', { class: 'prompt', dataset: { promptFor: exerciseId } }) : null;
  const list = h('div', { class: 'boxes' });
  slot.append(...[prompt, list].filter(Boolean));
  let shownSeed = seedOf();
  let exercise = specFor(shownSeed);
  const boxes = [];
  const extras = [];

  function renderPrompt() {
    if (prompt) renderRich(prompt, pick(exercise.prompt, lang.value), { defer: true });
  }

  for (const spec of exercise.boxes) {
    if (wanted && !wanted.includes(spec.id)) continue;
    let plotParts = null;
    let graph = null;
    const box = createAnswerBox({
      spec, core, lang, store, seedOf,
      onTryAnother: () => tryAnother(),
      onInput: (text) => {
        plotParts?.drawLearner(text);
        graph?.update(text, lang.value);
      },
      onGraded: () => plotParts?.drawTrue(),
    });
    list.append(box.root);
    if (spec.plot) {
      plotParts = attachPlot(box, spec, { core, lang, store, seedOf });
      box.root.after(plotParts.wrap);
      extras.push(() => plotParts.drawF(exercise.boxes.find((b) => b.id === spec.id)?.plot ?? spec.plot));
    }
    if (exerciseId.includes('chain-rule')) {
      const target = spec.id.split('/').pop();
      graph = createChainGraph({ target });
      box.root.append(graph.root);
      lang.subscribe(() => graph.update(box.value, lang.value));
    }
    boxes.push({ box, spec });
  }

  function applySpecs({ plots = true } = {}) {
    renderPrompt();
    for (const { box, spec } of boxes) box.setSpec(exercise.boxes.find((b) => b.id === spec.id) ?? spec);
    if (plots) for (const redraw of extras) redraw();
  }

  // Shows the exercise for the stored seed. An exercise may be split over
  // several slots (the book's example is), so every slot follows the store.
  function followSeed() {
    const seed = seedOf();
    if (seed === shownSeed) return;
    shownSeed = seed;
    exercise = specFor(seed);
    applySpecs();
  }

  // New numbers for the whole exercise: its answers (in every slot) are cleared
  // first, then the seed changes and each slot re-renders.
  function tryAnother() {
    for (const { id } of base.boxes) {
      const entry = store.box(id);
      store.updateBox(id, { answer: '', verdict: null, attempts: entry?.attempts ?? 0, hintsUsed: 0 });
    }
    store.setSeed(exerciseId, nextSeed(seedOf()));
  }

  lang.subscribe(renderPrompt);
  store.onChange(followSeed);
  // The plots are drawn by drawPlots(), not here: sampling f through the core
  // is not needed to grade, so main.js does it right after data-ready.
  applySpecs({ plots: false });
  return {
    sync() {
      followSeed();
      for (const { box } of boxes) box.syncFromStore();
      for (const redraw of extras) redraw();
    },
    drawPlots() {
      for (const redraw of extras) redraw();
    },
  };
}
