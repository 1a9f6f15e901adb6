// The socket edge: handshake (origin, token), catch-up on connect, and one thin command
// pipeline: size cap -> rate limit -> zod parse -> room.execute (decide + append) -> ack.
import type { Logger } from 'pino';
import {
  type Ack,
  type ErrorCode,
  LIMITS,
  type Envelope,
  type WorkshopState,
  changesViewOf,
  commandSchema,
  handshakeSchema,
  viewFor,
  visibleToViewer,
} from '@world-cafe/shared';
import { type EventStore, isUnreachable } from '../store/eventStore';
import type { RoomHandle, Rooms } from './workshopRoom';
import { type AppSocket, type IO, joinScopes, rooms as socketRooms } from './fanout';
import { meOf } from './me';
import { emitSnapshot } from './snapshotWire';
import { corkUntilNextTurn } from './engineFrames';
import { type LinkExpiry, NEVER_EXPIRES } from '../linkExpiry';
import { SATURATED_RETRY_MS, createLoadGate, overloaded } from './admission';
import { hashToken } from '../auth';
import type { RejectionLog } from '../rejections';
import { metrics } from '../metrics';
import type { Drain } from './drain';
import { createPresence } from './presence';
import { WindowLimiter } from './windowLimiter';

export interface RealtimeOptions {
  store: EventStore;
  rooms: Rooms;
  logger: Logger;
  /** Commands per second a socket may send (sustained) and its burst. */
  rateLimit?: { perSecond: number; burst: number };
  /** Counts and samples refused commands and handshakes. */
  rejections: RejectionLog;
  /** In-flight commands, for graceful shutdown. */
  drain: Drain;
  /** Personal links that expired after their workshop closed (LINK_TTL_DAYS_AFTER_CLOSE); default: none do. */
  linkExpiry?: LinkExpiry;
  /** Each person's devices for the facilitator (accounts/devices.ts); absent = not tracked. */
  devices?: DeviceSightings;
}

/** What the connection tells the device list: which link and browser a socket is, and when it was seen. */
export interface DeviceSightings {
  identify(socket: AppSocket, tokenHash: string, deviceId: string | undefined, userAgent: string): void;
  seen(socket: AppSocket, force?: boolean): void;
}

/** How long a resume from a seq this node's view has not reached yet waits for it. */
export const RESUME_WAIT_MS = 3000;

/** Gaps longer than this are answered with a snapshot without reading the log. */
export const CATCHUP_MAX_EVENTS = 100_000;

/** Roughly how many records a snapshot of this view holds (what a catch-up must beat). */
function recordsIn(v: WorkshopState): number {
  return (
    Object.keys(v.notes).length +
    Object.keys(v.participants).length +
    Object.keys(v.goals).length * 4 +
    Object.keys(v.harvest.clusters).length +
    Object.keys(v.tables).length +
    100
  );
}

const fail = (code: ErrorCode, message: string): Ack => ({ ok: false, error: { code, message } });

