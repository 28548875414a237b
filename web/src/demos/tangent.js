// Section 4: f(x) = 3x² − 4x with its tangent at a draggable x₀ (pointer on
// the plot, or the slider/arrow keys). Curve samples and the tangent's slope,
// intercept and equation come from the core.
import { svg } from '../dom.js';
import { createPlot, sampleSegments } from '../plot.js';
import { renderMath } from '../tex.js';

const F = '3*x^2 - 4*x';
const XMIN = 0;
const XMAX = 3;

// y = m x ± b with the core's slope and intercept at 3 decimals: the slider
// moves in hundredths, where the core's exact fractions would be unreadable.
export function lineTex(slope, intercept) {
  const num = (v) => String(Number(v.toFixed(3)));
  const b = Number(intercept.toFixed(3));
  const tail = b === 0 ? '' : ` ${b < 0 ? '-' : '+'} ${num(Math.abs(b))}`;
  return `y = ${num(slope)}x${tail}`;
}

export function mountTangent(root, { core }) {
  const slider = root.querySelector('[data-control=x0]');
  const x0Out = root.querySelector('[data-out=x0]');
  const equation = root.querySelector('[data-out=equation]');
  const plot = createPlot({ xmin: XMIN, xmax: XMAX, ymin: -3, ymax: 16, label: 'f(x) = 3x² − 4x' });
  root.querySelector('[data-figure]').append(plot.root);
  let curveDrawn = false;

  function update() {
    const x0 = Number(slider.value);
    x0Out.textContent = x0.toFixed(2);
    const c = core.current;
    if (!curveDrawn && (c?.samplePlotArrays || c?.samplePlot)) {
      plot.curve('f', sampleSegments(c, F, XMIN, XMAX, 200), 'f');
      curveDrawn = true;
    }
    if (!c?.tangent) return;
    const t = c.tangent(F, x0);
    if (t.error) return;
    const ya = t.intercept + t.slope * XMIN;
    const yb = t.intercept + t.slope * XMAX;
    plot.set('tangent', svg('line', {
      x1: plot.sx(XMIN), y1: plot.sy(ya), x2: plot.sx(XMAX), y2: plot.sy(yb), class: 'curve tangent',
    }));
    plot.set('point', svg('circle', { cx: plot.sx(t.x0), cy: plot.sy(t.y0), r: 7, class: 'handle' }));
    renderMath(equation, lineTex(t.slope, t.intercept));
  }

  function fromPointer(event) {
    const box = plot.root.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * plot.root.viewBox.baseVal.width;
    const x = Math.min(XMAX, Math.max(XMIN, plot.invertX(px)));
    slider.value = x.toFixed(2);
    update();
  }
  let dragging = false;
  plot.root.addEventListener('pointerdown', (e) => { dragging = true; plot.root.setPointerCapture(e.pointerId); fromPointer(e); });
  plot.root.addEventListener('pointermove', (e) => { if (dragging) fromPointer(e); });
  plot.root.addEventListener('pointerup', () => { dragging = false; });
  slider.addEventListener('input', update);
  update();
  return { refresh: update };
}
