// One workshop in memory: the decided state (what decide() sees), the committed state (what
// anyone may be shown), recent committed events for catch-up, and the idempotency map.
// The room is the single writer for its workshop in this process, so seq numbers are assigned
// here without a database round-trip. Nothing is sent before it is durable: a command is decided,
// appended (group commit), then published with the others of its tick, then acknowledged.
import {
  type Ack,
  type Actor,
  type Command,
  type Envelope,
  type SystemCommand,
  type WorkshopState,
  applyEnvelopesOwned,
  decide,
  emptyState,
  ownedCopy,
  ownedCopySteps,
  redactionsOf,
  scopeOf,
} from '@world-cafe/shared';
import { type AppendBatch, type EventStore, isUnreachable } from '../store/eventStore';
import type { Publish } from './fanout';
import { PUBLISH_TICK_MS, publishTickFor } from './publishTick';
import type { RosterLink } from './rosterLink';
import { CommittedView, loadCommitted } from './committedView';
import { SATURATED_RETRY_MS, admission, overloaded } from './admission';
import { corkingWrites } from './engineFrames';
import { inSlices } from '../turns';

/**
 * Events between two snapshots of a workshop's state in the store, at least; a state of more
 * records than that (notes, participants, seats) waits as many events as it has records (see
 * snapshotDueAfter).
 */
export const SNAPSHOT_EVERY = 10_000;

/**
 * How many events after the last snapshot the next is due: SNAPSHOT_EVERY, or the state's record
 * count if larger. Writing a snapshot costs about its records, so the writer spends at most about
 * one record's worth per event on snapshots, whatever the state's size; a cold load replays at most
 * that many events after the snapshot it reads. A fixed interval wrote a 100,000-note workshop
 * (~30 MB) every 10,000 events: every 3 s at 3,000 notes/s, which kept the writer thread busy and
 * the notes' commits waiting behind the parts.
 */
export function snapshotDueAfter(state: WorkshopState): number {
  const records = Object.keys(state.notes).length + Object.keys(state.participants).length + Object.keys(state.seats).length;
  return Math.max(SNAPSHOT_EVERY, records);
}

export { RECENT_EVENTS } from './committedView';

/**
 * Admission control: commands decided but not yet published (their commit or their batch is still
 * on its way). Past `admission.maxUnpublished` (400 by default, OVERLOAD_MAX_PENDING) the room
 * refuses new commands with `overloaded` at once, so that what it accepted is committed and
 * published promptly instead of waiting behind an unbounded queue.
 */

/** clientOpIds remembered per participant (the most recent ones); see OpWindow. */
export const OPS_PER_PARTICIPANT = 1000;

export interface ExecuteExtra {
  workshop?: AppendBatch['workshop'];
  credential?: AppendBatch['credential'];
  /**
   * An object of the command whose JSON the caller has already (an import's state, MBs, from the
   * thread that parsed it): the events that hold it are stored with that JSON spliced in, not
   * serialised again (encodedWith).
   */
  preEncoded?: { value: object; json: string };
}

export type { Publish } from './fanout';

/** What execute() adds to its AppendBatch. */
type StoredExtra = Pick<AppendBatch, 'workshop' | 'credential' | 'encodedEvents'>;

interface Committed {
  envelopes: Envelope[];
  lastSeq: number;
  opKey: string | null;
  resolve: (ack: Ack) => void;
  onPublished?: (ack: Ack) => void;
}

/** What the socket edge and the HTTP API need of a workshop, whether this node decides for it or not. */
export interface RoomHandle {
  readonly id: string;
  readonly committed: WorkshopState;
  readonly saturated: boolean;
  readonly broken: boolean;
  eventsSince(since: number): Envelope[] | null;
  /** Resolves once the committed view reached `seq` (reading the log if it can) or after `ms`. */
  reached?(seq: number, ms: number): Promise<void>;
  /**
   * `onPublished`, if given, gets the ack of a command that is published, in the same synchronous
   * step as the publication (before the promise resolves): the socket edge writes it beside the
   * events frame, in one write (see engineFrames.ts). Any other outcome comes by the promise only.
   */
  execute(
    cmd: Command | SystemCommand,
    actor: Actor,
    opKey: string | null,
    extra?: ExecuteExtra,
    onPublished?: (ack: Ack) => void,
  ): Promise<Ack>;
  dispose(): void;
}

