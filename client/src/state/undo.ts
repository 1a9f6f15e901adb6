// Deleting a note offers Undo: the note disappears from my screen at once, and the delete is
// sent only when the undo window has passed (or at once if the page is being left), so an
// undone delete never reaches anyone else.
import { create } from 'zustand';
import { submit, useStore } from './store';

export const UNDO_MS = 6000;

interface UndoState {
  /** Notes deleted on this screen whose delete has not been sent yet. */
  hidden: Record<string, true>;
}

export const useUndoStore = create<UndoState>()(() => ({ hidden: {} }));

const timers = new Map<string, ReturnType<typeof setTimeout>>();

function send(noteId: string): void {
  const timer = timers.get(noteId);
  if (timer) clearTimeout(timer);
  timers.delete(noteId);
  submit({ type: 'note:delete', noteId });
  unhide(noteId);
}

function unhide(noteId: string): void {
  const { [noteId]: _gone, ...rest } = useUndoStore.getState().hidden;
  useUndoStore.setState({ hidden: rest });
}

export function deleteNoteWithUndo(noteId: string): void {
  if (timers.has(noteId)) return;
  useUndoStore.setState({ hidden: { ...useUndoStore.getState().hidden, [noteId]: true } });
  timers.set(
    noteId,
    setTimeout(() => send(noteId), UNDO_MS),
  );
  useStore.getState().toast({
    kind: 'info',
    key: 'room.noteDeleted',
    ttlMs: UNDO_MS,
    action: {
      key: 'room.undo',
      run: () => {
        const timer = timers.get(noteId);
        if (!timer) return;
        clearTimeout(timer);
        timers.delete(noteId);
        unhide(noteId);
      },
    },
  });
}

// Leaving the page must not lose a delete the person meant: send what is waiting (the command
// queue keeps it across the reload).
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => [...timers.keys()].forEach(send));
