// Every box of the core's catalog, through the page as a learner uses it
// (type, press Check, read the verdict and feedback): the core's own right
// answer shows correct, a real mistake shows incorrect with its feedback, and
// a syntax error shows invalid with the position of the error.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { declaredMistakes } from './exercise-files.mjs';
import { catalogBoxes, nodeCore, servedWorkbook, submit } from './harness.mjs';

const session = servedWorkbook({ lang: 'en' });
const core = await nodeCore();
const boxes = catalogBoxes(core);
const mistakes = declaredMistakes();

const squash = (s) => s.replace(/\s+/g, ' ').trim();

// The longest stretch of a feedback text outside $…$ math and {{…}}
// placeholders: what must appear verbatim in the page once rendered.
function plainFragment(text) {
  return text.split(/\$[^$]*\$|\{\{[^}]*\}\}/).map(squash).sort((a, b) => b.length - a.length)[0];
}

// A learner's slip for boxes whose file declares none: the right answer moved
// off by one (a line's intercept, a number, a term), or scaled for a vector,
// or another choice.
function genericMistake(box, right) {
  if (box.kind === 'choice') return box.choices.map((c) => c.id).find((id) => id !== right);
  if (box.kind === 'vector') return `2*(${right})`;
  const eq = right.indexOf('=');
  if (eq >= 0) return `${right.slice(0, eq)}= (${right.slice(eq + 1)}) + 1`;
  return `(${right}) + 1`;
}

test('the page shows exactly the catalog\'s boxes', async () => {
  assert.ok(boxes.length > 0, 'the catalog has boxes');
  const onPage = await session.page.$$eval('[data-box]', (els) => els.map((el) => el.dataset.box));
  assert.deepEqual([...onPage].sort(), boxes.map((b) => b.id).sort());
});

for (const box of boxes) {
  describe(`box ${box.id} (${box.kind})`, () => {
    const solution = core.solution(box.id, 0);
    const right = solution.answer?.text;

    test('the core\'s right answer shows correct', async () => {
      assert.equal(typeof right, 'string', `solution(${box.id}) gives an answer: ${JSON.stringify(solution)}`);
      const shown = await submit(session.page, box.id, right);
      assert.equal(shown.verdict, 'correct', `"${right}": ${shown.feedback}`);
    });

    const declared = mistakes.get(box.id) ?? [];
    for (const mistake of declared) {
      test(`the declared mistake ${mistake.code} shows incorrect with its feedback`, async () => {
        const shown = await submit(session.page, box.id, mistake.answer);
        assert.equal(shown.verdict, 'incorrect', `"${mistake.answer}": ${shown.feedback}`);
        assert.ok(squash(shown.feedback).includes(plainFragment(mistake.en)),
          `feedback "${squash(shown.feedback)}" contains "${plainFragment(mistake.en)}"`);
      });
    }
    if (declared.length === 0) {
      test('a learner\'s slip shows incorrect with feedback', async () => {
        const wrong = genericMistake(box, right);
        const shown = await submit(session.page, box.id, wrong);
        assert.equal(shown.verdict, 'incorrect', `"${wrong}": ${shown.feedback}`);
        assert.ok(squash(shown.feedback).length > 0);
      });
    }

    if (box.kind !== 'choice') {
      test('a syntax error shows invalid at its position', async () => {
        // An unmatched ')' after the right answer: the error is at that bracket.
        const bad = `${right}*)`;
        const shown = await submit(session.page, box.id, bad);
        assert.equal(shown.verdict, 'invalid', `"${bad}": ${shown.feedback}`);
        assert.equal(shown.position, [...right].length + 1, shown.feedback);
        const marked = await session.page.locator(`[data-box="${box.id}"] [data-role=preview] mark`).textContent();
        assert.equal(marked, ')');
      });
    }
  });
}