export class WorkshopRoom implements RoomHandle {
  private decided: WorkshopState;
  private view: CommittedView;
  private ops: OpWindow;
  private clockTimer: NodeJS.Timeout | null = null;
  /** The deadline the clock timer is armed for ('' = not armed), so a publication re-arms only on change. */
  private armedFor = '';
  /** Committed commands waiting to be published on the next turn of the event loop, in seq order. */
  private outbox: Committed[] = [];
  private flushTimer: NodeJS.Immediate | null = null;
  /** Commands decided and not yet published (see admission.maxUnpublished). */
  private unpublished = 0;
  /** Decided commands waiting for the next hand-over to the store (see toStore), in seq order. */
  private held: Array<() => void> = [];
  private releaseTimer: NodeJS.Timeout | null = null;
  /** When commands last went to the store (performance.now()). */
  private lastRelease = -Infinity;
  /** The spacing of hand-overs now: PUBLISH_TICK_MS, stretched by the last publication's writes (publishTickFor). */
  private tickMs = PUBLISH_TICK_MS;
  broken = false;
  /**
   * Replaced (its lease lost, or another room of this workshop took its place): it decides,
   * publishes and acknowledges nothing any more. What it had in flight is answered `unavailable`;
   * clients resend with the same clientOpId and the room that decides now answers from the log.
   */
  private retired = false;

  /**
   * `loaded` (from load()): `initial` is the room's own (loadCommitted's) and `decided` a copy of it,
   * its two owned states, and `ops` the log's op keys. Without it the room copies `initial` for both
   * states and knows no op (a new workshop, tests).
   */
  constructor(
    readonly id: string,
    private store: EventStore,
    publish: Publish,
    initial: WorkshopState,
    recent: Envelope[],
    loaded?: { decided: WorkshopState; ops: OpWindow },
  ) {
    // two owned states (the fold updates their notes, participants and seats in place)
    this.decided = loaded?.decided ?? ownedCopy(initial);
    this.view = new CommittedView(id, initial, recent, publish, loaded !== undefined);
    this.ops = loaded?.ops ?? new OpWindow(OPS_PER_PARTICIPANT);
    this.armClock();
  }

  /**
   * The round clock is server-authoritative: while a round runs, a timer ends it at zero (and
   * rotates when auto-rotate is on). Re-armed after every publication, so pause/extend move it,
   * and on load, so a restart does not forget a running round.
   */
  private armClock() {
    const s = this.view.committed;
    const { clock } = s.cafe;
    const running = !this.broken && !this.retired && s.phase === 'cafe' && clock.status === 'running' && clock.endsAt !== null;
    const key = running ? String(clock.endsAt) : '';
    if (key === this.armedFor && (key === '' || this.clockTimer)) return;
    if (this.clockTimer) clearTimeout(this.clockTimer);
    this.clockTimer = null;
    this.armedFor = key;
    if (!running || clock.endsAt === null) return;
    const delay = Math.min(Math.max(0, clock.endsAt - Date.now()), 2 ** 31 - 1);
    this.clockTimer = setTimeout(() => {
      this.clockTimer = null;
      void this.execute({ type: 'round:timeup' }, { kind: 'system' }, null).then((ack) => {
        if (!ack.ok) {
          this.armedFor = ''; // refused (e.g. a failed write): try again
          this.armClock();
        }
      });
    }, delay);
    this.clockTimer.unref();
  }

  dispose() {
    this.retired = true;
    this.stopTimers();
  }

  private stopTimers() {
    if (this.clockTimer) clearTimeout(this.clockTimer);
    this.clockTimer = null;
    this.armedFor = '';
  }

  static async load(id: string, store: EventStore, publish: Publish): Promise<WorkshopRoom> {
    const [{ state, recent, snapshotSeq }, ops] = await Promise.all([loadCommitted(store, id), store.readOps(id)]);
    // A big workshop's second owned state and its op keys take the main thread for long (60,000
    // notes: ~50 ms to copy, ~30 ms for the keys): built a slice at a time, between other work.
    const decided = await inSlices(ownedCopySteps(state));
    const window = new OpWindow(OPS_PER_PARTICIPANT);
    await inSlices(window.settleSteps(ops));
    const room = new WorkshopRoom(id, store, publish, state, recent, { decided, ops: window });
    room.snapshotSeq = snapshotSeq;
    return room;
  }

