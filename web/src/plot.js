// A small SVG plot: axes, polylines from the core's sampled segments, points
// and arrows. It scales with its container (viewBox), so it fits 375 px.
// It only maps coordinates to pixels; every sampled value comes from the core.
import { svg } from './dom.js';

// The segments of f sampled n times on [xmin, xmax] by the core: [{x, y}],
// split at poles and undefined stretches; [] on an error. samplePlotArrays
// hands over Float64Arrays (no JSON numbers to format and parse); a core
// without it is asked for samplePlot's JSON, which has the same segments.
export function sampleSegments(core, text, xmin, xmax, n) {
  const sample = core?.samplePlotArrays ?? core?.samplePlot;
  const res = sample?.(text, xmin, xmax, n);
  return res && !res.error ? res.segments : [];
}

export function linearScale(d0, d1, r0, r1) {
  const k = (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

// Turns [{x:[…], y:[…]}] into an SVG path "M…L…", skipping points outside
// a generous y-range so that near-pole spikes do not draw off to infinity.
export function segmentsToPath(segments, sx, sy, ylo, yhi) {
  let d = '';
  for (const seg of segments ?? []) {
    let pen = false;
    for (let i = 0; i < seg.x.length; i += 1) {
      const x = seg.x[i];
      const y = seg.y[i];
      if (y === null || !Number.isFinite(y) || y < ylo || y > yhi) { pen = false; continue; }
      d += `${pen ? 'L' : 'M'}${sx(x).toFixed(1)},${sy(y).toFixed(1)}`;
      pen = true;
    }
  }
  return d;
}

// A y-range that shows the bulk of the sampled curve: the 5th to 95th
// percentile of its finite values, widened by a quarter on each side, so a
// pole's spike does not squash the rest. Display scaling only. A segment's y
// is an Array or a Float64Array (which flatMap would not flatten).
export function yRange(segments, fallback = { ymin: -10, ymax: 10 }) {
  const ys = (segments ?? []).flatMap((s) => Array.from(s.y)).filter((y) => y !== null && Number.isFinite(y))
    .sort((a, b) => a - b);
  if (ys.length < 2) return fallback;
  const lo = ys[Math.floor(ys.length * 0.05)];
  const hi = ys[Math.ceil(ys.length * 0.95) - 1];
  const pad = Math.max((hi - lo) / 4, 1);
  return { ymin: lo - pad, ymax: hi + pad };
}

export function createPlot({ xmin, xmax, ymin, ymax, width = 480, height = 300, label }) {
  const pad = 28;
  const sx = linearScale(xmin, xmax, pad, width - 8);
  const sy = linearScale(ymin, ymax, height - pad, 8);
  const root = svg('svg', { viewBox: `0 0 ${width} ${height}`, class: 'plot', role: 'img' });
  const title = svg('title', { text: label ?? '' });
  root.append(title);
  const grid = svg('g', { class: 'axes' });
  root.append(grid);
  const layer = svg('g', { class: 'layer' });
  root.append(layer);

  const ticks = (lo, hi) => {
    const step = niceStep((hi - lo) / 6);
    const out = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi + 1e-9; v += step) out.push(Math.round(v / step) * step);
    return out;
  };
  for (const x of ticks(xmin, xmax)) {
    grid.append(svg('line', { x1: sx(x), x2: sx(x), y1: sy(ymin), y2: sy(ymax), class: x === 0 ? 'axis' : 'grid' }));
    grid.append(svg('text', { x: sx(x), y: height - pad + 14, class: 'tick', 'text-anchor': 'middle', text: fmtTick(x) }));
  }
  for (const y of ticks(ymin, ymax)) {
    grid.append(svg('line', { x1: sx(xmin), x2: sx(xmax), y1: sy(y), y2: sy(y), class: y === 0 ? 'axis' : 'grid' }));
    grid.append(svg('text', { x: pad - 4, y: sy(y) + 4, class: 'tick', 'text-anchor': 'end', text: fmtTick(y) }));
  }

  const named = new Map();
  const span = ymax - ymin;
  return {
    root,
    sx,
    sy,
    setLabel(text) { title.textContent = text; },
    // Replaces the named layer with the given SVG element (or removes it).
    set(name, element) {
      named.get(name)?.remove();
      if (element) { layer.append(element); named.set(name, element); } else named.delete(name);
    },
    curve(name, segments, cls) {
      const d = segmentsToPath(segments, sx, sy, ymin - 3 * span, ymax + 3 * span);
      this.set(name, d ? svg('path', { d, class: `curve ${cls ?? ''}` }) : null);
    },
    // Pixel → data x, for dragging.
    invertX(px) { return xmin + ((px - pad) / (width - 8 - pad)) * (xmax - xmin); },
  };
}

function niceStep(raw) {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
}

function fmtTick(v) {
  return Number.isInteger(v) ? String(v) : v.toPrecision(2).replace(/\.?0+$/, '');
}
