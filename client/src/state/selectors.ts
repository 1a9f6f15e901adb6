// Hooks that hand each component only what it draws, read from the optimistic view.
import { useShallow } from 'zustand/react/shallow';
import { emptyState, type Note, type Participant, type WorkshopState } from '@world-cafe/shared';
import { selectView, useStore } from './store';

const EMPTY: WorkshopState = emptyState();

const viewState = (s: Parameters<typeof selectView>[0]): WorkshopState => selectView(s)?.state ?? EMPTY;

/** A primitive or stable reference from the optimistic view. */
export function useView<T>(select: (state: WorkshopState, meId: string | null) => T): T {
  return useStore((s) => select(viewState(s), s.me?.participantId ?? null));
}

/** An array or object built fresh each time, compared shallowly. */
export function useViewShallow<T>(select: (state: WorkshopState, meId: string | null) => T): T {
  return useStore(useShallow((s) => select(viewState(s), s.me?.participantId ?? null)));
}

export const useMeId = () => useStore((s) => s.me?.participantId ?? null);
export const useMyRole = () => useView((s, me) => (me ? s.participants[me]?.role : undefined));
export const useMySeat = () => useView((s, me) => (me ? s.seats[me] : undefined));

export function notesOf(state: WorkshopState, tableId: string): Note[] {
  const out: Note[] = [];
  for (const n of Object.values(state.notes)) if (n.tableId === tableId) out.push(n);
  return out.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

export function seatedAt(state: WorkshopState, tableId: string): Participant[] {
  const out: Participant[] = [];
  for (const [pid, t] of Object.entries(state.seats)) {
    if (t !== tableId) continue;
    const p = state.participants[pid];
    if (p) out.push(p);
  }
  return out.sort((a, b) => a.joinedAt - b.joinedAt);
}

export function noteCounts(state: WorkshopState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const n of Object.values(state.notes)) counts[n.tableId] = (counts[n.tableId] ?? 0) + 1;
  return counts;
}

export function countNotes(state: WorkshopState, tableId: string): number {
  let n = 0;
  for (const note of Object.values(state.notes)) if (note.tableId === tableId) n++;
  return n;
}

export function seatCounts(state: WorkshopState): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const t of Object.values(state.seats)) counts[t] = (counts[t] ?? 0) + 1;
  return counts;
}

/** "Somchai (TH)": a person as a tablemate sees them. */
export function delegationCode(state: WorkshopState, p: Pick<Participant, 'delegationId'> | undefined): string | null {
  if (!p?.delegationId) return null;
  return state.delegations[p.delegationId]?.code ?? null;
}