  /** Seq of the latest snapshot in the store (as far as this room knows). */
  private snapshotSeq = 0;
  /** The snapshot being serialised and written, if any. */
  private snapshotting: Promise<void> | null = null;
  /** The last decided event that deletes text (see redactionsOf), 0 if none. */
  private redactionSeq = 0;
  /** After a snapshot was dropped for a deletion, the next try waits until then (performance.now()). */
  private snapshotNotBefore = 0;

  /** A snapshot is taken as soon as the committed view reaches this seq (an import's); 0: none. */
  private snapshotOnceAt = 0;

  /** The seq before which no snapshot is due (rechecked there: see snapshotDueAfter). */
  private snapshotDue = 0;

  /**
   * Every snapshotDueAfter() events a snapshot of the committed state goes to the store, so a cold
   * start reads it and the events after it instead of replaying the whole log. It is serialised in
   * slices between which the room goes on publishing (CommittedView.snapshot), so it starts at
   * once instead of waiting for a quiet moment (a busy room had none, and then serialised tens of
   * MB on the event loop in one go once the log ran far ahead).
   */
  private maybeSnapshot() {
    if (this.snapshotting || this.broken || this.retired || performance.now() < this.snapshotNotBefore) return;
    const { seq } = this.view.committed;
    if (seq - this.snapshotSeq < SNAPSHOT_EVERY || seq < this.snapshotDue) return;
    // counting the records walks the state: once per interval, not per publication
    this.snapshotDue = this.snapshotSeq + snapshotDueAfter(this.view.committed);
    if (seq < this.snapshotDue) return;
    void this.snapshotNow();
  }

  /**
   * Writes a snapshot of the committed state (tests call it directly; `slice`: entries per part);
   * after the one in progress, if any. Each part goes to the store in its own append, and the next
   * is serialised only once it is committed, so the parts spread over as many group commits instead
   * of holding the writer for one multi-MB transaction; the head goes last, and the snapshot is
   * complete (and this resolves) once it is stored.
   */
  snapshotNow(slice?: number): Promise<void> {
    const run = (this.snapshotting ?? Promise.resolve()).then(async () => {
      if (this.view.committed.seq <= this.snapshotSeq) return;
      try {
        const snap = await this.view.snapshot(
          async (part) => {
            if (!this.mayStoreSnapshot(part.seq)) return false;
            await this.store.saveSnapshotPart(this.id, part.seq, part.part, part.body);
            return true;
          },
          { slice },
        );
        if (!snap || !this.mayStoreSnapshot(snap.seq)) return;
        await this.store.saveSnapshot(this.id, snap.seq, snap.body);
        this.snapshotSeq = Math.max(this.snapshotSeq, snap.seq);
      } catch {
        // best effort: the log is the truth, a missing snapshot only makes the next load slower
      }
    });
    const tracked = run.finally(() => {
      if (this.snapshotting === tracked) this.snapshotting = null;
    });
    this.snapshotting = tracked;
    return tracked;
  }

  /**
   * Whether the next part or the head of the snapshot at `seq` may be queued. A deletion decided
   * after the snapshot's seq may already be queued before it: its transaction would redact the
   * stored rows before this one is stored, and this one would keep the deleted text. Such a
   * snapshot is abandoned (no more parts, no head; a later one is taken, not before a second from
   * now): the parts stored so far have a seq below the deletion's, so its own transaction redacts
   * them, and without a head they are orphans the store prunes later. A deletion decided after
   * this check is queued behind the write and redacts it as usual.
   */
  private mayStoreSnapshot(seq: number): boolean {
    if (this.broken || this.retired) return false;
    if (this.redactionSeq <= seq) return true;
    this.snapshotNotBefore = performance.now() + 1000;
    return false;
  }

  /** The published state: what anyone is shown (events reach it only when they are published). */
  get committed(): WorkshopState {
    return this.view.committed;
  }

  /** Whether a new command would be refused as `overloaded` right now. */
  get saturated(): boolean {
    return this.unpublished >= admission.maxUnpublished;
  }

  /** Committed events after `since`, or null when they are no longer all in memory. */
  eventsSince(since: number): Envelope[] | null {
    return this.view.eventsSince(since);
  }

