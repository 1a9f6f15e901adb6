// Undo for my own notes. Deleting a note offers Undo: the note disappears from my screen at once,
// and the delete is sent only when the undo window has passed (or at once if the page is being
// left), so an undone delete never reaches anyone else. Ctrl/Cmd+Z undoes my last delete or move
// (a move is undone by moving the note back). After an undo the keyboard lands on the note.
import { create } from 'zustand';
import { holdTimers, later } from '../lib/pausableTimers';
import { submit, useStore } from './store';

export const UNDO_MS = 6000;

interface UndoState {
  /** Notes deleted on this screen whose delete has not been sent yet. */
  hidden: Record<string, true>;
}

export const useUndoStore = create<UndoState>()(() => ({ hidden: {} }));

type Undoable = { kind: 'delete'; noteId: string; toastId: string | null } | { kind: 'move'; noteId: string; x: number; y: number };

/** My latest undoable actions, newest last (a short history: Ctrl+Z more than once walks back). */
const history: Undoable[] = [];
const HISTORY = 20;
const cancels = new Map<string, () => void>();

function send(noteId: string): void {
  cancels.get(noteId)?.();
  cancels.delete(noteId);
  submit({ type: 'note:delete', noteId });
  unhide(noteId);
  forget(noteId);
}

function unhide(noteId: string): void {
  const { [noteId]: _gone, ...rest } = useUndoStore.getState().hidden;
  useUndoStore.setState({ hidden: rest });
}

/** A deleted note takes its history with it (its moves can no longer be undone). */
function forget(noteId: string): void {
  for (let i = history.length - 1; i >= 0; i--) if (history[i]!.noteId === noteId) history.splice(i, 1);
}

function remember(u: Undoable): void {
  history.push(u);
  if (history.length > HISTORY) history.shift();
}

/** Puts the keyboard on a note once it is drawn again. */
function focusNote(noteId: string): void {
  let tries = 0;
  const look = () => {
    const el = document.querySelector<HTMLElement>(`.note[data-note-id="${CSS.escape(noteId)}"]`);
    if (el) el.focus();
    else if (++tries < 10) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
}

function restore(noteId: string): boolean {
  const cancel = cancels.get(noteId);
  if (!cancel) return false;
  cancel();
  cancels.delete(noteId);
  unhide(noteId);
  // the timers were held while the pointer or focus was on the toast, which is now gone
  holdTimers(false);
  focusNote(noteId);
  return true;
}

export function deleteNoteWithUndo(noteId: string): void {
  if (cancels.has(noteId)) return;
  useUndoStore.setState({ hidden: { ...useUndoStore.getState().hidden, [noteId]: true } });
  cancels.set(
    noteId,
    later(() => send(noteId), UNDO_MS),
  );
  const toastId = useStore.getState().toast({
    kind: 'info',
    key: 'room.noteDeleted',
    ttlMs: UNDO_MS,
    action: { key: 'room.undo', keys: 'ui.board.undoKeys', run: () => void undoDelete(noteId) },
  });
  remember({ kind: 'delete', noteId, toastId });
}

function undoDelete(noteId: string): boolean {
  const i = history.findLastIndex((u) => u.kind === 'delete' && u.noteId === noteId);
  if (i >= 0) history.splice(i, 1);
  return restore(noteId);
}

/** Records where my note was before I moved it (call before sending the move). */
export function rememberMove(noteId: string, x: number, y: number): void {
  remember({ kind: 'move', noteId, x, y });
}

/** Ctrl/Cmd+Z: undoes my latest delete (still within its window) or move. */
export function undoLast(): boolean {
  for (;;) {
    const u = history.pop();
    if (!u) return false;
    switch (u.kind) {
      case 'delete': {
        if (!restore(u.noteId)) continue; // already sent: nothing left to undo there
        if (u.toastId) useStore.getState().dismissToast(u.toastId);
        return true;
      }
      case 'move': {
        if (useUndoStore.getState().hidden[u.noteId]) continue;
        if (!submit({ type: 'note:move', noteId: u.noteId, x: u.x, y: u.y })) continue;
        focusNote(u.noteId);
        return true;
      }
      default: {
        const never: never = u;
        return never;
      }
    }
  }
}

// Leaving the page must not lose a delete the person meant: send what is waiting (the command
// queue keeps it across the reload).
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => [...cancels.keys()].forEach(send));
