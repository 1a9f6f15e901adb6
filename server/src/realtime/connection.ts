// The socket edge: handshake (origin, token), catch-up on connect, and one thin command
// pipeline: size cap -> rate limit -> zod parse -> room.execute (decide + append) -> ack.
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import {
  type Ack,
  type ErrorCode,
  LIMITS,
  changesViewOf,
  commandSchema,
  handshakeSchema,
  visibleTo,
} from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';
import type { RoomRegistry } from './workshopRoom';
import { type AppSocket, type IO, joinScopes, rooms as roomNames, snapshotFor } from './fanout';
import { hashToken } from '../auth';
import { createPresence } from './presence';

export interface RealtimeOptions {
  store: EventStore;
  rooms: RoomRegistry;
  logger: Logger;
  /** Commands per second a socket may send (sustained) and its burst. */
  rateLimit?: { perSecond: number; burst: number };
}

const fail = (code: ErrorCode, message: string): Ack => ({ ok: false, error: { code, message } });

export function attachRealtime(io: IO, { store, rooms, logger, rateLimit }: RealtimeOptions) {
  const limits = rateLimit ?? { perSecond: 20, burst: 40 };
  // A fixed window per socket: `burst` commands per `burst / perSecond` seconds.
  const limiter = new RateLimiterMemory({ points: limits.burst, duration: limits.burst / limits.perSecond });

  const presence = createPresence(io, rooms);

  io.use(async (socket, next) => {
    const parsed = handshakeSchema.safeParse(socket.handshake.auth);
    if (!parsed.success) return next(new Error('unauthorized'));
    try {
      const cred = await store.findCredential(hashToken(parsed.data.token));
      if (!cred || cred.kind === 'invite') return next(new Error('unauthorized'));
      const room = await rooms.get(cred.workshopId);
      if (!room.committed.participants[cred.participantId]) return next(new Error('unauthorized'));
      socket.data = { workshopId: cred.workshopId, participantId: cred.participantId, since: parsed.data.since ?? 0 };
      next();
    } catch (err) {
      logger.error({ err }, 'handshake failed');
      next(new Error('internal'));
    }
  });

  io.on('connection', (raw) => {
    const socket = raw as AppSocket;
    const { workshopId, participantId, since } = socket.data;
    const room = rooms.loaded(workshopId);
    if (!room) {
      socket.disconnect(true);
      return;
    }
    // Catch-up and room joins happen in one synchronous step, so no live event slips between them.
    const state = room.committed;
    joinScopes(socket, state);
    const missed = since > 0 ? room.eventsSince(since) : null;
    if (missed && !missed.some((env) => changesViewOf(env.e, participantId))) {
      const { me } = snapshotFor(state, workshopId, participantId);
      const events = missed.filter((env) => visibleTo(env, state, participantId));
      socket.emit('sync', { kind: 'events', events, me });
    } else {
      socket.emit('sync', snapshotFor(state, workshopId, participantId));
    }
    logger.debug({ workshopId, participantId, since, head: state.seq }, 'socket connected');

    socket.on('time', (ack: unknown) => {
      if (typeof ack === 'function') (ack as (now: number) => void)(Date.now());
    });

    presence.attach(socket);

    socket.on('command', async (input: unknown, ack: unknown) => {
      const reply = typeof ack === 'function' ? (ack as (a: Ack) => void) : () => {};
      const res = await handleCommand(input);
      reply(res);
    });

    async function handleCommand(input: unknown): Promise<Ack> {
      try {
        if (Buffer.byteLength(JSON.stringify(input ?? null)) > LIMITS.messageBytes)
          return fail('too_large', `a command may be at most ${LIMITS.messageBytes} bytes`);
        try {
          await limiter.consume(participantId); // per person, so extra sockets do not multiply the allowance
        } catch {
          return fail('rate_limited', 'too many changes at once; slow down and retry');
        }
        const parsed = commandSchema.safeParse(input);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const where = issue?.path.join('.') || 'command';
          return fail('invalid_payload', `${where}: ${issue?.message ?? 'invalid'}`);
        }
        const cmd = parsed.data;
        const current = await rooms.get(workshopId);
        const res = await current.execute(cmd, { kind: 'participant', participantId }, `${participantId}:${cmd.clientOpId}`);
        if (!res.ok) logger.info({ workshopId, participantId, type: cmd.type, code: res.error.code }, 'command rejected');
        return res;
      } catch (err) {
        logger.error({ err, workshopId }, 'command failed');
        return fail('internal', 'unexpected server error');
      }
    }
  });
}
