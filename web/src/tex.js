// KaTeX rendering, always with trust:false (no \href, \url, \htmlClass… links
// or attributes) and throwOnError:false, so learner text can only ever become
// inert math. Author text from the core ("… $x^2$ … `code` …") is split into
// text nodes, <code> and math; it never goes through innerHTML either.
import katex from 'katex';

const SLICE_MS = 12;
const OPTIONS = { throwOnError: false, trust: false, strict: 'ignore', maxExpand: 200, maxSize: 20 };

export function renderMath(el, latex, { display = false } = {}) {
  try {
    katex.render(String(latex), el, { ...OPTIONS, displayMode: display });
  } catch {
    el.textContent = String(latex);
  }
  return el;
}

export function mathSpan(latex, display = false) {
  return renderMath(document.createElement('span'), latex, { display });
}

// Splits author text into [{kind:'text'|'math'|'display'|'code', value}] on
// $…$, $$…$$ and `…`; a backslash-escaped \$ stays text.
export function splitRich(text) {
  const parts = [];
  let buf = '';
  let i = 0;
  const flush = () => { if (buf) parts.push({ kind: 'text', value: buf }); buf = ''; };
  while (i < text.length) {
    const c = text[i];
    if (c === '\\' && text[i + 1] === '$') { buf += '$'; i += 2; continue; }
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i) { flush(); parts.push({ kind: 'code', value: text.slice(i + 1, end) }); i = end + 1; continue; }
    }
    if (c === '$') {
      const display = text[i + 1] === '$';
      const open = display ? 2 : 1;
      const end = text.indexOf(display ? '$$' : '$', i + open);
      if (end > i) {
        flush();
        parts.push({ kind: display ? 'display' : 'math', value: text.slice(i + open, end) });
        i = end + open;
        continue;
      }
    }
    buf += c;
    i += 1;
  }
  flush();
  return parts;
}

// Fills el with rendered author text (prompts, hints, solutions, labels).
// With defer, the math is first shown as its TeX source and typeset in slices
// right after (see typesetLater): the page's exercises are built without
// waiting for KaTeX, which would otherwise hold data-ready back.
export function renderRich(el, text, { defer = false } = {}) {
  el.replaceChildren();
  for (const part of splitRich(String(text ?? '').trim())) {
    if (part.kind === 'text') el.append(document.createTextNode(part.value));
    else if (part.kind === 'code') {
      const code = document.createElement('code');
      code.textContent = part.value;
      el.append(code);
    } else if (defer) el.append(typesetLater(part.value, part.kind === 'display'));
    else el.append(mathSpan(part.value, part.kind === 'display'));
  }
  return el;
}

// Math waiting to be typeset: spans showing their TeX source, with data-tex as
// in the static page, rendered in slices by one pending timer.
const waiting = [];
let typesetTimer = 0;

function typesetLater(latex, display) {
  const span = document.createElement('span');
  span.dataset.tex = latex;
  if (display) span.setAttribute('data-display', '');
  span.textContent = latex;
  waiting.push(span);
  if (!typesetTimer) {
    typesetTimer = setTimeout(async () => {
      // Spans replaced in the meantime (a language switch, a new variant) are skipped.
      while (waiting.length) await renderSliced(waiting.splice(0).filter((el) => el.isConnected));
      typesetTimer = 0;
    }, 0);
  }
  return span;
}

// Renders every [data-tex] element of the static page (its text, a readable
// Unicode form, is shown until then). Those for which `first(el)` holds (the
// visible language) go first, in slices of a few milliseconds so that loading
// the core, input and painting are not held up; the rest wait until the
// browser is idle. Calling it again (on a language switch) renders what is
// still missing, visible first; an element is never rendered twice.
export async function renderStaticMath(root, first = () => true) {
  const pending = [...root.querySelectorAll('[data-tex]:not([data-tex-done])')];
  await renderSliced(pending.filter(first));
  await new Promise((resolve) => (globalThis.requestIdleCallback ?? setTimeout)(resolve));
  await renderSliced(pending.filter((el) => !first(el)));
}

async function renderSliced(elements) {
  let sliceStart = performance.now();
  for (const el of elements) {
    if (el.hasAttribute('data-tex-done')) continue;
    renderMath(el, el.dataset.tex || el.textContent, { display: el.hasAttribute('data-display') });
    el.setAttribute('data-tex-done', '');
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      sliceStart = performance.now();
    }
  }
}