export function attachRealtime(io: IO, options: RealtimeOptions) {
  const { store, rooms, logger, rateLimit, rejections, drain, devices } = options;
  const linkExpiry = options.linkExpiry ?? NEVER_EXPIRES;
  const limits = rateLimit ?? { perSecond: 20, burst: 40 };
  // A fixed window per person: `burst` commands per `burst / perSecond` seconds.
  const limiter = new WindowLimiter(limits.burst, (limits.burst / limits.perSecond) * 1000);

  const presence = createPresence(io, rooms);
  const gate = createLoadGate();

  /**
   * Catch-up, then live. A socket joins the workshop's rooms (and so starts receiving live frames)
   * in the same synchronous step that sends its catch-up, so nothing slips between the two. A gap
   * older than the in-memory window is read from the log first (asynchronously, before joining).
   */
  async function catchUp(socket: AppSocket, given: RoomHandle) {
    const { workshopId, participantId, since } = socket.data;
    let room = given;
    // The client holds more than this node's view (it came from a node further ahead, e.g. the
    // owner that just died): wait until this node has caught up with the log, never answer with
    // an older state than the client has. If it cannot, the client reconnects and tries again.
    for (const until = performance.now() + RESUME_WAIT_MS; room.committed.seq < since;) {
      if (performance.now() > until || !socket.connected) return void socket.disconnect(true);
      await (room.reached ? room.reached(since, 250) : new Promise((r) => setTimeout(r, 50)));
      const now = rooms.loaded(workshopId);
      if (!now) return void socket.disconnect(true);
      room = now;
    }
    const head = room.committed.seq;
    const inWindow = since > 0 ? room.eventsSince(since) : null;
    let fromLog: Envelope[] | null = null;
    if (inWindow === null && since > 0 && since < head && head - since <= CATCHUP_MAX_EVENTS) {
      fromLog = await store.readSince(workshopId, since);
      if (!socket.connected) return;
    }
    // after the read the room may have been replaced (reloaded, or taken over in cluster mode)
    const current = fromLog ? rooms.loaded(workshopId) : room;
    if (!current) return void socket.disconnect(true);
    const state = current.committed;
    if (state.seq < since) return void socket.disconnect(true);
    let missed = inWindow;
    if (fromLog) {
      const upTo = fromLog.filter((env) => env.seq <= state.seq);
      const rest = current.eventsSince(upTo.at(-1)?.seq ?? since);
      missed = rest === null ? null : upTo.concat(rest);
    }
    joinScopes(socket, state);
    socket.data.delivered = state.seq;
    const me = meOf(state, workshopId, participantId);
    if (missed && !missed.some((env) => changesViewOf(env.e, participantId))) {
      const viewer = socket.data.viewer!;
      const events = missed.filter((env) => visibleToViewer(env, viewer));
      if (!fromLog) return void socket.emit('sync', { kind: 'events', events, me });
      // a log catch-up is worth it only while it is smaller than the snapshot it replaces
      const view = viewFor(state, participantId);
      if (events.length <= recordsIn(view)) return void socket.emit('sync', { kind: 'events', events, me });
      return void socket.emit('sync', { kind: 'snapshot', state: view, me });
    }
    emitSnapshot(socket, state, workshopId, participantId);
  }

  // The handshake catches its own failures and answers through `next`, so its promise is not awaited.
  io.use((socket, next) => void authenticate(socket, next));
  async function authenticate(socket: Parameters<Parameters<typeof io.use>[0]>[0], next: (err?: Error) => void) {
    const refuse = (reason: string) => {
      rejections.record('handshake', 'unauthorized', { reason, address: socket.handshake.address });
      next(new Error('unauthorized'));
    };
    if (drain.stopping) return next(new Error('restarting'));
    const parsed = handshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return refuse('malformed');
    try {
      const keyHash = hashToken(parsed.data.token);
      const cred = await store.findCredential(keyHash);
      if (!cred || cred.kind === 'invite') return refuse('unknown token');
      const room = await rooms.get(cred.workshopId);
      if (!room.committed.participants[cred.participantId]) return refuse('unknown participant');
      // an expired personal link gets its own reason, so the page can say why (not "unknown key")
      if ((await linkExpiry.check(cred)).expired) {
        rejections.record('handshake', 'unauthorized', { reason: 'link expired', address: socket.handshake.address });
        return next(new Error('link_expired'));
      }
      socket.data = { workshopId: cred.workshopId, participantId: cred.participantId, since: parsed.data.since ?? 0, keyHash };
      devices?.identify(socket as AppSocket, keyHash, parsed.data.device, String(socket.handshake.headers['user-agent'] ?? ''));
      corkUntilNextTurn(socket);
      next();
    } catch (err) {
      // the token or the workshop could not be read (the store unreachable from this node, the
      // workshop moving): the client retries, here or on another node
      logger.warn({ err: (err as Error).message }, 'handshake failed: store unavailable');
      next(new Error('unavailable'));
    }
  }

  io.on('connection', (raw) => {
    const socket = raw as AppSocket;
    // The upgrade request stays referenced by the engine's socket for the connection's lifetime
    // (for session middleware, which this server has none of); its handshake (address, auth) is
    // already read. Dropping it frees several KB per connected person (Socket.IO's memory guide).
    (socket.conn as unknown as { request: unknown }).request = null;
    const { workshopId, participantId, since } = socket.data;
    const room = rooms.loaded(workshopId);
    if (!room) {
      socket.disconnect(true);
      return;
    }
    if (socket.data.keyHash) void socket.join(socketRooms.key(socket.data.keyHash));
    // presence is attached below, in this same step: the roster greets the socket after its sync
    void catchUp(socket, room).then(
      () => presence.greet(socket),
      (err: unknown) => {
        logger.error({ err, workshopId }, 'catch-up failed');
        socket.disconnect(true);
      },
    );
    logger.debug({ workshopId, participantId, since, head: room.committed.seq }, 'socket connected');
    const role = room.committed.participants[participantId]?.role ?? 'unknown';
    metrics.sockets.inc(role);
    devices?.seen(socket, true);
    socket.on('disconnect', () => {
      metrics.sockets.dec(role);
      devices?.seen(socket, true);
    });

    socket.on('time', (ack: unknown) => {
      if (typeof ack === 'function') (ack as (now: number) => void)(Date.now());
    });

    presence.attach(socket);

    socket.on('command', async (input: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {};
      devices?.seen(socket);
      if (drain.stopping) return; // no ack: the client resends it to the next server (see drain.ts)
      const started = performance.now();
      let answered = false;
      const answer = (res: Ack) => {
        if (answered) return;
        answered = true;
        rejections.command(input, res, started, { workshopId, participantId });
        reply(res);
      };
      answer(await drain.track(handleCommand(input, answer)));
    });

    /** `answer` gets a published command's ack early, in the publication's step (RoomHandle.execute). */
    async function handleCommand(input: unknown, answer: (ack: Ack) => void): Promise<Ack> {
      try {
        // refused before any parsing: under overload the refusal itself must be cheap
        if (gate.overloaded) return overloaded(gate.closedForMs);
        if (rooms.loaded(workshopId)?.saturated) return overloaded(SATURATED_RETRY_MS);
        if (Buffer.byteLength(JSON.stringify(input ?? null)) > LIMITS.messageBytes)
          return fail('too_large', `a command may be at most ${LIMITS.messageBytes} bytes`);
        // per person, so extra sockets do not multiply the allowance
        if (!limiter.consume(participantId)) return fail('rate_limited', 'too many changes at once; slow down and retry');
        const parsed = commandSchema.safeParse(input);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.join('.') || 'command';
          return fail('invalid_payload', `${where}: ${issue?.message ?? 'invalid'}`);
        }
        const cmd = parsed.data;
        let current: RoomHandle;
        try {
          current = await rooms.get(workshopId);
        } catch (err) {
          // loading the workshop reads the store (and, in a cluster, takes the lease): any failure
          // there is a service problem, not a bug in this command; the client resends it
          logger.warn({ err: (err as Error).message, workshopId }, 'workshop could not be loaded for a command');
          return fail('unavailable', 'the workshop could not be loaded right now; please retry');
        }
        const res = await current.execute(cmd, { kind: 'participant', participantId }, `${participantId}:${cmd.clientOpId}`, {}, answer);
        if (!res.ok) logger.info({ workshopId, participantId, type: cmd.type, code: res.error.code }, 'command rejected');
        return res;
      } catch (err) {
        if (isUnreachable(err)) return fail('unavailable', 'the database is unreachable; please retry');
        logger.error({ err, workshopId }, 'command failed');
        return fail('internal', 'unexpected server error');
      }
    }
  });
}
