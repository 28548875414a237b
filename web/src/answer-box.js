// One answer box: a text field (or a choice list) with a live KaTeX preview,
// the parse error marked at its position, a symbol palette, Check/Enter,
// verdict and feedback announced through an ARIA live region, hints one at a
// time, the worked solution and "try another". Grading, previews, hints and
// solutions all come from the core; this file only shows them.
//
// DOM contract: root [data-box=<id>] contains [data-role=answer],
// [data-role=check], [data-role=feedback]; after grading root[data-verdict].
import { h, nextId } from './dom.js';
import { getString, pick } from './i18n.js';
import { SNIPPETS, codePointToIndex, insertSnippet, toolbarIndex } from './palette.js';
import { MAX_ANSWER } from './storage.js';
import { renderMath, renderRich } from './tex.js';

const PREVIEW_DELAY_MS = 120;

export function createAnswerBox({ spec, core, lang, store, seedOf, onTryAnother, onInput, onGraded }) {
  const id = spec.id;
  const inputId = nextId('answer');
  const previewId = nextId('preview');
  const feedbackId = nextId('feedback');
  const isChoice = spec.kind === 'choice';
  let current = spec;
  let lastResult = null; // the core's last grade result, re-rendered on language change
  let lastPreviewError = null;
  let hints = []; // hint objects shown so far
  let solution = null;
  let previewTimer = 0;

  const label = h('label', { for: inputId, class: 'box-label' });
  const field = isChoice
    ? h('select', { id: inputId, dataset: { role: 'answer' }, 'aria-describedby': feedbackId })
    : h('input', {
      id: inputId, type: 'text', dataset: { role: 'answer' }, autocomplete: 'off', autocapitalize: 'off',
      spellcheck: 'false', inputmode: 'text', 'aria-describedby': `${previewId} ${feedbackId}`,
    });
  const checkButton = h('button', { type: 'button', class: 'primary', dataset: { role: 'check' } });
  const preview = h('div', { class: 'preview', id: previewId, dataset: { role: 'preview' } });
  const feedback = h('div', {
    class: 'feedback', id: feedbackId, role: 'status', 'aria-live': 'polite', dataset: { role: 'feedback' },
  });
  const hintButton = h('button', { type: 'button', dataset: { role: 'hint' } });
  const solutionButton = h('button', { type: 'button', dataset: { role: 'solution' } });
  const anotherButton = h('button', { type: 'button', dataset: { role: 'try-another' } });
  const hintList = h('ol', { class: 'hints', dataset: { role: 'hints' } });
  const solutionBox = h('div', { class: 'solution', dataset: { role: 'solution-text' }, hidden: true });
  const attemptsNote = h('span', { class: 'attempts' });
  const palette = isChoice ? null : h('div', { class: 'palette', role: 'toolbar' });
  const paletteButtons = [];

  if (palette) {
    for (const snippet of SNIPPETS) {
      const button = h('button', {
        type: 'button', class: 'sym', dataset: { snippet: snippet.id }, text: snippet.label,
        onclick: () => insert(snippet.insert),
      });
      button.tabIndex = paletteButtons.length === 0 ? 0 : -1;
      paletteButtons.push([button, snippet]);
      palette.append(button);
    }
    palette.addEventListener('keydown', (event) => {
      const buttons = paletteButtons.map(([b]) => b);
      const next = toolbarIndex(buttons.indexOf(document.activeElement), event.key, buttons.length);
      if (next === null) return;
      event.preventDefault();
      for (const [i, b] of buttons.entries()) b.tabIndex = i === next ? 0 : -1;
      buttons[next].focus();
    });
  }

  const root = h('div', { class: 'box', dataset: { box: id, kind: spec.kind } },
    label,
    h('div', { class: 'answer-row' }, field, checkButton),
    palette,
    isChoice ? null : preview,
    feedback,
    h('div', { class: 'box-actions' }, hintButton, solutionButton, anotherButton, attemptsNote),
    hintList,
    solutionBox,
  );

  function insert(snippet) {
    const start = field.selectionStart ?? field.value.length;
    const end = field.selectionEnd ?? start;
    const { value, caret } = insertSnippet(field.value, start, end, snippet);
    field.value = value;
    field.focus();
    field.setSelectionRange(caret, caret);
    changed();
  }

  function fillChoices() {
    const chosen = field.value;
    field.replaceChildren(h('option', { value: '', text: getString('choose', lang.value) }));
    for (const choice of current.choices ?? []) {
      // Choice texts may hold TeX; an <option> can only show plain text, so the
      // TeX source is shown with $ signs removed.
      field.append(h('option', { value: choice.id, text: pick(choice, lang.value).replace(/\$/g, '') }));
    }
    field.value = chosen;
  }

  function renderLabels() {
    const l = lang.value;
    const labelText = pick(current.label, l);
    renderRich(label, labelText || getString('answerLabel', l), { defer: true });
    // A label that is only math renders as KaTeX, whose spoken form is not a
    // name every tool computes; the field also gets the TeX source as its name.
    field.setAttribute('aria-label', `${getString('answerLabel', l)} ${labelText.replace(/\$/g, '').trim()}`.trim());
    checkButton.textContent = getString('check', l);
    solutionButton.textContent = getString('solution', l);
    anotherButton.textContent = getString('tryAnother', l);
    if (palette) {
      palette.setAttribute('aria-label', getString('palette', l));
      for (const [button, snippet] of paletteButtons) {
        // The name starts with the visible symbol (WCAG 2.5.3, label in name).
        button.setAttribute('aria-label', `${snippet.label} ${pick(snippet.title, l)}`);
        button.title = pick(snippet.title, l);
      }
    }
    if (isChoice) fillChoices();
    renderHintButton();
    renderHints();
    renderSolution();
    renderFeedback();
    renderAttempts();
    if (lastPreviewError) showPreviewError(lastPreviewError);
  }

  function hintCount() {
    return current.hintCount ?? 0;
  }

  function renderHintButton() {
    const l = lang.value;
    const used = hints.length;
    const count = hintCount();
    hintButton.disabled = used >= count;
    hintButton.textContent = used >= count
      ? getString('noMoreHints', l)
      : getString('hintOf', l, { i: used + 1, n: count });
  }

  function renderHints() {
    hintList.replaceChildren(...hints.map((hint) => renderRich(h('li'), pick(hint, lang.value))));
  }

  function renderSolution() {
    if (!solution) return;
    solutionBox.hidden = false;
    renderRich(solutionBox, pick(solution, lang.value));
  }

  function renderAttempts() {
    const n = store.box(id)?.attempts ?? 0;
    attemptsNote.textContent = n ? getString('attempts', lang.value, { n }) : '';
  }

  function renderFeedback() {
    const l = lang.value;
    const saved = store.box(id);
    const verdict = lastResult?.verdict ?? saved?.verdict;
    if (!verdict) {
      feedback.replaceChildren();
      return;
    }
    const parts = [h('strong', { text: getString(`verdict.${verdict}`, l) })];
    if (lastResult?.error) parts.push(' ', pick(lastResult.error, l));
    for (const item of lastResult?.feedback ?? []) {
      // The heading already says "correct"; the engine's plain "correct" item would repeat it.
      if (item.code === 'correct') continue;
      parts.push(' ', renderRich(h('span'), pick(item, l)));
    }
    const position = lastResult?.position ?? lastResult?.error?.position;
    if (verdict === 'invalid' && Number.isInteger(position)) {
      parts.push(h('span', { class: 'position', dataset: { position }, text: getString('atPosition', l, { p: position + 1 }) }));
    }
    feedback.replaceChildren(...parts);
  }

  // Marks the character at the error position inside the typed text.
  function showPreviewError(error) {
    const text = field.value;
    const position = Number.isInteger(error.position) ? error.position : text.length;
    const start = codePointToIndex(text, position);
    const end = codePointToIndex(text, position + Math.max(1, error.length ?? 1));
    const marked = text.slice(start, end) || '\u00a0';
    preview.replaceChildren(
      h('span', { class: 'err-text' },
        text.slice(0, start),
        h('mark', { class: 'err-mark', dataset: { position }, text: marked }),
        text.slice(end)),
      h('span', { class: 'err-msg', text: `${pick(error, lang.value)}${getString('atPosition', lang.value, { p: position + 1 })}` }),
    );
    preview.dataset.state = 'error';
  }

  function updatePreview() {
    lastPreviewError = null;
    const text = field.value;
    if (!text.trim() || !core?.preview) {
      preview.replaceChildren();
      delete preview.dataset.state;
      return;
    }
    const result = core.preview(id, text);
    if (result.ok === false || result.error) {
      lastPreviewError = result.error ?? {};
      showPreviewError(lastPreviewError);
    } else {
      preview.dataset.state = 'ok';
      renderMath(preview, result.latex ?? '', { display: false });
    }
  }

  function changed() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(updatePreview, PREVIEW_DELAY_MS);
    onInput?.(field.value);
  }

  function setVerdict(verdict) {
    if (verdict) root.dataset.verdict = verdict;
    else delete root.dataset.verdict;
  }

  function check() {
    const answer = field.value;
    if (!answer.trim()) {
      feedback.replaceChildren(h('strong', { text: getString('empty', lang.value) }));
      return;
    }
    if (!core?.grade) {
      feedback.textContent = getString('coreMissing', lang.value);
      return;
    }
    clearTimeout(previewTimer);
    if (!isChoice) updatePreview();
    let result = core.grade(id, answer, seedOf());
    if (result.error && !result.verdict) {
      result = { verdict: Number.isInteger(result.error.position) ? 'invalid' : 'undecided', feedback: [], error: result.error };
    }
    lastResult = result;
    const before = store.box(id);
    // Stored answers are capped (storage.js rejects longer ones as damaged on reload).
    store.updateBox(id, {
      answer: answer.slice(0, MAX_ANSWER), verdict: result.verdict, attempts: (before?.attempts ?? 0) + 1, hintsUsed: hints.length,
    });
    setVerdict(result.verdict);
    renderFeedback();
    renderAttempts();
    onGraded?.(result.verdict, answer);
  }

  function showHint() {
    if (!core?.hint || hints.length >= hintCount()) return;
    const hint = core.hint(id, hints.length, seedOf());
    if (hint.error) {
      feedback.textContent = pick(hint.error, lang.value);
      return;
    }
    hints.push(hint);
    const before = store.box(id);
    store.updateBox(id, { ...(before ?? { answer: field.value.slice(0, MAX_ANSWER), verdict: null, attempts: 0 }), hintsUsed: hints.length });
    renderHints();
    renderHintButton();
    hintList.lastElementChild?.setAttribute('tabindex', '-1');
    hintList.lastElementChild?.focus();
  }

  function showSolution() {
    if (!core?.solution) return;
    const result = core.solution(id, seedOf());
    solution = result.error ? { zh: pick(result.error, 'zh'), en: pick(result.error, 'en') } : result;
    renderSolution();
    solutionBox.setAttribute('tabindex', '-1');
    solutionBox.focus();
  }

  // Reloads hints already used (from storage) for the current seed.
  function restoreHints(count) {
    hints = [];
    if (!core?.hint) return;
    for (let i = 0; i < Math.min(count, hintCount()); i += 1) {
      const hint = core.hint(id, i, seedOf());
      if (hint.error) break;
      hints.push(hint);
    }
  }

  field.addEventListener(isChoice ? 'change' : 'input', changed);
  field.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      check();
    }
  });
  checkButton.addEventListener('click', check);
  hintButton.addEventListener('click', showHint);
  solutionButton.addEventListener('click', showSolution);
  anotherButton.addEventListener('click', () => onTryAnother?.());
  lang.subscribe(renderLabels);

  const saved = store.box(id);
  if (isChoice) fillChoices();
  if (saved) {
    field.value = saved.answer;
    setVerdict(saved.verdict);
  }

  return {
    root,
    id,
    get value() { return field.value; },
    // Called once the core is loaded (and after "try another"): new spec, fresh state.
    setSpec(nextSpec) {
      current = nextSpec;
      lastResult = null;
      solution = null;
      solutionBox.hidden = true;
      solutionBox.replaceChildren();
      const entry = store.box(id);
      field.value = entry?.answer ?? field.value;
      setVerdict(entry?.verdict ?? null);
      restoreHints(entry?.hintsUsed ?? 0);
      renderLabels();
      if (!isChoice) updatePreview();
      onInput?.(field.value);
    },
    // Storage changed underneath (another tab, import, reset).
    syncFromStore() {
      const entry = store.box(id);
      if (document.activeElement !== field) field.value = entry?.answer ?? '';
      if ((entry?.verdict ?? null) !== (root.dataset.verdict ?? null)) lastResult = null;
      setVerdict(entry?.verdict ?? null);
      renderFeedback();
      renderAttempts();
    },
  };
}
