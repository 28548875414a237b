// Section 6's own practice field: type terms of ∂u/∂a and watch the paths of
// the dependency graph light up. Not graded (exercise 4 grades the same idea).
import { createChainGraph } from './chain-graph.js';

export function mountChainDemo(root, { lang }) {
  const input = root.querySelector('[data-control=terms]');
  const graph = createChainGraph({ target: 'a' });
  root.querySelector('[data-figure]').append(graph.root);
  const update = () => graph.update(input.value, lang.value);
  input.addEventListener('input', update);
  lang.subscribe(update);
  update();
  return {};
}
