// Section 2: the h-table for f(x) = 3x² − 4x at x = 1. The learner picks how
// small h goes (and may type their own h). Forward and central differences in
// float64 and float32 come from the core's limitTable.
import { h } from '../dom.js';

const F = '3*x^2 - 4*x';
const AT = 1;

export function parseHs(text) {
  const hs = [];
  for (const piece of String(text).split(/[\s,;，]+/)) {
    if (!piece) continue;
    const v = Number(piece);
    if (!Number.isFinite(v) || v <= 0 || v > 10) return { error: piece };
    hs.push(v);
  }
  return { hs: hs.slice(0, 24) };
}

export function powersOfTen(k) {
  return Array.from({ length: k }, (_, i) => Number(`1e-${i + 1}`));
}

function fmt(v) {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toFixed(Math.abs(v) < 100 ? 6 : 2);
}

export function mountLimitTable(root, { core }) {
  const slider = root.querySelector('[data-control=k]');
  const kOut = root.querySelector('[data-out=k]');
  const custom = root.querySelector('[data-control=hs]');
  const customError = root.querySelector('[data-out=hs-error]');
  const body = root.querySelector('tbody');
  const exactOut = root.querySelector('[data-out=exact]');

  function update() {
    const k = Number(slider.value);
    kOut.textContent = `10⁻${String(k).split('').map((d) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[d]).join('')}`;
    let hs = powersOfTen(k);
    if (custom.value.trim()) {
      const parsed = parseHs(custom.value);
      customError.hidden = !parsed.error;
      if (parsed.error) customError.dataset.bad = parsed.error;
      else hs = parsed.hs;
    } else customError.hidden = true;
    if (!core.current?.limitTable) return;
    const table = core.current.limitTable(F, AT, JSON.stringify(hs));
    if (table.error) return;
    exactOut.textContent = fmt(table.exact);
    body.replaceChildren(...table.rows.map((row) => {
      const cells = [row.forward64, row.central64, row.forward32, row.central32];
      return h('tr', {},
        h('th', { scope: 'row', text: String(row.h) }),
        cells.map((v) => h('td', { class: deviates(v, table.exact) ? 'off' : '', text: fmt(v) })));
    }));
  }
  // Marks a value more than 1e-3 away from the exact derivative: where round-off or truncation shows.
  const deviates = (v, exact) => Number.isFinite(v) && Number.isFinite(exact) && Math.abs(v - exact) > 1e-3;
  slider.addEventListener('input', update);
  custom.addEventListener('input', update);
  update();
  return { refresh: update };
}
