// Timers that stand still while the person is reading or reaching for a toast: while the toast
// area is hovered or holds focus, every timer made here pauses (a toast does not vanish under the
// pointer, and a deleted note is not sent while its Undo is still being reached for).

interface Entry {
  fn: () => void;
  remaining: number;
  startedAt: number;
  handle: ReturnType<typeof setTimeout> | null;
}

const entries = new Set<Entry>();
let held = false;

function arm(e: Entry): void {
  e.startedAt = Date.now();
  e.handle = setTimeout(() => {
    entries.delete(e);
    e.fn();
  }, e.remaining);
}

/** Runs fn after ms of unpaused time; returns a function that cancels it. */
export function later(fn: () => void, ms: number): () => void {
  const e: Entry = { fn, remaining: ms, startedAt: 0, handle: null };
  entries.add(e);
  if (!held) arm(e);
  return () => {
    if (e.handle) clearTimeout(e.handle);
    entries.delete(e);
  };
}

/** Pauses (true) or resumes (false) every pending timer. */
export function holdTimers(hold: boolean): void {
  if (hold === held) return;
  held = hold;
  for (const e of entries) {
    if (hold && e.handle) {
      clearTimeout(e.handle);
      e.handle = null;
      e.remaining = Math.max(0, e.remaining - (Date.now() - e.startedAt));
    } else if (!hold) arm(e);
  }
}
