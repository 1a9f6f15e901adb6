// What anyone may be shown of a workshop: the committed (published) state and a window of recent
// committed events for catch-up. The owner of a workshop advances it after each publish tick; in
// cluster mode every other node keeps one too, advanced by the owner's batches (or the log).
import {
  type Envelope,
  type OwnedRecord,
  type WorkshopState,
  OWNED_RECORDS,
  applyEnvelopesOwned,
  changesEveryView,
  emptyState,
  ownedCopy,
  ownedRecordOf,
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

/** Record entries serialised per slice of a snapshot (a slice of 500 notes takes about a millisecond). */
export const SNAPSHOT_SLICE = 500;

const ABSENT = Symbol('absent');

/**
 * A snapshot of a committed state being serialised in slices, while later events go on updating
 * the same records in place (see applyEnvelopesOwned). Everything else in a state is immutable, so
 * the state object taken at `seq` stays as it was except for those records; before an event
 * updates an entry of one of them, the view calls touch() and the entry's value at `seq` is kept
 * here. Serialising a 60,000-note state at once took the event loop for 150-300 ms (plus as much
 * again to re-escape it for the writer thread); in slices each turn of the loop costs about 1 ms.
 */
export class SnapshotCapture {
  private readonly before: Record<OwnedRecord, Map<string, unknown>> = { notes: new Map(), participants: new Map(), seats: new Map() };
  /** The captured records' keys (their entries added later are not part of the snapshot). */
  private readonly keys: Record<OwnedRecord, string[]>;

  constructor(readonly state: WorkshopState) {
    this.keys = { notes: Object.keys(state.notes), participants: Object.keys(state.participants), seats: Object.keys(state.seats) };
  }

  get seq(): number {
    return this.state.seq;
  }

  /** `current`'s entry `id` of `field` is about to be updated in place. */
  touch(current: WorkshopState, field: OwnedRecord, id: string) {
    const record = current[field] as Record<string, unknown>;
    // a record replaced since the capture (a copy) is not the captured one: nothing to keep
    if (record !== this.state[field]) return;
    const saved = this.before[field];
    if (!saved.has(id)) saved.set(id, Object.hasOwn(record, id) ? record[id] : ABSENT);
  }

  /**
   * The snapshot body, the same JSON as snapshotBody(state at seq), built in slices of `slice`
   * entries with `pause()` awaited between them (the event loop runs, and events may be folded).
   */
  async serialize(pause: () => Promise<void>, slice = SNAPSHOT_SLICE): Promise<string> {
    // Concatenated with `+`, never joined: the body stays a rope of the slices' strings, copied
    // once when it leaves this thread, instead of a last turn copying tens of MB twice.
    let fields = '';
    for (const [key, value] of Object.entries(this.state)) {
      if (!(OWNED_RECORDS as readonly string[]).includes(key)) {
        const json = JSON.stringify(value);
        if (json !== undefined) fields += (fields === '' ? '' : ',') + JSON.stringify(key) + ':' + json;
        continue;
      }
      const field = key as OwnedRecord;
      const record = value as Record<string, unknown>;
      const saved = this.before[field];
      const keys = this.keys[field];
      let entries = '';
      for (let i = 0; i < keys.length; i += slice) {
        await pause();
        const part: Record<string, unknown> = {};
        for (let j = i; j < Math.min(keys.length, i + slice); j++) {
          const k = keys[j]!;
          const v = saved.has(k) ? saved.get(k) : record[k];
          if (v !== ABSENT) part[k] = v;
        }
        const json = JSON.stringify(part);
        if (json.length > 2) entries += (entries === '' ? '' : ',') + json.slice(1, -1);
      }
      fields += (fields === '' ? '' : ',') + JSON.stringify(key) + ':{' + entries + '}';
    }
    return '{"v":' + SNAPSHOT_VERSION + ',"state":{' + fields + '}}';
  }
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

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

  /** The snapshot being serialised (at most one at a time), whose entries advance() keeps. */
  private capture: SnapshotCapture | null = null;

  /**
   * A snapshot of the committed state as it is now: its seq and body, serialised in slices between
   * which the event loop runs (publications go on meanwhile). One at a time: null while another runs.
   */
  async snapshot(pause: () => Promise<void> = nextTurn, slice = SNAPSHOT_SLICE): Promise<{ seq: number; body: string } | null> {
    if (this.capture) return null;
    const capture = new SnapshotCapture(this.state);
    this.capture = capture;
    try {
      return { seq: capture.seq, body: await capture.serialize(pause, slice) };
    } finally {
      this.capture = null;
    }
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
    if (this.capture) {
      // before the fold updates entries in place, a snapshot in progress keeps their values at its seq
      for (const env of envelopes) {
        const owned = ownedRecordOf(env.e);
        if (owned) this.capture.touch(this.state, owned[0], owned[1]);
      }
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
