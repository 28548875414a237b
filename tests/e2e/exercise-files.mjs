// The declared mistakes of every box, read from exercises/*.toml and put in
// the book's numbers (seed 0): each [[box.mistake]] answer with the
// exercise's parameters replaced by their `book` values and its definitions
// by their (bracketed) expressions. Only the few TOML shapes the exercise
// format uses (exercises/README.md) are read; multi-line '''…''' strings are
// skipped whole, so prose can never be mistaken for a key.
import { readExerciseFiles } from '../../web/exercise-files.mjs';

// The string at the start of a TOML value; anything after it (a # comment) is ignored.
function unquote(value) {
  const v = value.trim();
  if (v.startsWith('"')) {
    let end = 1;
    while (end < v.length && v[end] !== '"') end += v[end] === '\\' ? 2 : 1;
    return JSON.parse(v.slice(0, end + 1));
  }
  if (v.startsWith("'")) return v.slice(1, v.indexOf("'", 1));
  return v.replace(/\s+#.*$/, '');
}

function readFile(text) {
  const parameters = {};
  const definitions = {};
  const boxes = [];
  let table = '';
  let inMultiline = false;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (inMultiline) {
      if (line.includes("'''") || line.includes('"""')) inMultiline = false;
      continue;
    }
    if (/=\s*('''|""")/.test(line) && !/('''|""").*('''|""")/.test(line.split('=').slice(1).join('='))) {
      inMultiline = true;
      continue;
    }
    const header = line.match(/^\[\[?([^\]]+)\]\]?$/);
    if (header) {
      table = header[1].trim();
      if (table === 'box') boxes.push({ id: null, mistakes: [] });
      if (table === 'box.mistake') boxes.at(-1).mistakes.push({});
      continue;
    }
    const kv = line.match(/^([A-Za-z_][\w.]*)\s*=\s*(.+)$/);
    if (!kv) continue;
    const [, key, value] = kv;
    if (table === 'parameters') {
      const book = value.match(/book\s*=\s*(-?[\d.]+)/);
      if (book) parameters[key] = book[1];
    } else if (table === 'define') {
      definitions[key] = unquote(value);
    } else if (table === 'box' && key === 'id') {
      boxes.at(-1).id = unquote(value);
    } else if (table === 'box.mistake' && ['answer', 'code', 'en', 'zh'].includes(key)) {
      boxes.at(-1).mistakes.at(-1)[key] = unquote(value);
    }
  }
  return { parameters, definitions, boxes };
}

// Replaces whole-word names by their values, definitions first (they may use
// parameters), each wrapped in brackets so precedence is kept.
function instantiate(answer, { parameters, definitions }) {
  let text = answer;
  for (const table of [definitions, parameters]) {
    for (const [name, value] of Object.entries(table)) {
      text = text.replace(new RegExp(`(?<![\\w])${name}(?![\\w(])`, 'gu'), `(${value})`);
    }
  }
  return text;
}

// Map box id -> [{answer, code, en, zh}] in the book's numbers.
export function declaredMistakes() {
  const result = new Map();
  for (const { text } of readExerciseFiles()) {
    const file = readFile(text);
    for (const box of file.boxes) {
      if (!box.id) continue;
      result.set(box.id, box.mistakes.filter((m) => m.answer).map((m) => ({ ...m, answer: instantiate(m.answer, file) })));
    }
  }
  return result;
}
