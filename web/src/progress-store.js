// The progress held by this tab, kept in sync with localStorage. Every write
// re-reads what is stored and merges before writing, so two tabs never wipe
// each other's work; a failed write (quota, blocked storage) leaves what was
// saved before intact and is reported through onStatus. DOM-free apart from
// the optional storage event subscription.
import { STORAGE_KEY, emptyProgress, mergeProgress, readStored, serialize } from './storage.js';

export function createProgressStore(storage, { key = STORAGE_KEY, now = () => Date.now() } = {}) {
  let progress = emptyProgress();
  const changeListeners = new Set();
  const statusListeners = new Set();
  const emitChange = () => changeListeners.forEach((fn) => fn(progress));
  const emitStatus = (status) => statusListeners.forEach((fn) => fn(status));
  // Timestamps strictly increase so that two updates in one millisecond still order.
  let last = 0;
  const stamp = () => (last = Math.max(now(), last + 1));

  function readRaw() {
    try {
      return { text: storage.getItem(key), ok: true };
    } catch {
      return { text: null, ok: false };
    }
  }

  function write() {
    const { text } = readRaw();
    const stored = readStored(text);
    // Never merge away an unreadable blob silently: load() has backed it up.
    progress = mergeProgress(stored.progress, progress);
    try {
      storage.setItem(key, serialize(progress));
      return true;
    } catch (err) {
      emitStatus({ kind: isQuota(err) ? 'quota' : 'blocked', error: String(err?.message ?? err) });
      return false;
    }
  }

  return {
    // Reads storage; reports dropped/migrated/unreadable; returns the status.
    load() {
      const { text, ok } = readRaw();
      if (!ok) {
        emitStatus({ kind: 'blocked' });
        return { kind: 'blocked' };
      }
      const stored = readStored(text);
      progress = stored.progress;
      let status = { kind: 'ok' };
      if (stored.unreadable) {
        const backupKey = `${key}.unreadable.${now()}`;
        try {
          storage.setItem(backupKey, text);
        } catch {
          // Could not back it up; keep the original in place untouched instead.
          emitChange();
          status = { kind: 'unreadable', backupKey: null, reason: stored.reason };
          emitStatus(status);
          return status;
        }
        status = { kind: 'unreadable', backupKey, reason: stored.reason };
      } else if (stored.dropped.length) {
        status = { kind: 'dropped', dropped: stored.dropped };
      } else if (stored.migrated) {
        status = { kind: 'migrated' };
      }
      if (status.kind !== 'ok') {
        write();
        emitStatus(status);
      }
      emitChange();
      return status;
    },
    get progress() { return progress; },
    box(id) { return progress.boxes[id]; },
    seed(exerciseId) { return progress.exercises[exerciseId]?.seed ?? 0; },
    updateBox(id, patch) {
      const before = progress.boxes[id] ?? { answer: '', verdict: null, attempts: 0, hintsUsed: 0 };
      progress = {
        ...progress,
        boxes: { ...progress.boxes, [id]: { ...before, ...patch, updatedAt: stamp() } },
      };
      write();
      emitChange();
    },
    setSeed(exerciseId, seed) {
      progress = {
        ...progress,
        exercises: { ...progress.exercises, [exerciseId]: { seed, updatedAt: stamp() } },
      };
      write();
      emitChange();
    },
    // Replaces everything (import): the new data wins over all stored entries.
    replace(next) {
      const t = stamp();
      const restamp = (map) => Object.fromEntries(Object.entries(map).map(([id, e]) => [id, { ...e, updatedAt: t }]));
      progress = { ...emptyProgress(), resetAt: t, boxes: restamp(next.boxes), exercises: restamp(next.exercises) };
      const ok = write();
      emitChange();
      return ok;
    },
    reset() {
      progress = { ...emptyProgress(), resetAt: stamp() };
      const ok = write();
      emitChange();
      return ok;
    },
    // Another tab wrote: fold its data in without writing back.
    absorb(text) {
      const stored = readStored(text);
      if (stored.unreadable) return;
      progress = mergeProgress(progress, stored.progress);
      emitChange();
    },
    onChange(fn) { changeListeners.add(fn); return () => changeListeners.delete(fn); },
    onStatus(fn) { statusListeners.add(fn); return () => statusListeners.delete(fn); },
    key,
  };
}

function isQuota(err) {
  return err?.name === 'QuotaExceededError' || err?.code === 22 || err?.code === 1014;
}
