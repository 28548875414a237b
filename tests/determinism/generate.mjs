// A seeded, reproducible set of requests for the determinism check: random
// expressions over x and y (with the awkward numbers: tiny, huge, poles, domain
// edges) for the numeric functions, and for every box of the catalog its right
// answer, altered answers, random expressions and a syntax error, at the book's
// numbers and at variant seeds. A request is [function, ...args].

// mulberry32: a tiny PRNG whose sequence is the same everywhere.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NUMBERS = ['0', '1', '2', '3', '0.1', '0.5', '1e-8', '1e200', '10', '7', 'pi', 'e'];
const UNARY = ['sin', 'cos', 'tan', 'asin', 'acos', 'atan', 'sinh', 'cosh', 'tanh', 'exp', 'ln', 'sqrt', 'abs', '-'];
const BINARY = ['+', '-', '*', '/', '^'];

export function randomExpr(random, vars, depth = 4) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  if (depth === 0 || random() < 0.25) return random() < 0.6 ? pick(vars) : pick(NUMBERS);
  if (random() < 0.3) {
    const fn = pick(UNARY);
    const arg = randomExpr(random, vars, depth - 1);
    return fn === '-' ? `-(${arg})` : `${fn}(${arg})`;
  }
  const op = pick(BINARY);
  const left = randomExpr(random, vars, depth - 1);
  // Small exponents keep the work bounded; the parser refuses big ones anyway.
  const right = op === '^' ? pick(['2', '3', '-1', '0.5', vars[0]]) : randomExpr(random, vars, depth - 1);
  return `(${left})${op}(${right})`;
}

const POINTS = [0, 1, -1, 0.5, 1e-8, -2.5, 3.141592653589793, 1e300, 100];
const HS = JSON.stringify([0.1, 0.01, 0.001, 0.0001, 0.00001]);

export function numericRequests(count, seed) {
  const random = rng(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const out = [];
  for (let i = 0; i < count; i += 1) {
    const f = randomExpr(random, ['x']);
    const g = randomExpr(random, ['x', 'y']);
    const x = pick(POINTS);
    out.push(['evaluate', f, JSON.stringify({ x })]);
    out.push(['evaluate', g, JSON.stringify({ x, y: pick(POINTS) })]);
    out.push(['limitTable', f, String(x), HS]);
    out.push(['tangent', f, String(x)]);
    if (i % 4 === 0) out.push(['samplePlot', f, '-3', '3', '41']);
    if (i % 8 === 0) out.push(['gradientField', g, '-2', '2', '-2', '2', '4', '4']);
  }
  return out;
}

// `solutionOf(boxId, seed)` gives the core's right answer text for a box.
export function gradeRequests(boxes, solutionOf, seed) {
  const random = rng(seed);
  const out = [];
  for (const box of boxes) {
    const vars = box.variables?.length ? box.variables.map((v) => v.name ?? v) : ['x'];
    for (const s of [0, 1 + Math.floor(random() * 1000)]) {
      const right = solutionOf(box.id, s);
      const answers = box.kind === 'choice'
        ? (box.choices ?? []).map((c) => c.id)
        : [right, `(${right})+1`, `2*(${right})`, `-(${right})`, `${right})`,
          randomExpr(random, vars, 3), randomExpr(random, vars, 3)];
      for (const a of answers) {
        if (a === undefined || /[\t\n]/.test(a)) continue;
        out.push(['grade', box.id, a, String(s)]);
        if (box.kind !== 'choice') out.push(['preview', box.id, a]);
      }
      out.push(['solution', box.id, String(s)]);
    }
  }
  return out;
}
