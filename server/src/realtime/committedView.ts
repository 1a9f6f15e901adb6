// What anyone may be shown of a workshop: the committed (published) state and a window of recent
// committed events for catch-up. The owner of a workshop advances it after each publish tick; in
// cluster mode every other node keeps one too, advanced by the owner's batches (or the log).
import {
  type Envelope,
  type WorkshopState,
  applyEnvelopesOwned,
  changesEveryView,
  emptyState,
  ownedCopy,
  redactEnvelopes,
  redactionsOf,
  rescopedBy,
} from '@world-cafe/shared';
import type { Publish } from './fanout';
import type { EventStore } from '../store/eventStore';

/** Bumped whenever WorkshopState's shape changes: an older snapshot is then ignored (full replay). */
export const SNAPSHOT_VERSION = 1;

/**
 * A workshop's committed state from the store: its latest snapshot (when there is one of this
 * version) plus the events after it, else a replay of the whole log. Returns the events read, which
 * become the room's recent window.
 */
export async function loadCommitted(
  store: EventStore,
  id: string,
): Promise<{ state: WorkshopState; recent: Envelope[]; snapshotSeq: number }> {
  const snap = await store.latestSnapshot(id);
  if (snap) {
    const parsed = JSON.parse(snap.body) as { v?: number; state?: WorkshopState };
    if (parsed.v === SNAPSHOT_VERSION && parsed.state && parsed.state.seq === snap.seq) {
      const events = await store.readSince(id, snap.seq);
      return { state: applyEnvelopesOwned(parsed.state, events), recent: events, snapshotSeq: snap.seq };
    }
  }
  const events = await store.readSince(id, 0);
  return { state: applyEnvelopesOwned(emptyState(), events), recent: events, snapshotSeq: 0 };
}

export function snapshotBody(state: WorkshopState): string {
  return JSON.stringify({ v: SNAPSHOT_VERSION, state });
}

/** How many committed events stay in memory for catch-up; older gaps are read from the log. */
export const RECENT_EVENTS = 2000;

export class CommittedView {
  private state: WorkshopState;
  private recent: readonly Envelope[];

  constructor(
    readonly id: string,
    initial: WorkshopState,
    recent: Envelope[],
    private publish: Publish,
  ) {
    // an owned copy: note events update its notes record in place
    this.state = ownedCopy(initial);
    this.recent = recent.slice(-RECENT_EVENTS);
  }

  get committed(): WorkshopState {
    return this.state;
  }

  /** Committed events after `since`, or null when they are no longer all in memory. */
  eventsSince(since: number): Envelope[] | null {
    const head = this.state.seq;
    if (since >= head) return since === head ? [] : null;
    const first = this.recent[0];
    if (!first || first.seq > since + 1) return null;
    // recent is dense and ordered, so the index is arithmetic
    return this.recent.slice(since + 1 - first.seq);
  }

  /**
   * Folds the next committed events and publishes them as one batch to the local sockets, with
   * whose view they change. Only a dense continuation is applied: events this view already holds
   * are skipped, and a batch that would leave a hole is refused (returns false; the caller reads
   * the gap from the log or rebuilds), so a view is always exactly a prefix of the log.
   */
  advance(batch: Envelope[]): boolean {
    const seq = this.state.seq;
    const envelopes = batch[0] && batch[0].seq <= seq ? batch.filter((env) => env.seq > seq) : batch;
    if (envelopes.length === 0) return true;
    if (envelopes[0]!.seq !== seq + 1) return false;
    const moved = new Set<string>();
    let everyone = false;
    for (const env of envelopes) {
      for (const p of rescopedBy(env.e)) moved.add(p);
      if (changesEveryView(env.e)) everyone = true;
    }
    this.state = applyEnvelopesOwned(this.state, envelopes);
    const recent =
      this.recent.length + envelopes.length > RECENT_EVENTS * 1.5 ? this.recent.slice(-RECENT_EVENTS) : (this.recent as Envelope[]);
    for (const env of envelopes) recent.push(env);
    this.recent = recent;
    // Deleted text leaves the catch-up window too (the store redacts its copy in the delete's
    // commit). Every node folds the same batches here, so replicas' windows follow the owner's.
    for (const env of envelopes) {
      const deleted = redactionsOf(env.e);
      if (deleted.length > 0) this.recent = redactEnvelopes(this.recent, deleted, env.seq);
    }
    try {
      this.publish(this.id, { envelopes, committed: this.state, moved, everyone });
    } catch {
      // a socket write that throws must not stop the view: clients catch up by seq on reconnect
    }
    return true;
  }
}
