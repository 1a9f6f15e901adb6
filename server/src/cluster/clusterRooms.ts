// Rooms in cluster mode (DATABASE_URL + REDIS_URL): every node serves every workshop. For each
// workshop one node holds the lease (leases.ts) and decides: its WorkshopRoom orders commands,
// appends them to PostgreSQL and publishes each committed batch to its own sockets and, through
// Redis, to the other nodes. Every other node keeps a ReplicaRoom (the committed view) for its own
// sockets and forwards commands to the owner. Failure handling, in one place:
// - owner killed: its lock session ends, PostgreSQL frees the lease at once; within POLL_MS a node
//   with sockets of that workshop takes it, loads the log (the truth), re-arms the round clock
//   (a time-up that fell due meanwhile fires once: decide() refuses a second one), and from then on
//   decides. Clients of the dead node reconnect anywhere and resume by seq; their unacknowledged
//   commands come again with the same clientOpId, which the log's op keys make idempotent.
// - Redis down: forwarded commands time out with `unavailable` (clients retry), owners keep serving
//   their own sockets, and every replica polls the log's head every POLL_MS, so cross-node delivery
//   continues (slower) and needs no action when Redis returns.
// - PostgreSQL down: appends fail, the owner's room breaks and commands get `unavailable`; leases
//   die with their session; when the database is back the next poll or command re-elects an owner.
// Who hears what (redis.ts): a workshop's batches and rosters go on its own channel, which a node
// subscribes to while it has a socket of the workshop; forwarded commands go on the workshop's
// command channel, which only the lease holder subscribes to; acks go on the asking node's channel.
// A node with no socket of a workshop and no lease on it receives nothing of its traffic.
import { randomUUID } from 'node:crypto';
import {
  type Ack,
  type Actor,
  type Command,
  type Envelope,
  type SystemCommand,
  changesEveryView,
  emptyState,
  rescopedBy,
} from '@world-cafe/shared';
import type { Logger } from 'pino';
import type { AppendBatch, EventStore } from '../store/eventStore';
import { type IO, type Publication, createFanout, rooms as roomNames } from '../realtime/fanout';
import { type ExecuteExtra, type RoomHandle, WorkshopRoom } from '../realtime/workshopRoom';
import { ReplicaRoom } from './replicaRoom';
import { setOwnedWorkshopsSource } from '../metrics';
import type { WorkshopLeases } from './leases';
import type { ClusterBus } from './redis';
import type { RosterLink } from '../realtime/rosterLink';

/** How often replicas check the log's head and try to take over ownerless workshops. */
export const POLL_MS = 1000;
/** How long a forwarded command waits for its owner's answer, in all and per attempt. */
export const FORWARD_TIMEOUT_MS = 4000;
const FORWARD_ATTEMPT_MS = 1500;

type Msg =
  | { t: 'batch'; w: string; envelopes: Envelope[] }
  /** One node's online people of a workshop (all of them, each time: see presence.ts). */
  | { t: 'roster'; w: string; node: string; online: string[] }
  | {
      t: 'cmd';
      from: string;
      req: string;
      w: string;
      cmd: Command | SystemCommand;
      actor: Actor;
      opKey: string | null;
      extra: ExecuteExtra;
    }
  | { t: 'ack'; to: string; req: string; ack: Ack }
  /** A node's lease session died (cut off PostgreSQL): it decides for none of `ws` any more. */
  | { t: 'released'; from: string; ws: string[] };

const unavailable = (message: string): Ack => ({ ok: false, error: { code: 'unavailable', message } });

export class ClusterRooms {
  readonly nodeId = randomUUID();
  private rooms = new Map<string, Promise<RoomHandle>>();
  private ready = new Map<string, RoomHandle>();
  private waiting = new Map<string, { w: string; resolve: (a: Ack | null) => void; timer: NodeJS.Timeout }>();
  /** When an owner last answered for a workshop: while it answers, forwarding skips the lock query. */
  private ownerSeen = new Map<string, number>();
  private localFanout;
  private poller: NodeJS.Timeout;

