// Reads which edges of the chain-rule graph u ← x,y,z ← a,b a learner's
// partially typed answer mentions, so the page can light them up. This is
// string matching on the text, not differentiation: a term like ∂f/∂x·∂x/∂a
// names the edges u–x and x–a, and a term naming both completes the path.
export const OUTER = ['f', 'u'];
export const MIDDLE = ['x', 'y', 'z'];
export const INNER = ['a', 'b'];

const D = String.raw`(?:∂|\\partial|d)`;
const PARTIAL = new RegExp(`${D}\\s*\\{?\\s*([a-z])\\s*\\}?\\s*/\\s*${D}\\s*\\{?\\s*([a-z])\\s*\\}?`, 'g');
const SUBSCRIPT = /\b([a-z])_\{?([a-z])\}?/g;

// The pairs [numerator, denominator] named in one term.
function partialsIn(term) {
  const pairs = [];
  for (const m of term.matchAll(PARTIAL)) pairs.push([m[1], m[2]]);
  for (const m of term.matchAll(SUBSCRIPT)) pairs.push([m[1], m[2]]);
  return pairs;
}

// Splits on top-level + and − (not inside parentheses).
export function splitTerms(text) {
  const terms = [];
  let depth = 0;
  let buf = '';
  for (const ch of text) {
    if (ch === '(' || ch === '[' || ch === '{') depth += 1;
    if (ch === ')' || ch === ']' || ch === '}') depth = Math.max(0, depth - 1);
    if (depth === 0 && (ch === '+' || ch === '-' || ch === '−')) {
      terms.push(buf);
      buf = '';
    } else buf += ch;
  }
  terms.push(buf);
  return terms.filter((t) => t.trim());
}

// Returns {edges: Set("u-x", "x-a", …), paths: Set("x", …)} for paths to `target`.
export function chainEdges(text, target) {
  const edges = new Set();
  const paths = new Set();
  for (const term of splitTerms(String(text ?? ''))) {
    const outer = new Set();
    const inner = new Set();
    for (const [num, den] of partialsIn(term)) {
      if (OUTER.includes(num) && MIDDLE.includes(den)) { outer.add(den); edges.add(`u-${den}`); }
      if (MIDDLE.includes(num) && INNER.includes(den)) { inner.add(`${num}-${den}`); edges.add(`${num}-${den}`); }
    }
    for (const v of MIDDLE) if (outer.has(v) && inner.has(`${v}-${target}`)) paths.add(v);
  }
  return { edges, paths };
}
