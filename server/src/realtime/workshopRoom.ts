// One workshop in memory: the decided state (what decide() sees), the committed state (what
// anyone may be shown), recent committed events for catch-up, and the idempotency map.
// The room is the single writer for its workshop in this process, so seq numbers are assigned
// here without a database round-trip.
import {
  type Ack,
  type Actor,
  type Command,
  type DomainEvent,
  type Envelope,
  type SystemCommand,
  type WorkshopState,
  applyEnvelopes,
  applyEnvelopesOwned,
  changesEveryView,
  decide,
  emptyState,
  PREVIEW_EVENT_TYPES,
  rescopedBy,
  scopeOf,
} from '@world-cafe/shared';
import type { AppendBatch, EventStore } from '../store/eventStore';

/** How many committed events stay in memory for catch-up; older gaps get a snapshot. */
export const RECENT_EVENTS = 2000;

/**
 * A group commit can complete many commands at once. Publishing them all in one go would hold
 * up the commands (and their previews) that arrive meanwhile, so committed commands are
 * published in seq order in slices of at most this many milliseconds, yielding to I/O between.
 */
const PUBLISH_SLICE_MS = 1;

export interface ExecuteExtra {
  workshop?: AppendBatch['workshop'];
  credential?: AppendBatch['credential'];
}

export type Publish = (workshopId: string, envelopes: Envelope[], committed: WorkshopState) => void;
/**
 * Best-effort, pre-commit broadcast of a command's note events (all of one table scope) to the
 * audience its committed events will have, minus the author's own sockets. Not durable.
 */
export type Preview = (workshopId: string, scope: `t:${string}`, by: string, events: DomainEvent[]) => void;

const noPreview: Preview = () => {};

export class WorkshopRoom {
  private decided: WorkshopState;
  private committedState: WorkshopState;
  private recent: Envelope[] = [];
  /** opKey -> result of its first execution (pending or settled). */
  private ops = new Map<string, Promise<Ack>>();
  private clockTimer: NodeJS.Timeout | null = null;
  /**
   * Decided but uncommitted commands that move people between rooms (seat, role, round start,
   * phase). While any is in flight the sockets' rooms (which follow the committed state) may not
   * be the audience the next commit will have, so no previews are sent meanwhile.
   */
  private viewChangesInFlight = 0;
  /** Committed commands waiting to enter the committed state and be published, in seq order. */
  private toPublish: Array<() => void> = [];
  private publishing = false;
  broken = false;

  constructor(
    readonly id: string,
    private store: EventStore,
    private publish: Publish,
    initial: WorkshopState,
    ops: Iterable<[string, number]>,
    recent: Envelope[],
    private preview: Preview = noPreview,
  ) {
    // two owned states, each with its own notes record (note events update it in place)
    this.decided = { ...initial, notes: { ...initial.notes } };
    this.committedState = { ...initial, notes: { ...initial.notes } };
    this.recent = recent.slice(-RECENT_EVENTS);
    for (const [key, seq] of ops) this.ops.set(key, Promise.resolve({ ok: true, seq }));
    this.armClock();
  }

  /**
   * The round clock is server-authoritative: while a round runs, a timer ends it at zero (and
   * rotates when auto-rotate is on). Re-armed after every commit, so pause/extend move it, and
   * on load, so a restart does not forget a running round.
   */
  private armClock() {
    if (this.clockTimer) clearTimeout(this.clockTimer);
    this.clockTimer = null;
    const s = this.committedState;
    const { clock } = s.cafe;
    if (this.broken || s.phase !== 'cafe' || clock.status !== 'running' || clock.endsAt === null) return;
    const delay = Math.min(Math.max(0, clock.endsAt - Date.now()), 2 ** 31 - 1);
    this.clockTimer = setTimeout(() => {
      this.clockTimer = null;
      void this.execute({ type: 'round:timeup' }, { kind: 'system' }, null).then((ack) => {
        if (!ack.ok) this.armClock();
      });
    }, delay);
    this.clockTimer.unref();
  }

  dispose() {
    if (this.clockTimer) clearTimeout(this.clockTimer);
    this.clockTimer = null;
  }

  static async load(id: string, store: EventStore, publish: Publish, preview: Preview = noPreview): Promise<WorkshopRoom> {
    const [events, ops] = await Promise.all([store.readSince(id, 0), store.readOps(id)]);
    const state = applyEnvelopesOwned(emptyState(), events);
    return new WorkshopRoom(
      id,
      store,
      publish,
      state,
      ops.map((o) => [o.opKey, o.seq] as [string, number]),
      events,
      preview,
    );
  }

  get committed(): WorkshopState {
    return this.committedState;
  }

