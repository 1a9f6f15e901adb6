// The workshop a World Café load benchmark drives: T tables, D delegates who join through the
// public endpoint as people do, and F facilitators (the creator plus F-1 promoted by it).
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@world-cafe/shared';
import { pool, untilAccepted, withTimeout } from './notes-stats.ts';
import type { BotSpec } from './notes-wire.ts';
import { now, post } from './processes.ts';

export interface WorkshopShape {
  delegates: number;
  facilitators: number;
  tables: number;
  /** Seats per table. */
  capacity: number;
  tableOf: (delegate: number) => number;
}

export interface PreparedWorkshop {
  workshopId: string;
  /** Delegates 0..D-1, then the creator (index D), then the other facilitators. */
  bots: BotSpec[];
  /** Creating, joining and promoting, ms. */
  prepareMs: number;
}

/** Joins in flight at once (more only adds contention on a small machine: the server is CPU-bound). */
const JOIN_CONCURRENCY = 64;

/** Creates the workshop on `url` and signs everyone up (HTTP joins, role changes); nobody is connected yet. */
export async function prepareWorkshop(url: string, shape: WorkshopShape, title = 'Notes bench'): Promise<PreparedWorkshop> {
  const t0 = now();
  const tables = Array.from({ length: shape.tables }, (_, t) => ({
    id: `t${t}`,
    name: `Table ${t + 1}`,
    themeId: null,
    question: 'What should we do next?',
    capacity: shape.capacity,
  }));
  const ws = await post<{ workshopId: string; joinCode: string; participantId: string; facilitatorKey: string }>(`${url}/api/workshops`, {
    title,
    facilitatorName: 'Chair',
    tables,
  });
  const sockets = shape.delegates + shape.facilitators;
  // everyone but the creator joins through the public endpoint, as people do: many at once (a
  // plenary scanning the QR code), so the group commit batches them as it would in the room
  const joined = await pool(
    Array.from({ length: sockets - 1 }, (_, i) => i),
    JOIN_CONCURRENCY,
    (i) => post<{ participantId: string; token: string }>(`${url}/api/join`, { code: ws.joinCode, name: `Bot ${i}`, delegationId: null }),
  );
  const people = [
    ...joined.slice(0, shape.delegates),
    { participantId: ws.participantId, token: ws.facilitatorKey },
    ...joined.slice(shape.delegates),
  ];
  await promote(
    url,
    ws.facilitatorKey,
    people.slice(shape.delegates + 1).map((p) => p.participantId),
  );
  const bots: BotSpec[] = people.map((p, i) => ({
    index: i,
    role: i < shape.delegates ? 'delegate' : 'facilitator',
    table: i < shape.delegates ? shape.tableOf(i) : null,
    participantId: p.participantId,
    token: p.token,
  }));
  return { workshopId: ws.workshopId, bots, prepareMs: now() - t0 };
}

/** The creator makes the other facilitators (a workshop may have several), then leaves. */
async function promote(url: string, creatorKey: string, ids: string[]) {
  if (ids.length === 0) return;
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    auth: { token: creatorKey },
  });
  try {
    await withTimeout(
      new Promise<void>((resolve, reject) => (socket.once('sync', () => resolve()), socket.once('connect_error', reject))),
      30_000,
      'creator sync',
    );
    // all at once (each acked after its commit): one after another, the commits' latency would add up
    await Promise.all(ids.map((participantId, i) => setRole(participantId, i)));
  } finally {
    socket.close();
  }

  function setRole(participantId: string, i: number) {
    return untilAccepted(
      () =>
        withTimeout(
          socket.emitWithAck('command', {
            type: 'participant:set-role',
            clientOpId: `role-${i}-bench`,
            participantId,
            role: 'facilitator',
          }),
          30_000,
          'set-role',
        ),
      `could not promote ${participantId}`,
      undefined,
      { min: 100, spread: 200 },
    );
  }
}
