// The symbol palette: what each button inserts, and where the caret lands.
// insertSnippet is pure so tests/js can check it without a DOM.
export const SNIPPETS = [
  { id: 'partial', label: '∂', insert: '∂', title: { zh: '偏导数符号 ∂', en: 'partial ∂' } },
  { id: 'norm', label: '‖x‖', insert: '‖|‖', title: { zh: '范数 ‖…‖', en: 'norm ‖…‖' } },
  { id: 'sub', label: 'xᵢ', insert: '_', title: { zh: '下标 _', en: 'subscript _' } },
  { id: 'square', label: 'x²', insert: '^2', title: { zh: '平方 ^2', en: 'square ^2' } },
  { id: 'sqrt', label: '√', insert: 'sqrt(|)', title: { zh: '平方根 sqrt()', en: 'square root sqrt()' } },
  { id: 'exp', label: 'eˣ', insert: 'e^(|)', title: { zh: '指数 e^()', en: 'exponential e^()' } },
  { id: 'frac', label: 'a/b', insert: '/', title: { zh: '除号 /', en: 'divide /' } },
  { id: 'dot', label: '·', insert: '*', title: { zh: '乘号 *', en: 'times *' } },
];

// Inserts snippet (| marks the caret; none means after it) into value,
// replacing [start, end). Returns {value, caret}.
export function insertSnippet(value, start, end, snippet) {
  const bar = snippet.indexOf('|');
  const text = bar >= 0 ? snippet.slice(0, bar) + snippet.slice(bar + 1) : snippet;
  const next = value.slice(0, start) + text + value.slice(end);
  return { value: next, caret: start + (bar >= 0 ? bar : text.length) };
}

// Converts a code-point position (the core counts code points) to a UTF-16 index.
export function codePointToIndex(text, position) {
  let index = 0;
  let count = 0;
  for (const ch of text) {
    if (count >= position) break;
    index += ch.length;
    count += 1;
  }
  return index;
}

// The toolbar is one tab stop; arrow keys, Home and End move between its
// buttons (WAI-ARIA toolbar pattern). Returns the next index, or null for
// keys the toolbar does not handle.
export function toolbarIndex(current, key, count) {
  switch (key) {
    case 'ArrowRight': case 'ArrowDown': return (current + 1) % count;
    case 'ArrowLeft': case 'ArrowUp': return (current - 1 + count) % count;
    case 'Home': return 0;
    case 'End': return count - 1;
    default: return null;
  }
}
