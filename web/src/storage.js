// The learner's progress as data: the versioned schema, validation, migration
// from older schemas and the merge used when two tabs write. Pure functions,
// no DOM, so tests/js can exercise every case directly.
//
// Schema 2 (current):
//   { schema: 2, app: "calculus-workbook", resetAt: <ms>,
//     boxes: { <boxId>: { answer, verdict, attempts, hintsUsed, updatedAt } },
//     exercises: { <exerciseId>: { seed, updatedAt } } }
// Schema 1 (the first release, still migrated): parallel maps keyed by box id,
//   { version: 1, answers: {id: text}, verdicts: {id: verdict}, attempts: {id: n} }.

export const SCHEMA = 2;
export const APP = 'calculus-workbook';
export const STORAGE_KEY = 'calcwb.progress';
export const VERDICTS = ['correct', 'incorrect', 'invalid', 'undecided'];

export const MAX_ANSWER = 4000;
const MAX_COUNT = 1_000_000;
const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._\/-]{0,119}$/;

export function emptyProgress() {
  return { schema: SCHEMA, app: APP, resetAt: 0, boxes: {}, exercises: {} };
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const isCount = (v) => Number.isInteger(v) && v >= 0 && v <= MAX_COUNT;
const isTime = (v) => Number.isFinite(v) && v >= 0;

// Why a box entry is unusable, or null when it is fine.
function boxProblem(id, entry) {
  if (!ID_PATTERN.test(id)) return `bad box id ${JSON.stringify(id.slice(0, 40))}`;
  if (!isObject(entry)) return `${id}: not an object`;
  if (typeof entry.answer !== 'string' || entry.answer.length > MAX_ANSWER) return `${id}: bad answer`;
  if (entry.verdict !== null && !VERDICTS.includes(entry.verdict)) return `${id}: bad verdict`;
  if (!isCount(entry.attempts)) return `${id}: bad attempts`;
  if (!isCount(entry.hintsUsed)) return `${id}: bad hintsUsed`;
  if (!isTime(entry.updatedAt)) return `${id}: bad updatedAt`;
  return null;
}

function exerciseProblem(id, entry) {
  if (!ID_PATTERN.test(id)) return `bad exercise id ${JSON.stringify(id.slice(0, 40))}`;
  if (!isObject(entry) || !Number.isInteger(entry.seed) || entry.seed < 0 || entry.seed > 0xffffffff) {
    return `${id}: bad seed`;
  }
  if (!isTime(entry.updatedAt)) return `${id}: bad updatedAt`;
  return null;
}

function copyBox(entry) {
  const { answer, verdict, attempts, hintsUsed, updatedAt } = entry;
  return { answer, verdict, attempts, hintsUsed, updatedAt };
}

// Keeps every valid entry of a schema-2 object; returns {progress, dropped}.
export function salvage(raw) {
  const progress = emptyProgress();
  const dropped = [];
  if (isTime(raw.resetAt)) progress.resetAt = raw.resetAt;
  for (const [field, problem, copy] of [
    ['boxes', boxProblem, copyBox],
    ['exercises', exerciseProblem, (e) => ({ seed: e.seed, updatedAt: e.updatedAt })],
  ]) {
    if (raw[field] === undefined) continue;
    if (!isObject(raw[field])) {
      dropped.push(`${field}: not an object`);
      continue;
    }
    for (const [id, entry] of Object.entries(raw[field])) {
      const why = problem(id, entry);
      if (why) dropped.push(why);
      else progress[field][id] = copy(entry);
    }
  }
  return { progress, dropped };
}

// Schema 1 → schema 2. Entries get updatedAt = 0 so that anything newer wins a merge.
export function migrateV1(raw) {
  const boxes = {};
  const ids = new Set([
    ...Object.keys(isObject(raw.answers) ? raw.answers : {}),
    ...Object.keys(isObject(raw.verdicts) ? raw.verdicts : {}),
  ]);
  for (const id of ids) {
    boxes[id] = {
      answer: typeof raw.answers?.[id] === 'string' ? raw.answers[id] : '',
      verdict: VERDICTS.includes(raw.verdicts?.[id]) ? raw.verdicts[id] : null,
      attempts: isCount(raw.attempts?.[id]) ? raw.attempts[id] : 0,
      hintsUsed: 0,
      updatedAt: 0,
    };
  }
  return { schema: SCHEMA, app: APP, resetAt: 0, boxes, exercises: {} };
}

// Identifies what a parsed value is: 'current', 'v1', 'future' or 'foreign'.
export function schemaOf(raw) {
  if (!isObject(raw)) return 'foreign';
  if (raw.schema === SCHEMA && raw.app === APP) return 'current';
  if (raw.version === 1 && (isObject(raw.answers) || isObject(raw.verdicts))) return 'v1';
  if (raw.app === APP && Number.isInteger(raw.schema) && raw.schema > SCHEMA) return 'future';
  return 'foreign';
}

// Reads stored text. Never throws. Returns
//   {progress, dropped: [...], migrated: bool, unreadable: bool, reason?}
// `unreadable` means nothing could be kept (the caller backs the raw text up).
export function readStored(text) {
  if (text === null || text === undefined) {
    return { progress: emptyProgress(), dropped: [], migrated: false, unreadable: false };
  }
  let raw;
  try {
    raw = JSON.parse(text);
  } catch {
    return { progress: emptyProgress(), dropped: [], migrated: false, unreadable: true, reason: 'not JSON' };
  }
  const kind = schemaOf(raw);
  if (kind === 'v1') {
    const { progress, dropped } = salvage(migrateV1(raw));
    return { progress, dropped, migrated: true, unreadable: false };
  }
  if (kind === 'current') return { ...salvage(raw), migrated: false, unreadable: false };
  return {
    progress: emptyProgress(), dropped: [], migrated: false, unreadable: true,
    reason: kind === 'future' ? 'saved by a newer version' : 'not workbook progress',
  };
}

// Validates an imported file strictly: any problem rejects the whole file so
// that a bad import never half-replaces progress. Returns {ok, progress} or {ok:false, error}.
export function validateImport(text) {
  if (typeof text !== 'string' || text.length > 2_000_000) return { ok: false, error: 'file too large or empty' };
  let raw;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    return { ok: false, error: `not JSON (${err.message})` };
  }
  const kind = schemaOf(raw);
  if (kind === 'foreign') return { ok: false, error: 'not a Calculus Workbook progress file' };
  if (kind === 'future') return { ok: false, error: 'made by a newer version of the workbook' };
  const { progress, dropped } = salvage(kind === 'v1' ? migrateV1(raw) : raw);
  if (dropped.length) return { ok: false, error: dropped.slice(0, 3).join('; ') };
  return { ok: true, progress };
}

// Merges two progress objects: per entry the later updatedAt wins, and
// anything older than the later reset is dropped. Used when another tab wrote.
export function mergeProgress(a, b) {
  const resetAt = Math.max(a.resetAt, b.resetAt);
  const out = { ...emptyProgress(), resetAt };
  for (const field of ['boxes', 'exercises']) {
    for (const source of [a, b]) {
      for (const [id, entry] of Object.entries(source[field])) {
        if (entry.updatedAt < resetAt) continue;
        const have = out[field][id];
        if (!have || entry.updatedAt > have.updatedAt) out[field][id] = entry;
      }
    }
  }
  return out;
}

export function serialize(progress) {
  return JSON.stringify(progress);
}