  /**
   * Decide synchronously (so commands apply in arrival order), then wait for the hand-over to the
   * store (toStore) and durability: the ack comes after the events went out, so an author sees its own event
   * (in the frame its table gets anyway) no later than the ack. A retried opKey gets the first
   * result back, marked duplicate.
   */
  execute(
    cmd: Command | SystemCommand,
    actor: Actor,
    opKey: string | null,
    extra: ExecuteExtra = {},
    onPublished?: (ack: Ack) => void,
  ): Promise<Ack> {
    if (this.broken || this.retired) return Promise.resolve(unavailable());
    if (opKey) {
      const first = this.ops.get(opKey);
      if (typeof first === 'number') return Promise.resolve({ ok: true, seq: first, duplicate: true });
      if (first) return first.then((ack) => (ack.ok ? { ...ack, duplicate: true } : ack));
    }
    // system commands (the round clock) are never refused: they are few and must happen
    if (actor.kind !== 'system' && this.saturated) return Promise.resolve(overloaded(SATURATED_RETRY_MS));
    const now = Date.now();
    const decision = decide(this.decided, cmd, actor, { now });
    if (!decision.ok) return Promise.resolve({ ok: false, error: decision.error });

    const by = actor.kind === 'participant' ? actor.participantId : null;
    const envelopes: Envelope[] = decision.events.map((e, i) => ({
      seq: this.decided.seq + 1 + i,
      at: now,
      by,
      scope: scopeOf(e),
      e,
    }));
    this.decided = applyEnvelopesOwned(this.decided, envelopes);
    const lastSeq = envelopes[envelopes.length - 1]!.seq;
    for (const env of envelopes) {
      if (redactionsOf(env.e).length > 0) this.redactionSeq = env.seq;
      // an import is the whole workshop in one event (MBs): a snapshot in parts right after it
      // spares a cold load parsing that one row in one go
      if (env.e.type === 'workshop:imported') this.snapshotOnceAt = env.seq;
    }
    this.unpublished++;

    const batch = extra.preEncoded ? storedWith(extra, envelopes, extra.preEncoded) : extra;
    const result = new Promise<Ack>((resolve) => {
      this.toStore(() => this.append(envelopes, lastSeq, opKey, batch, resolve, onPublished));
    });
    if (opKey) this.ops.pending(opKey, result);
    return result;
  }

  /**
   * Hands decided commands to the store at most once per PUBLISH_TICK_MS: a quiet workshop (none
   * handed over in the last tick) at once, a busy one all those decided since, together, when the
   * tick since the last hand-over is up. They share one group commit and are published as soon as
   * it is durable. At 1,000 notes/s that is one commit per tick instead of three or four (each
   * costs the main thread two thread hand-offs, a message to the writer and its answer, whatever its
   * size), and a note waits for the tick before its commit instead of after it: what it waited for
   * anyway, since the tick spaces publications.
   */
  private toStore(append: () => void) {
    const now = performance.now();
    const due = this.lastRelease + this.tickMs;
    if (this.held.length === 0 && now >= due) {
      this.lastRelease = now;
      return append();
    }
    this.held.push(append);
    this.releaseTimer ??= setTimeout(this.release, Math.max(0, due - now));
  }

  private release = () => {
    // libuv's timers run on a millisecond clock read at the start of the loop's turn, so one can
    // fire early by as long as that turn has run: wait out the rest, the tick is a promise
    const rest = this.lastRelease + this.tickMs - performance.now();
    if (rest > 0) {
      this.releaseTimer = setTimeout(this.release, rest);
      return;
    }
    this.releaseTimer = null;
    this.lastRelease = performance.now();
    const held = this.held;
    this.held = [];
    for (const append of held) append();
  };

  private append(
    envelopes: Envelope[],
    lastSeq: number,
    opKey: string | null,
    extra: StoredExtra,
    resolve: (ack: Ack) => void,
    onPublished: ((ack: Ack) => void) | undefined,
  ) {
    // a room that broke or was replaced while this was held (toStore) stores nothing more
    if (this.broken || this.retired) return this.abandon(opKey, resolve);
    this.store.append({ workshopId: this.id, opKey, envelopes, ...extra }).then(
      () => {
        if (this.broken || this.retired) return this.abandon(opKey, resolve);
        this.outbox.push({ envelopes, lastSeq, opKey, resolve, onPublished });
        this.scheduleFlush();
      },
      (err: unknown) => {
        // The decided state ran ahead of the log (or the write's outcome is unknown, or another
        // node decides now): this room must be rebuilt from the store. Whatever it appends after
        // this is not published by it (its view would skip the failed seq); the next room loads
        // it from the log. Never `internal`: nothing was lost, the client resends the same op.
        if (!this.broken) this.onBreak?.(isUnreachable(err) ? 'unreachable' : ((err as { code?: string }).code ?? 'unknown'));
        this.broken = true;
        this.stopTimers();
        this.abandon(opKey, resolve);
      },
    );
  }

