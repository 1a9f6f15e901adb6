// The view the UI draws: the confirmed (committed) state, then this device's pending ops, applied through the same decide() and reduce() the server uses,
// so the client never re-implements a rule.
import { decide, reduce, type Command, type WorkshopState } from '@world-cafe/shared';
import type { PendingOp } from '../net/opQueue';
import { SERVER_ONLY } from './cafe';

export interface OptimisticView {
  state: WorkshopState;
  /** Ops that decide() refuses against the current view (they will most likely be rejected). */
  doomed: ReadonlySet<string>;
}

export function applyPending(
  confirmed: WorkshopState,
  ops: readonly PendingOp[],
  participantId: string | null,
  now: number,
): OptimisticView {
  const doomed = new Set<string>();
  if (!participantId || ops.length === 0) return { state: confirmed, doomed };
  let state = confirmed;
  const actor = { kind: 'participant', participantId } as const;
  for (const op of ops) {
    if (op.ackSeq !== undefined && op.ackSeq <= confirmed.seq) continue;
    // The café's control commands wait for the server (see SERVER_ONLY).
    if (SERVER_ONLY.has(op.cmd.type)) continue;
    const decision = decide(state, op.cmd, actor, { now });
    if (!decision.ok) {
      // An acked create whose event already arrived decides as a conflict: that is expected.
      if (op.ackSeq === undefined) doomed.add(op.cmd.clientOpId);
      continue;
    }
    for (const e of decision.events) state = reduce(state, e);
  }
  return { state, doomed };
}

/** Would decide() accept this command from me right now? Used to offer only allowed actions. */
export function allowed(state: WorkshopState, participantId: string | null, cmd: Command): boolean {
  if (!participantId) return false;
  return decide(state, cmd, { kind: 'participant', participantId }, { now: Date.now() }).ok;
}
