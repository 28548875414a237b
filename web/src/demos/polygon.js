// Section 1: inscribed regular n-gon in the unit circle, with an n slider.
// The area value comes from the core (evaluate); the drawing only places the
// polygon's vertices on the circle.
import { svg } from '../dom.js';

const AREA = 'n/2*sin(2*pi/n)';

export function mountPolygon(root, { core }) {
  const slider = root.querySelector('[data-control=n]');
  const nOut = root.querySelector('[data-out=n]');
  const areaOut = root.querySelector('[data-out=area]');
  const gapOut = root.querySelector('[data-out=gap]');
  const figure = root.querySelector('[data-figure]');
  const R = 100;
  const drawing = svg('svg', { viewBox: '-110 -110 220 220', class: 'polygon-plot', 'aria-hidden': 'true' });
  const circle = svg('circle', { cx: 0, cy: 0, r: R, class: 'circle' });
  const polygon = svg('polygon', { class: 'polygon' });
  drawing.append(circle, polygon);
  figure.append(drawing);

  let pi = null;
  function update() {
    const n = Number(slider.value);
    nOut.textContent = String(n);
    const points = [];
    for (let k = 0; k < n; k += 1) {
      const angle = (2 * Math.PI * k) / n - Math.PI / 2;
      points.push(`${(R * Math.cos(angle)).toFixed(2)},${(R * Math.sin(angle)).toFixed(2)}`);
    }
    polygon.setAttribute('points', points.join(' '));
    if (!core.current?.evaluate) return;
    const area = core.current.evaluate(AREA, JSON.stringify({ n }));
    if (pi === null) pi = core.current.evaluate('pi', '{}').value ?? null;
    if (Number.isFinite(area.value)) {
      areaOut.textContent = area.value.toFixed(6);
      gapOut.textContent = pi === null ? '' : (pi - area.value).toExponential(2);
    }
  }
  slider.addEventListener('input', update);
  update();
  return { refresh: update };
}