  constructor(
    private store: EventStore,
    private io: IO,
    private leases: WorkshopLeases,
    private logger: Logger,
    private bus: ClusterBus,
  ) {
    this.localFanout = createFanout(io);
    const listen = (msg: unknown) => this.onMessage(msg as Msg);
    void bus.subscribe(bus.channel.node(this.nodeId), listen);
    // A workshop's channel follows this node's sockets of it: the adapter's room of the workshop
    // exists here exactly while one of its sockets is here.
    const adapter = io.of('/').adapter;
    adapter.on('create-room', (room: string) => {
      const id = workshopOfRoom(room);
      if (id === null) return;
      void bus.subscribe(bus.channel.workshop(id), listen).then(() => {
        // what was published before the subscription took effect was not heard: read it
        const r = this.ready.get(id);
        if (r instanceof ReplicaRoom) void r.catchUp().catch(() => {});
        this.roster.onWanted(id);
      });
    });
    adapter.on('delete-room', (room: string) => {
      const id = workshopOfRoom(room);
      if (id === null) return;
      bus.unsubscribe(bus.channel.workshop(id));
      // no batch reaches this replica any more: it is read again from the log before it serves
      const r = this.ready.get(id);
      if (r instanceof ReplicaRoom) r.cold = true;
    });
    // commands for a workshop reach only the node holding its lease
    leases.onHeld = (id, held) => {
      if (held) void bus.subscribe(bus.channel.commands(id), listen);
      else bus.unsubscribe(bus.channel.commands(id));
    };
    leases.onLost = (ids) => {
      for (const id of ids) this.drop(id);
      // Tell the others now rather than let them find out: they would otherwise spend a forward
      // attempt (FORWARD_ATTEMPT_MS) on this node, which no longer answers for these workshops,
      // and take over only at their next poll. If Redis is gone too, those timeouts still apply.
      // On each workshop's own channel: the nodes with sockets of it (the ones that can take it
      // over, and that forward its commands) hear it, and no other node does.
      for (const id of ids) this.send(this.bus.channel.workshop(id), { t: 'released', from: this.nodeId, ws: [id] });
    };
    bus.onReconnect = () => {
      // batches and rosters published while Redis was away are lost: catch up from the log, and
      // tell the others who is here again
      for (const r of this.ready.values()) if (r instanceof ReplicaRoom) void r.catchUp().catch(() => {});
      this.roster.onWanted(null);
    };
    setOwnedWorkshopsSource(() => this.leases.count);
    this.poller = setInterval(() => void this.poll(), POLL_MS);
    this.poller.unref();
  }

  /** The cross-node roster: presence.ts publishes this node's online people per workshop through it. */
  readonly roster: RosterLink = {
    nodeId: this.nodeId,
    publish: (w, online) => this.bus.publish(this.bus.channel.workshop(w), { t: 'roster', w, node: this.nodeId, online } satisfies Msg),
    linkUp: () => this.bus.connected,
    onRemote: () => {},
    onWanted: () => {},
  };

  /** Committed batches go to this node's sockets now and, through Redis, to the nodes with sockets of the workshop. */
  private publishOwned = (w: string, pub: Publication) => {
    const written = this.localFanout(w, pub);
    this.bus.publish(this.bus.channel.workshop(w), { t: 'batch', w, envelopes: pub.envelopes } satisfies Msg);
    return written;
  };

  private send(channel: string, msg: Msg) {
    this.bus.publish(channel, msg);
  }