  /** Called once when an append fails (why: unreachable, SEQ_TAKEN, NOT_OWNER ...), for logs. */
  onBreak: ((why: string) => void) | null = null;

  private abandon(opKey: string | null, resolve: (ack: Ack) => void) {
    this.unpublished--;
    if (opKey) this.ops.forget(opKey);
    resolve(unavailable());
  }

  private scheduleFlush() {
    // the next turn: everything that became durable in this one is published together
    this.flushTimer ??= setImmediate(this.flush);
  }

  /** Publishes everything committed since the last flush as one batch, then acks its commands. */
  private flush = () => {
    this.flushTimer = null;
    const items = this.outbox;
    this.outbox = [];
    if (items.length === 0) return;
    if (this.retired) {
      for (const item of items) this.abandon(item.opKey, item.resolve);
      return;
    }
    // the batch's frames and its acks leave in one write per socket (see engineFrames.ts)
    const published = corkingWrites(() => {
      // appends succeed in seq order, and once one fails the later ones are abandoned above: a batch
      // that does not continue the view cannot happen; if it did, publishing it would skip events
      if (!this.view.advance(items.length === 1 ? items[0]!.envelopes : items.flatMap((i) => i.envelopes))) return false;
      for (const item of items) {
        this.unpublished--;
        if (item.opKey) this.ops.settle(item.opKey, item.lastSeq);
        const ack: Ack = { ok: true, seq: item.lastSeq };
        item.onPublished?.(ack);
        item.resolve(ack);
      }
      return true;
    });
    const tick = publishTickFor(this.view.lastWritten);
    if (tick < this.tickMs && this.releaseTimer) {
      // held commands were timed for the longer tick: release them by the shorter one
      clearTimeout(this.releaseTimer);
      this.releaseTimer = setTimeout(this.release, Math.max(0, this.lastRelease + tick - performance.now()));
    }
    this.tickMs = tick;
    if (!published) {
      this.broken = true;
      this.stopTimers();
      for (const item of items) this.abandon(item.opKey, item.resolve);
      return;
    }
    this.armClock();
    if (this.snapshotOnceAt > 0 && this.view.committed.seq >= this.snapshotOnceAt) {
      this.snapshotOnceAt = 0;
      void this.snapshotNow();
    } else this.maybeSnapshot();
  };
}

/**
 * The idempotency window: for each participant, the results of their most recent
 * `limit` commands (settled ones as a bare seq, so memory stays small). A client sends its
 * queue in order and waits for each ack, so the only ops it can ever resend are its newest
 * unacknowledged ones, far inside the window; older keys are forgotten.
 */
export class OpWindow {
  private results = new Map<string, number | Promise<Ack>>();
  private order = new Map<string, string[]>();

  constructor(private limit: number) {}

  get(key: string): number | Promise<Ack> | undefined {
    return this.results.get(key);
  }

  pending(key: string, result: Promise<Ack>) {
    this.remember(key, result);
  }

  settle(key: string, seq: number) {
    this.remember(key, seq);
  }

  /** Settles every op of `ops` (a load's), yielding after every `slice` of them. */
  *settleSteps(ops: Iterable<{ opKey: string; seq: number }>, slice = 5000): Generator<void, void, undefined> {
    let settled = 0;
    for (const o of ops) {
      this.remember(o.opKey, o.seq);
      if (++settled % slice === 0) yield;
    }
  }

  forget(key: string) {
    this.results.delete(key);
  }

