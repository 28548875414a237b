// Section 5: a function of two variables, its contour lines and gradient
// arrows. Grid values come from the core's contours(), arrows from its
// gradientField(); the page only draws them.
import { svg } from '../dom.js';
import { contourLevels, marchingSquares } from '../contours.js';
import { createPlot } from '../plot.js';

const RANGE = [-2, 2];
const GRID = 41;
const ARROWS = 9;

export function mountGradient(root, { core }) {
  const select = root.querySelector('[data-control=f]');
  const readout = root.querySelector('[data-out=grad]');
  const plot = createPlot({ xmin: RANGE[0], xmax: RANGE[1], ymin: RANGE[0], ymax: RANGE[1], width: 360, height: 360 });
  root.querySelector('[data-figure]').append(plot.root);

  function update() {
    const c = core.current;
    if (!c?.contours || !c?.gradientField) return;
    const f = select.value;
    plot.setLabel(f);
    const grid = c.contours(f, RANGE[0], RANGE[1], RANGE[0], RANGE[1], GRID);
    const contourGroup = svg('g', { class: 'contours' });
    if (!grid.error) {
      const step = (RANGE[1] - RANGE[0]) / (grid.nx - 1);
      const toX = (i) => plot.sx(RANGE[0] + i * step);
      const toY = (j) => plot.sy(RANGE[0] + j * step);
      for (const { segments } of marchingSquares(grid, contourLevels(grid, 10))) {
        const d = segments.map(([a, b, c2, d2]) => `M${toX(a).toFixed(1)},${toY(b).toFixed(1)}L${toX(c2).toFixed(1)},${toY(d2).toFixed(1)}`).join('');
        contourGroup.append(svg('path', { d, class: 'contour' }));
      }
    }
    plot.set('contours', contourGroup);
    const field = c.gradientField(f, RANGE[0], RANGE[1], RANGE[0], RANGE[1], ARROWS, ARROWS);
    const arrows = svg('g', { class: 'arrows' });
    if (!field.error) {
      // Display scaling only: the longest arrow spans about one grid cell.
      const longest = Math.max(...field.points.map((p) => Math.hypot(p.gx, p.gy)).filter(Number.isFinite), 1e-12);
      const cell = ((RANGE[1] - RANGE[0]) / (ARROWS - 1)) * 0.9;
      for (const p of field.points) {
        if (!Number.isFinite(p.gx) || !Number.isFinite(p.gy)) continue;
        const k = cell / longest;
        const x2 = p.x + p.gx * k;
        const y2 = p.y + p.gy * k;
        arrows.append(svg('line', {
          x1: plot.sx(p.x), y1: plot.sy(p.y), x2: plot.sx(x2), y2: plot.sy(y2), class: 'arrow', 'marker-end': 'url(#arrowhead)',
        }));
      }
      const origin = field.points.find((p) => p.x === 1 && p.y === 1) ?? field.points[Math.floor(field.points.length / 2)];
      if (origin) readout.textContent = `∇f(${origin.x}, ${origin.y}) = [${fmt(origin.gx)}, ${fmt(origin.gy)}]`;
    }
    plot.set('arrows', arrows);
  }
  const fmt = (v) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : '—');
  const defs = svg('defs', {}, svg('marker', {
    id: 'arrowhead', viewBox: '0 0 10 10', refX: 9, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse',
  }, svg('path', { d: 'M0,0L10,5L0,10z', class: 'arrowhead' })));
  plot.root.prepend(defs);
  select.addEventListener('change', update);
  update();
  return { refresh: update };
}