  private onMessage(msg: Msg) {
    switch (msg.t) {
      case 'batch': {
        const r = this.ready.get(msg.w);
        if (r instanceof ReplicaRoom) r.receive(msg.envelopes);
        return;
      }
      case 'roster':
        if (msg.node !== this.nodeId) this.roster.onRemote(msg.w, msg.node, msg.online);
        return;
      case 'cmd': {
        if (!this.leases.holds(msg.w)) return; // not ours (any more): the owner answers
        void this.get(msg.w)
          .then((room) => room.execute(msg.cmd, msg.actor, msg.opKey, msg.extra))
          .catch(() => unavailable('the workshop is moving to another server; please retry'))
          .then((ack) => this.send(this.bus.channel.node(msg.from), { t: 'ack', to: msg.from, req: msg.req, ack }));
        return;
      }
      case 'ack': {
        if (msg.to !== this.nodeId) return;
        const w = this.waiting.get(msg.req);
        if (!w) return;
        this.waiting.delete(msg.req);
        clearTimeout(w.timer);
        // `unavailable` is an owner that cannot decide now (its room broke, its store is cut off):
        // not a sign of a live owner, so the next attempt asks PostgreSQL who holds the lease
        if (msg.ack.ok || msg.ack.error.code !== 'unavailable') this.ownerSeen.set(w.w, Date.now());
        else this.ownerSeen.delete(w.w);
        w.resolve(msg.ack);
        return;
      }
      case 'released': {
        if (msg.from === this.nodeId) return;
        for (const id of msg.ws) {
          this.ownerSeen.delete(id);
          // forwarded commands waiting on the old owner try again now (the lease, or the new owner)
          for (const [req, w] of this.waiting)
            if (w.w === id) {
              this.waiting.delete(req);
              clearTimeout(w.timer);
              w.resolve(null);
            }
          void this.claim(id).catch((err) =>
            this.logger.warn({ err: (err as Error).message, workshopId: id }, 'takeover after a release failed'),
          );
        }
        return;
      }
      default:
        return ((m: never) => m)(msg);
    }
  }

  /**
   * A command for a workshop another node decides for: take the lease if it is free, else ask the
   * owner. An owner that does not answer within one attempt may have died: try again (the lease may
   * be free now, or another node may have taken it), until FORWARD_TIMEOUT_MS. Repeating is safe:
   * the op key makes a command that did get committed apply once.
   */
  private forward = async (
    w: string,
    cmd: Command | SystemCommand,
    actor: Actor,
    opKey: string | null,
    extra: ExecuteExtra,
  ): Promise<Ack> => {
    const deadline = Date.now() + FORWARD_TIMEOUT_MS;
    while (Date.now() < deadline) {
      // an owner that answered within the last POLL_MS is alive: no need to ask PostgreSQL
      if (Date.now() - (this.ownerSeen.get(w) ?? 0) > POLL_MS) {
        let mine = false;
        try {
          mine = await this.leases.tryAcquire(w);
        } catch {
          // this node cannot reach PostgreSQL (cut off, or the database is down): another node
          // may still decide for the workshop; ask it through Redis like any other command
        }
        if (mine) return (await this.takeOver(w)).execute(cmd, actor, opKey, extra);
      }
      const ack = await this.ask(w, cmd, actor, opKey, extra, Math.min(FORWARD_ATTEMPT_MS, deadline - Date.now()));
      if (!ack) {
        this.ownerSeen.delete(w);
        continue;
      }
      // the ack comes after the events: let this node's sockets get them first
      const r = this.ready.get(w);
      if (ack.ok && r instanceof ReplicaRoom) await r.reached(ack.seq, 2000);
      return ack;
    }
    return unavailable('the server deciding for this workshop did not answer; please retry');
  };

  /** One forwarded attempt: the owner's ack, or null when none came within `ms`. */
  private ask(
    w: string,
    cmd: Command | SystemCommand,
    actor: Actor,
    opKey: string | null,
    extra: ExecuteExtra,
    ms: number,
  ): Promise<Ack | null> {
    const req = randomUUID();
    return new Promise<Ack | null>((resolve) => {
      const timer = setTimeout(
        () => {
          this.waiting.delete(req);
          resolve(null);
        },
        Math.max(ms, 1),
      );
      this.waiting.set(req, { w, resolve, timer });
      this.send(this.bus.channel.commands(w), { t: 'cmd', from: this.nodeId, req, w, cmd, actor, opKey, extra });
    });
  }

