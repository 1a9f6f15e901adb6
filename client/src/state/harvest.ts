// Harvest helpers on top of the main store: following one command to its outcome (the goal
// editor needs to know when a stale edit was refused), and small selectors over notes.
import type { Command, Note, StaleCurrent, WorkshopState } from '@world-cafe/shared';
import { noteConcepts } from '../lib/noteConcepts';
import { rejectionListeners, useStore, type CommandDraft } from './store';

/** `current` (stale edits only): the value and version that won, from the conflict ack. */
export type Outcome = { ok: true } | { ok: false; code: string; current?: StaleCurrent };

/**
 * Submits a command and resolves when the server has answered it: ok, or the error code it
 * refused it with ('refused-here' when decide() in the browser refused it at once; the store
 * shows its usual toast either way). A queued command waits for the connection like any other.
 */
export function submitTracked(draft: CommandDraft): Promise<Outcome> {
  const store = useStore;
  const before = store.getState().pending;
  if (!store.getState().submit(draft)) return Promise.resolve({ ok: false, code: 'refused-here' });
  const op = store.getState().pending.find((o) => !before.includes(o));
  const id = op?.cmd.clientOpId;
  if (!id) return Promise.resolve({ ok: true });
  return new Promise((resolve) => {
    let rejected: string | null = null;
    let current: StaleCurrent | undefined;
    const onReject = (cmd: Command, code: string, won?: StaleCurrent) => {
      if (cmd.clientOpId !== id) return;
      rejected = code;
      current = won;
    };
    const finish = (o: Outcome) => {
      rejectionListeners.delete(onReject);
      unsub();
      resolve(o);
    };
    rejectionListeners.add(onReject);
    // Acked ops may leave the queue in the same update that acks them (their event came first).
    const unsub = store.subscribe((s) => {
      const mine = s.pending.find((o) => o.cmd.clientOpId === id);
      if (rejected !== null) finish(current ? { ok: false, code: rejected, current } : { ok: false, code: rejected });
      else if (!mine || mine.ackSeq !== undefined) finish(s.workshopId ? { ok: true } : { ok: false, code: 'dropped' });
    });
  });
}

export interface NoteFilter {
  tableId: string;
  round: string;
  themeId: string;
  delegationId: string;
  /** A concept id of the multilingual concept map: notes about it, in any language. */
  concept: string;
}

export const NO_FILTER: NoteFilter = { tableId: '', round: '', themeId: '', delegationId: '', concept: '' };

export function matchesFilter(state: WorkshopState, note: Note, f: NoteFilter): boolean {
  if (f.tableId && note.tableId !== f.tableId) return false;
  if (f.round && String(note.round) !== f.round) return false;
  if (f.delegationId && (note.delegationId ?? '-') !== f.delegationId) return false;
  if (f.themeId && (state.tables[note.tableId]?.themeId ?? '-') !== f.themeId) return false;
  if (f.concept && !noteConcepts(note.text).includes(f.concept)) return false;
  return true;
}

/** Notes in board order: by table (as arranged), round, then time. */
export function allNotes(state: WorkshopState): Note[] {
  const tableIdx = new Map(state.tableOrder.map((id, i) => [id, i]));
  return Object.values(state.notes).sort(
    (a, b) =>
      (tableIdx.get(a.tableId) ?? 999) - (tableIdx.get(b.tableId) ?? 999) ||
      a.round - b.round ||
      a.createdAt - b.createdAt ||
      (a.id < b.id ? -1 : 1),
  );
}

/** note id -> cluster id. */
export function clusterOfNote(state: WorkshopState): Record<string, string> {
  const out: Record<string, string> = {};
  for (const id of state.harvest.clusterOrder) for (const n of state.harvest.clusters[id]?.noteIds ?? []) out[n] ??= id;
  return out;
}

/** The theme most of these notes' tables share (for a new goal), or null. */
export function commonTheme(state: WorkshopState, noteIds: readonly string[]): string | null {
  const counts = new Map<string, number>();
  for (const id of noteIds) {
    const th = state.tables[state.notes[id]?.tableId ?? '']?.themeId;
    if (th && state.themes[th]) counts.set(th, (counts.get(th) ?? 0) + 1);
  }
  let best: string | null = null;
  let max = 0;
  for (const [th, n] of counts) if (n > max) [best, max] = [th, n];
  return best;
}

/** "Table 2 · Round 1 · TH": where a note came from. */
export function provenance(state: WorkshopState, note: Note): { table: string; round: number; delegation: string | null; author: string } {
  return {
    table: state.tables[note.tableId]?.name ?? '?',
    round: note.round,
    delegation: note.delegationId ? (state.delegations[note.delegationId]?.code ?? null) : null,
    author: state.participants[note.authorId]?.name ?? '',
  };
}