  /** Committed events after `since`, or null when they are no longer all in memory. */
  eventsSince(since: number): Envelope[] | null {
    const head = this.committedState.seq;
    if (since >= head) return since === head ? [] : null;
    const first = this.recent[0];
    if (!first || first.seq > since + 1) return null;
    // recent is dense and ordered, so the index is arithmetic
    return this.recent.slice(since + 1 - first.seq);
  }

  /**
   * Decide synchronously (so commands apply in arrival order), then wait for durability.
   * A retried opKey gets the first result back, marked duplicate.
   */
  execute(cmd: Command | SystemCommand, actor: Actor, opKey: string | null, extra: ExecuteExtra = {}): Promise<Ack> {
    if (this.broken) return Promise.resolve(internal());
    if (opKey) {
      const first = this.ops.get(opKey);
      if (first) return first.then((ack) => (ack.ok ? { ...ack, duplicate: true } : ack));
    }
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

    const previewable = by !== null && this.viewChangesInFlight === 0;
    const changesViews = envelopes.some((env) => rescopedBy(env.e).length > 0 || changesEveryView(env.e));
    if (changesViews) this.viewChangesInFlight++;

    const result = this.store.append({ workshopId: this.id, opKey, envelopes, ...extra }).then(
      () =>
        new Promise<Ack>((resolve, reject) =>
          this.afterCommit(() => {
            try {
              if (changesViews) this.viewChangesInFlight--;
              this.committedState = applyEnvelopesOwned(this.committedState, envelopes);
              this.recent.push(...envelopes);
              if (this.recent.length > RECENT_EVENTS * 1.5) this.recent = this.recent.slice(-RECENT_EVENTS);
              this.publish(this.id, envelopes, this.committedState);
              this.armClock();
              resolve({ ok: true, seq: lastSeq });
            } catch (err) {
              reject(err);
            }
          }),
        ),
      (): Ack => {
        if (changesViews) this.viewChangesInFlight--;
        // The decided state ran ahead of the log: this room must be rebuilt from the store.
        this.broken = true;
        this.dispose();
        if (opKey) this.ops.delete(opKey);
        return internal();
      },
    );
    if (opKey) this.ops.set(opKey, result);
    // Others see a note change as soon as it is decided (the write above is already on its way to
    // the disk); its committed events, with seqs, are published no earlier than the next tick.
    if (previewable) this.sendPreview(by, envelopes);
    return result;
  }

  /** Queues a committed command's publication (see PUBLISH_SLICE_MS); commits complete in seq order. */
  private afterCommit(step: () => void) {
    this.toPublish.push(step);
    if (this.publishing) return;
    this.publishing = true;
    setImmediate(this.drainPublish);
  }

  private drainPublish = () => {
    const until = performance.now() + PUBLISH_SLICE_MS;
    let done = 0;
    while (done < this.toPublish.length) {
      this.toPublish[done++]!(); // each step catches its own errors
      if (performance.now() >= until) break;
    }
    this.toPublish.splice(0, done);
    if (this.toPublish.length > 0) setImmediate(this.drainPublish);
    else this.publishing = false;
  };

  /** Previews a command whose events are all note events of one table; anything else is not previewed. */
  private sendPreview(by: string, envelopes: Envelope[]) {
    const scope = envelopes[0]!.scope;
    if (scope === null || scope[0] !== 't') return;
    for (const env of envelopes) if (env.scope !== scope || !PREVIEW_EVENT_TYPES.has(env.e.type)) return;
    try {
      this.preview(this.id, scope as `t:${string}`, by, envelopes.map((env) => env.e));
    } catch {
      // best effort: a failed preview must never affect the command
    }
  }
}

function internal(): Ack {
  return { ok: false, error: { code: 'internal', message: 'the server could not store this change; please retry' } };
}

/** Loads each workshop once and drops rooms that failed to persist so they reload from the log. */
export class RoomRegistry {
  private rooms = new Map<string, Promise<WorkshopRoom>>();
  private ready = new Map<string, WorkshopRoom>();

  constructor(
    private store: EventStore,
    private publish: Publish,
    private preview: Preview = noPreview,
  ) {}

  async get(id: string): Promise<WorkshopRoom> {
    let room = this.rooms.get(id);
    if (room) {
      const r = await room;
      if (!r.broken) return r;
      this.rooms.delete(id);
    }
    room = WorkshopRoom.load(id, this.store, this.publish, this.preview);
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
    const room = new WorkshopRoom(id, this.store, this.publish, emptyState(), [], [], this.preview);
    this.rooms.set(id, Promise.resolve(room));
    this.ready.set(id, room);
    return room;
  }
}