  async get(id: string): Promise<RoomHandle> {
    const known = this.rooms.get(id);
    if (known) {
      const r = await known.catch(() => null);
      if (r instanceof ReplicaRoom && r.cold && !r.broken) {
        // it heard nothing while this node had no socket of the workshop
        await r.catchUp();
        r.cold = false;
      }
      if (r && !r.broken) return r;
      if (this.rooms.get(id) === known) this.rooms.delete(id);
    }
    if (this.rooms.has(id)) return this.get(id);
    const loading = this.load(id);
    this.rooms.set(id, loading);
    loading.then(
      (r) => {
        if (this.rooms.get(id) === loading) this.ready.set(id, r);
        else r.dispose(); // replaced while it loaded: it must not decide or publish
      },
      () => {
        if (this.rooms.get(id) === loading) this.rooms.delete(id);
      },
    );
    return loading;
  }

  /**
   * This node holds the lease now: make its room the owner's, unless that is already under way.
   * Concurrent callers (a forwarded command, the poll) share one load, so one room decides.
   */
  private takeOver(id: string): Promise<RoomHandle> {
    const current = this.rooms.get(id);
    if (current && this.ownerLoads.has(current)) return current;
    this.drop(id);
    const loading = this.get(id);
    this.ownerLoads.add(this.rooms.get(id)!);
    return loading;
  }

  /** Loads started by takeOver (or create): they end as the owner's room. */
  private ownerLoads = new WeakSet<Promise<RoomHandle>>();

  /**
   * An owner's room loads strictly from the log after its lease was taken, and appends fenced on
   * that lease session: if the lease moves on, its appends are refused (NOT_OWNER) and it breaks.
   */
  private async load(id: string): Promise<RoomHandle> {
    const before = this.ready.get(id);
    const owner = await this.leases.tryAcquire(id).catch(() => false);
    const pid = this.leases.fencePid();
    const room: RoomHandle = owner
      ? await WorkshopRoom.load(
          id,
          fenced(this.store, () => pid),
          this.publishOwned,
        )
      : await ReplicaRoom.load(id, this.store, this.localFanout, this.forward);
    if (room instanceof WorkshopRoom)
      room.onBreak = (why) => this.logger.warn({ workshopId: id, why }, 'workshop room broke on a failed append; reloading from the log');
    // sockets already here hold what the previous room published: send them what they missed
    if (before && before.committed.seq < room.committed.seq) {
      const missed = room.eventsSince(before.committed.seq) ?? (await this.store.readSince(id, before.committed.seq));
      const moved = new Set(missed.flatMap((env) => rescopedBy(env.e)));
      this.localFanout(id, {
        envelopes: missed,
        committed: room.committed,
        moved,
        everyone: missed.some((env) => changesEveryView(env.e)),
      });
    }
    before?.dispose();
    return room;
  }

  loaded(id: string): RoomHandle | undefined {
    const r = this.ready.get(id);
    return r && !r.broken ? r : undefined;
  }

  /**
   * Forgets a room so that the next get() loads it again (as owner or replica). The old one stays
   * readable for socket setup until then, but its round clock stops: only an owner arms one.
   */
  private drop(id: string) {
    this.rooms.delete(id);
    this.ready.get(id)?.dispose();
  }

  /** Replicas with sockets here: catch up with the log, and take over workshops nobody decides for. */
  private polling = false;

  private async poll() {
    if (this.polling) return; // a slow round (PostgreSQL hanging) must not stack up behind itself
    this.polling = true;
    try {
      await this.pollOnce();
    } finally {
      this.polling = false;
    }
  }

