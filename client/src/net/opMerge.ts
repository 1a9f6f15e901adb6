// Merging a new command into the queue of commands not yet confirmed, per note, so that what a
// delegate took back while offline is never sent: a note created and deleted offline sends
// nothing, a note created and edited offline sends one create with the last text, and repeated
// edits, moves or recolours of a note the server knows send only the last one.
//
// The protocol's clientOpId rule bounds what may be merged: an op that may have reached the
// server (it was emitted at least once, even without an answer, or it was acknowledged) is never
// dropped or changed, because the server may have applied it under that clientOpId. Only ops
// that certainly never left this device are rewritten or dropped.
import { assertNever, type Command } from '@world-cafe/shared';

/** The part of a queued op the merge needs (PendingOp in opQueue.ts). */
export interface QueuedOp {
  cmd: Command;
  /** Acknowledged by the server with this seq. */
  ackSeq?: number;
  /** Emitted at least once: the server may have it, even if no answer came back. */
  sent?: boolean;
}

/** Whether the server may have seen this op (then it must be sent again unchanged). */
export function mayHaveReached(op: QueuedOp, inflightOpId: string | null = null): boolean {
  return op.ackSeq !== undefined || op.sent === true || op.cmd.clientOpId === inflightOpId;
}

type NoteCommand = Extract<Command, { type: `note:${string}` }>;

function isNoteCommand(cmd: Command): cmd is NoteCommand {
  return cmd.type.startsWith('note:') && 'noteId' in cmd;
}

/** The changes to a note that a later one of the same kind replaces, and how it replaces them. */
const LATEST_WINS = {
  'note:edit': (prev, next) => ({ ...prev, text: next.text }),
  'note:move': (prev, next) => ({ ...prev, x: next.x, y: next.y }),
  'note:recolor': (prev, next) => ({ ...prev, color: next.color }),
} satisfies {
  [K in 'note:edit' | 'note:move' | 'note:recolor']: (
    prev: Extract<Command, { type: K }>,
    next: Extract<Command, { type: K }>,
  ) => Extract<Command, { type: K }>;
};

/**
 * The queue after `cmd` is added: `cmd` appended, or merged into an op for the same note that
 * certainly never reached the server. Other notes' ops and every op that may have reached the
 * server keep their place and content. Pure: returns a new array, never mutates `ops`.
 */
export function mergeOp<T extends QueuedOp>(ops: readonly T[], cmd: Command, inflightOpId: string | null, make: (cmd: Command) => T): T[] {
  if (!isNoteCommand(cmd) || cmd.type === 'note:create') return [...ops, make(cmd)];
  const noteId = cmd.noteId;
  /** An op on this note that the server certainly has not seen: free to rewrite or drop. */
  const local = (op: T) => isNoteCommand(op.cmd) && op.cmd.noteId === noteId && !mayHaveReached(op, inflightOpId);
  const createAt = ops.findIndex((op) => op.cmd.type === 'note:create' && local(op));

  switch (cmd.type) {
    case 'note:delete':
      // The server never saw the note: nothing about it is sent at all. Otherwise the changes it
      // has not seen are moot (and their text must not reach anyone): only the delete goes.
      return createAt >= 0 ? ops.filter((op) => !local(op)) : [...ops.filter((op) => !local(op)), make(cmd)];
    case 'note:edit':
    case 'note:move':
    case 'note:recolor': {
      if (createAt >= 0) {
        // A note the server has not seen yet: its create carries the latest text, place and colour.
        const create = ops[createAt]!.cmd as Extract<Command, { type: 'note:create' }>;
        const { type: _t, clientOpId: _c, noteId: _n, ...change } = cmd;
        return ops.map((op, i) => (i === createAt ? { ...op, cmd: { ...create, ...change } } : op));
      }
      let last = -1;
      for (let i = ops.length - 1; i >= 0 && last < 0; i--) if (ops[i]!.cmd.type === cmd.type && local(ops[i]!)) last = i;
      if (last < 0) return [...ops, make(cmd)];
      // Changes of one kind to one note: only the last counts, so the unsent one takes its value
      // (keeping its clientOpId; it never left this device).
      const replace = LATEST_WINS[cmd.type] as (prev: Command, next: Command) => Command;
      return ops.map((op, i) => (i === last ? { ...op, cmd: replace(op.cmd, cmd) } : op));
    }
    default:
      return assertNever(cmd);
  }
}
