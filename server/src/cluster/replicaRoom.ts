// A workshop this node does not decide for (cluster mode): its committed view, advanced by the
// owner's batches (relayed through Redis) and, whenever a gap shows or a poll finds the log ahead,
// by reading the log. Commands are forwarded to the owner.
import type { Ack, Actor, Command, Envelope, SystemCommand, WorkshopState } from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';
import type { Publish } from '../realtime/fanout';
import { CommittedView, loadCommitted } from '../realtime/committedView';
import type { ExecuteExtra, RoomHandle } from '../realtime/workshopRoom';

export type Forward = (
  workshopId: string,
  cmd: Command | SystemCommand,
  actor: Actor,
  opKey: string | null,
  extra: ExecuteExtra,
) => Promise<Ack>;

export class ReplicaRoom implements RoomHandle {
  private view: CommittedView;
  private catching: Promise<void> | null = null;
  private waiters: Array<{ seq: number; resolve: () => void }> = [];
  private lastBatchAt = 0;
  broken = false;
  /** Set while this node has no socket of the workshop (it hears no batches): read the log before serving again. */
  cold = false;
  readonly saturated = false;
  private disposed = false;

  constructor(
    readonly id: string,
    private store: EventStore,
    publish: Publish,
    private forward: Forward,
    initial: WorkshopState,
    recent: Envelope[],
  ) {
    // loadCommitted's state is this room's alone: the view takes it without a copy
    this.view = new CommittedView(id, initial, recent, publish, true);
  }

  static async load(id: string, store: EventStore, publish: Publish, forward: Forward): Promise<ReplicaRoom> {
    const { state, recent } = await loadCommitted(store, id);
    return new ReplicaRoom(id, store, publish, forward, state, recent);
  }

  get committed(): WorkshopState {
    return this.view.committed;
  }

  eventsSince(since: number): Envelope[] | null {
    return this.view.eventsSince(since);
  }

  execute(cmd: Command | SystemCommand, actor: Actor, opKey: string | null, extra: ExecuteExtra = {}): Promise<Ack> {
    return this.forward(this.id, cmd, actor, opKey, extra);
  }

  /** A batch from the owner: applied if it continues this view, else the gap is read from the log. */
  receive(envelopes: Envelope[]) {
    if (this.disposed) return; // replaced: the room that took its place publishes from now on
    this.lastBatchAt = performance.now();
    const seq = this.view.committed.seq;
    const fresh = envelopes.filter((env) => env.seq > seq);
    if (fresh.length === 0) return;
    if (this.view.advance(fresh)) this.wake();
    else void this.catchUp().catch(() => {});
  }

  /** Whether a batch from the owner arrived within the last `ms`. */
  heardWithin(ms: number): boolean {
    return performance.now() - this.lastBatchAt < ms;
  }

  /** Reads whatever the log holds after this view's seq (one read at a time). */
  catchUp(): Promise<void> {
    this.catching ??= (async () => {
      try {
        const events = await this.store.readSince(this.id, this.view.committed.seq, 20_000);
        if (!this.disposed) this.view.advance(events);
        this.wake();
      } finally {
        this.catching = null;
      }
    })();
    return this.catching;
  }

  /** Resolves once this view has reached `seq` (or after `ms`, whichever comes first). */
  reached(seq: number, ms: number): Promise<void> {
    if (this.view.committed.seq >= seq) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push({ seq, resolve: () => (clearTimeout(timer), resolve()) });
      void this.catchUp().catch(() => {});
    });
  }

  private wake() {
    const seq = this.view.committed.seq;
    const still: typeof this.waiters = [];
    for (const w of this.waiters) {
      if (w.seq <= seq) w.resolve();
      else still.push(w);
    }
    this.waiters = still;
  }

  dispose() {
    this.disposed = true;
    for (const w of this.waiters) w.resolve();
    this.waiters = [];
  }
}