  private async pollOnce() {
    for (const [id, room] of this.ready) {
      if (room instanceof WorkshopRoom) {
        // a room being created has no lease yet until its first tryAcquire answers (slow on a
        // node whose lease connection is still opening): replacing it now would refuse the creation
        if (this.creating.has(id)) continue;
        // an owner's room that broke (or whose lease is gone) reloads now, not at the next
        // command: the round clock must keep running
        if (room.broken || !this.leases.holds(id)) {
          this.drop(id);
          await this.get(id).catch((err) =>
            this.logger.warn({ err: (err as Error).message, workshopId: id }, 'cluster poll: reload failed'),
          );
        }
        continue;
      }
      if (!(room instanceof ReplicaRoom)) continue;
      try {
        // batches flowing means a lost one shows as a gap in the next; only a quiet replica
        // can be behind without knowing it
        if (!(await this.claim(id)) && !room.heardWithin(POLL_MS)) await room.catchUp();
      } catch (err) {
        this.logger.warn({ err: (err as Error).message, workshopId: id }, 'cluster poll failed');
      }
    }
  }

  /** Workshops created here whose lease is still being taken. */
  private creating = new Set<string>();
  /**
   * Takes over a workshop this node keeps a replica of, if it has sockets of it and nobody holds
   * its lease (the poll, and at once when its owner says it lost it). True if this node took it.
   */
  private async claim(id: string): Promise<boolean> {
    if (!(this.ready.get(id) instanceof ReplicaRoom)) return false;
    const current = this.rooms.get(id);
    if (current && this.ownerLoads.has(current)) return true; // taking over already (the poll and a release message)
    const sockets = this.io.sockets.adapter.rooms.get(roomNames.workshop(id));
    if (!sockets || sockets.size === 0) return false;
    if (!(await this.leases.tryAcquire(id))) return false;
    this.logger.info({ workshopId: id }, 'took over a workshop whose owner is gone');
    await this.takeOver(id);
    return true;
  }

  create(id: string): RoomHandle {
    // a brand-new id: no other node can hold its lease; take it in the background. Until that
    // answers, its appends are not fenced (nobody else knows the id yet); then they are fenced on
    // the lease session, or refused if the lease could not be taken (the room then reloads).
    let acquiring = true;
    this.creating.add(id);
    void this.leases
      .tryAcquire(id)
      .catch(() => {})
      .finally(() => {
        acquiring = false;
        this.creating.delete(id);
      });
    const room = new WorkshopRoom(
      id,
      fenced(this.store, () => (acquiring ? undefined : this.leases.holds(id) ? this.leases.fencePid() : null)),
      this.publishOwned,
      emptyState(),
      [],
    );
    const loading = Promise.resolve<RoomHandle>(room);
    this.ownerLoads.add(loading);
    this.rooms.set(id, loading);
    this.ready.set(id, room);
    return room;
  }

  forget(id: string) {
    this.ready.get(id)?.dispose();
    this.ready.delete(id);
    this.rooms.delete(id);
    void this.leases.release(id);
  }

  /** How many workshops this node decides for now (the owned-workshops metric). */
  get owned(): number {
    return this.leases.count;
  }

  dispose() {
    clearInterval(this.poller);
    for (const r of this.ready.values()) r.dispose();
    for (const w of this.waiting.values()) clearTimeout(w.timer);
  }
}

/** The workshop id of a workshop's room name (`w:<id>`), null for its table, facilitator and person rooms. */
function workshopOfRoom(room: string): string | null {
  return room.startsWith('w:') && !room.includes(':', 2) ? room.slice(2) : null;
}

/** The store as an owner's room sees it: every append carries the lease session it is fenced on. */
function fenced(store: EventStore, pid: () => number | null | undefined): EventStore {
  return new Proxy(store, {
    get(target, key) {
      if (key === 'append') return (batch: AppendBatch) => target.append({ ...batch, fence: pid() });
      const v = Reflect.get(target, key, target) as unknown;
      return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
    },
  });
}
