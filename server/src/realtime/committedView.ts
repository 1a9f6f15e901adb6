// What anyone may be shown of a workshop: the committed (published) state and a window of recent
// committed events for catch-up. The owner of a workshop advances it after each publish tick; in
// cluster mode every other node keeps one too, advanced by the owner's batches (or the log).
import {
  type Envelope,
  type OwnedRecord,
  type WorkshopState,
  OWNED_RECORDS,
  applyEnvelopesOwned,
  applyEnvelopesOwnedSteps,
  changesEveryView,
  emptyState,
  ownedCopy,
  ownedRecordOf,
  redactEnvelopes,
  redactionsOf,
  rescopedBy,
} from '@world-cafe/shared';
import type { Publish } from './fanout';
import type { EventStore, Snapshot, SnapshotPart, StoredSnapshot } from '../store/eventStore';
import { inSlices, nextTurn } from '../turns';

/**
 * The format of the snapshots written now. Bumped whenever WorkshopState's shape changes (an older
 * snapshot is then ignored: full replay) or the format does.
 *
 * Version 2: a snapshot at seq S is a head row (`snapshots`) and N part rows (`snapshot_parts`,
 * parts 0..N-1). The head is `{"v":2,"parts":N,"state":{…}}` with every field of the state but the
 * owned records (OWNED_RECORDS: notes, participants, seats), which it holds as {}; each part is a
 * self-contained `{"v":2,"state":{"<record>":{…up to SNAPSHOT_SLICE entries…}}}`, so a redaction
 * can rewrite one part alone. The room writes each part in its own append (one group commit each)
 * and the head last: a snapshot is complete, and loadable, once its head is stored. A server older
 * than version 2 ignores a v2 head (its version check) and replays the log: rolling upgrades work.
 */
export const SNAPSHOT_VERSION = 2;

/**
 * Version 1: the whole snapshot in one body, `{"v":1,"state":{…}}` (written before parts). Its
 * state has the same shape as version 2's, so it still loads; when that shape changes, both go.
 */
const WHOLE_SNAPSHOT_VERSION = 1;

/**
 * The state a stored snapshot holds: a v1 body, or a v2 head merged with all its parts; null when
 * it is of another version or inconsistent (a part missing or extra, a seq that differs), and then
 * the caller replays the log instead.
 */
export function snapshotState(snap: StoredSnapshot): Promise<WorkshopState | null> {
  return inSlices(snapshotSteps(snap));
}

/** The parse of snapshotState, a yield after each part (inSlices gives the loop its turns between). */
function* snapshotSteps(snap: StoredSnapshot): Generator<void, WorkshopState | null, undefined> {
  try {
    const head = JSON.parse(snap.body) as { v?: unknown; parts?: unknown; state?: WorkshopState };
    const state = head.state;
    if (!state || state.seq !== snap.seq) return null;
    if (head.v === WHOLE_SNAPSHOT_VERSION) return state;
    if (head.v !== SNAPSHOT_VERSION || head.parts !== snap.parts.length) return null;
    for (const body of snap.parts) {
      const part = JSON.parse(body) as { v?: unknown; state?: Record<string, unknown> };
      if (part.v !== SNAPSHOT_VERSION || !part.state) return null;
      for (const [field, entries] of Object.entries(part.state)) {
        if (!isOwnedRecord(field) || typeof state[field] !== 'object' || typeof entries !== 'object' || !entries) return null;
        Object.assign(state[field], entries);
      }
      yield;
    }
    return state;
  } catch {
    return null; // a body that does not parse: replay
  }
}

const isOwnedRecord = (field: string): field is OwnedRecord => (OWNED_RECORDS as readonly string[]).includes(field);

/**
 * A workshop's committed state from the store: its latest snapshot (when there is a usable one)
 * plus the events after it, else a replay of the whole log. Returns the events read, which become
 * the room's recent window. The state is built for this call alone: the caller owns it (its notes,
 * participants and seats may be updated in place, see CommittedView's `owned`).
 */
export async function loadCommitted(
  store: EventStore,
  id: string,
): Promise<{ state: WorkshopState; recent: Envelope[]; snapshotSeq: number }> {
  // Parsed and folded in slices (turns.ts): in one go, a 60,000-note workshop's cold load held
  // every room of the server for ~620 ms, the parse of its snapshot parts alone for ~200 ms.
  const snap = await store.latestSnapshot(id);
  const state = snap ? await snapshotState(snap) : null;
  if (snap && state) {
    const events = await store.readSince(id, snap.seq);
    return { state: await inSlices(applyEnvelopesOwnedSteps(state, events)), recent: events, snapshotSeq: snap.seq };
  }
  const events = await store.readSince(id, 0);
  return { state: await inSlices(applyEnvelopesOwnedSteps(emptyState(), events)), recent: events, snapshotSeq: 0 };
}

