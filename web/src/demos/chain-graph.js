// Section 6 (and exercise 4): the dependency graph u ← x, y, z ← a, b. Edges
// the learner's text mentions light up; a path whose two factors appear in
// one product is drawn as complete.
import { h, svg } from '../dom.js';
import { chainEdges, INNER, MIDDLE } from '../chain-paths.js';

const POS = { u: [150, 30], x: [60, 110], y: [150, 110], z: [240, 110], a: [105, 190], b: [195, 190] };

export function createChainGraph({ target }) {
  const root = svg('svg', { viewBox: '0 0 300 220', class: 'chain-graph', role: 'img' });
  const title = svg('title', { text: '' });
  root.append(title);
  const edgeEls = new Map();
  const edge = (from, to, key) => {
    const line = svg('line', { x1: POS[from][0], y1: POS[from][1], x2: POS[to][0], y2: POS[to][1], class: 'edge', 'data-edge': key });
    edgeEls.set(key, line);
    root.append(line);
  };
  for (const v of MIDDLE) edge('u', v, `u-${v}`);
  for (const v of MIDDLE) for (const w of INNER) edge(v, w, `${v}-${w}`);
  for (const [name, [cx, cy]] of Object.entries(POS)) {
    root.append(svg('g', { class: `node${name === target ? ' target' : ''}` },
      svg('circle', { cx, cy, r: 17 }),
      svg('text', { x: cx, y: cy + 6, 'text-anchor': 'middle', text: name })));
  }
  const status = h('p', { class: 'chain-status' });
  const wrap = h('div', { class: 'chain-wrap' }, root, status);

  return {
    root: wrap,
    // Highlights from the learner's text; returns how many of the three paths are complete.
    update(text, lang) {
      const { edges, paths } = chainEdges(text, target);
      for (const [key, line] of edgeEls) {
        const [from, to] = key.split('-');
        const onPath = (from === 'u' && paths.has(to)) || (paths.has(from) && to === target);
        line.setAttribute('class', `edge${edges.has(key) ? ' named' : ''}${onPath ? ' complete' : ''}`);
      }
      const n = paths.size;
      status.textContent = lang === 'en'
        ? `Paths from ${target} to u written so far: ${n} of 3`
        : `已写出的从 ${target} 到 u 的路径：${n}/3`;
      title.textContent = status.textContent;
      return n;
    },
  };
}