  private remember(key: string, value: number | Promise<Ack>) {
    const known = this.results.has(key);
    this.results.set(key, value);
    if (known) return;
    const owner = key.slice(0, key.indexOf(':') + 1) || key;
    let keys = this.order.get(owner);
    if (!keys) this.order.set(owner, (keys = []));
    keys.push(key);
    if (keys.length > this.limit * 1.25) {
      // drop the oldest settled keys in one go (amortised), never a pending one
      const drop = keys.length - this.limit;
      const kept: string[] = [];
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i]!;
        // a settled or forgotten key goes; a pending one stays
        if (i < drop && !(this.results.get(k) instanceof Promise)) this.results.delete(k);
        else kept.push(k);
      }
      this.order.set(owner, kept);
    }
  }
}

/** What execute() stores for `extra` with a pre-encoded value: the events that hold it as their JSON. */
function storedWith(extra: ExecuteExtra, envelopes: readonly Envelope[], preEncoded: NonNullable<ExecuteExtra['preEncoded']>): StoredExtra {
  const encoded = encodedWith(envelopes, preEncoded);
  return { workshop: extra.workshop, credential: extra.credential, ...(encoded.length > 0 ? { encodedEvents: encoded } : {}) };
}

/** A string no event holds: where the pre-encoded value goes before its JSON is spliced in. */
const SPLICE = '\u0000pre-encoded\u0000';

/**
 * [seq, JSON] of the events that hold `value` (by identity, anywhere in them), each serialised with
 * `json` in its place: JSON.stringify does not descend into the value, so an event that holds MBs
 * costs the serialisation of its other fields.
 */
export function encodedWith(envelopes: readonly Envelope[], { value, json }: { value: object; json: string }): Array<[number, string]> {
  const out: Array<[number, string]> = [];
  for (const env of envelopes) {
    let held = false;
    const text = JSON.stringify(env.e, (_key, v: unknown) => {
      if (v !== value) return v;
      held = true;
      return SPLICE;
    });
    if (held) out.push([env.seq, text.replace(JSON.stringify(SPLICE), () => json)]);
  }
  return out;
}

function unavailable(): Ack {
  return {
    ok: false,
    error: {
      code: 'unavailable',
      message: 'this change was not stored (the database is unreachable or the workshop is moving to another server); please retry',
    },
  };
}

/** The workshops this process serves: one node (RoomRegistry) or a cluster (cluster/clusterRooms.ts). */
export interface Rooms {
  get(id: string): Promise<RoomHandle>;
  /** The room if it is loaded and healthy, without waiting (for synchronous socket setup). */
  loaded(id: string): RoomHandle | undefined;
  /** A brand-new workshop starts from an empty room without reading the log. */
  create(id: string): RoomHandle;
  /** Drops a room whose creation was refused, so nothing of it lingers. */
  forget(id: string): void;
  dispose(): void;
  /** Cluster mode: how this node's online people reach the other nodes (see presence.ts). */
  readonly roster?: RosterLink;
}

/** Loads each workshop once and drops rooms that failed to persist so they reload from the log. */
export class RoomRegistry implements Rooms {
  private rooms = new Map<string, Promise<WorkshopRoom>>();
  private ready = new Map<string, WorkshopRoom>();

  constructor(
    private store: EventStore,
    private publish: Publish,
  ) {}

  async get(id: string): Promise<WorkshopRoom> {
    let room = this.rooms.get(id);
    if (room) {
      const r = await room;
      if (!r.broken) return r;
      this.rooms.delete(id);
    }
    room = WorkshopRoom.load(id, this.store, this.publish);
    this.rooms.set(id, room);
    room.then(
      (r) => this.ready.set(id, r),
      () => this.rooms.delete(id),
    );
    return room;
  }

  /** The room if it is loaded and healthy, without waiting (for synchronous socket setup). */
  loaded(id: string): WorkshopRoom | undefined {
    const r = this.ready.get(id);
    return r && !r.broken ? r : undefined;
  }

  dispose() {
    for (const r of this.ready.values()) r.dispose();
  }

  /** Drops a room whose creation was refused, so nothing of it lingers. */
  forget(id: string) {
    this.ready.get(id)?.dispose();
    this.ready.delete(id);
    this.rooms.delete(id);
  }

  /** A brand-new workshop starts from an empty room without reading the log. */
  create(id: string): WorkshopRoom {
    const room = new WorkshopRoom(id, this.store, this.publish, emptyState(), []);
    this.rooms.set(id, Promise.resolve(room));
    this.ready.set(id, room);
    return room;
  }
}