/**
 * Record entries per part of a snapshot: 200 notes are ~60 KB of JSON, under V8's large-object
 * threshold (128 KB), so a part's string is born in the young generation and dies there once its
 * commit is done. At 500 (~150 KB) every part went straight to the old generation: ~8 MB of
 * garbage per snapshot of 30,000 notes for the next major GC, whose pauses are the latency tail.
 */
export const SNAPSHOT_SLICE = 200;

const ABSENT = Symbol('absent');

/**
 * A snapshot of a committed state being serialised part by part, while later events go on
 * updating the same records in place (see applyEnvelopesOwned). Everything else in a state is
 * immutable, so the state object taken at `seq` stays as it was except for those records; before
 * an event updates an entry of one of them, the view calls touch() and the entry's value at `seq`
 * is kept here. Serialising a 60,000-note state at once took the event loop for 150-300 ms; part
 * by part each turn of the loop costs about 1 ms.
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
   * The parts' bodies (format of SNAPSHOT_VERSION), each serialised when the iteration reaches it:
   * up to `slice` entries of one owned record at seq, in the record's order.
   */
  *parts(slice = SNAPSHOT_SLICE): Generator<string> {
    for (const field of OWNED_RECORDS) {
      const record = this.state[field] as Record<string, unknown>;
      const saved = this.before[field];
      const keys = this.keys[field];
      for (let i = 0; i < keys.length; i += slice) {
        const entries: Record<string, unknown> = {};
        let any = false;
        for (let j = i; j < Math.min(keys.length, i + slice); j++) {
          const k = keys[j]!;
          const v = saved.has(k) ? saved.get(k) : record[k];
          if (v === ABSENT) continue;
          entries[k] = v;
          any = true;
        }
        if (any) yield '{"v":' + SNAPSHOT_VERSION + ',"state":{' + JSON.stringify(field) + ':' + JSON.stringify(entries) + '}}';
      }
    }
  }

  /** The head's body: every field of the state at seq, the owned records as {} (they are in the `parts` parts). */
  head(parts: number): string {
    const state: Record<string, unknown> = { ...this.state };
    for (const field of OWNED_RECORDS) state[field] = {};
    return JSON.stringify({ v: SNAPSHOT_VERSION, parts, state });
  }
}

/**
 * Stores one part of a snapshot in progress and resolves once it is durable; false to abandon the
 * snapshot (no more parts, no head).
 */
export type PartWriter = (part: SnapshotPart) => Promise<boolean>;

/** How many committed events stay in memory for catch-up; older gaps are read from the log. */
export const RECENT_EVENTS = 2000;

export class CommittedView {
  private state: WorkshopState;
  private recent: readonly Envelope[];

  /** `owned`: `initial` is this view's alone (loadCommitted's), used as it is instead of copied. */
  constructor(
    readonly id: string,
    initial: WorkshopState,
    recent: Envelope[],
    private publish: Publish,
    owned = false,
  ) {
    // an owned copy: note events update its notes record in place
    this.state = owned ? initial : ownedCopy(initial);
    this.recent = recent.slice(-RECENT_EVENTS);
  }

  get committed(): WorkshopState {
    return this.state;
  }

  /** The snapshot being serialised (at most one at a time), whose entries advance() keeps. */
  private capture: SnapshotCapture | null = null;

  /**
   * A snapshot of the committed state as it is now: its parts, each serialised and handed to
   * `write` in turn (the next is serialised only once it resolves, with `pause()` awaited before
   * each; publications go on meanwhile), then its head's seq and body, which the caller stores
   * last. Null when `write` abandoned it, or while another snapshot runs (one at a time).
   */
  async snapshot(
    write: PartWriter,
    { pause = nextTurn, slice = SNAPSHOT_SLICE }: { pause?: () => Promise<void>; slice?: number } = {},
  ): Promise<Snapshot | null> {
    if (this.capture) return null;
    const capture = new SnapshotCapture(this.state);
    this.capture = capture;
    try {
      const parts = capture.parts(slice);
      let part = 0;
      for (;;) {
        await pause();
        const next = parts.next();
        if (next.done) break;
        if (!(await write({ seq: capture.seq, part, body: next.value }))) return null;
        part++;
      }
      return { seq: capture.seq, body: capture.head(part) };
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

  /** Sockets the last advance() wrote to (see Publish). */
  lastWritten = 0;

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
    this.lastWritten = 0;
    try {
      this.lastWritten = this.publish(this.id, { envelopes, committed: this.state, moved, everyone });
    } catch {
      // a socket write that throws must not stop the view: clients catch up by seq on reconnect
    }
    return true;
  }
}
