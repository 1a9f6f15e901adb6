// Each person's devices, for the facilitator's people list (issue 17, item 5): which browsers
// opened the workshop with the person's current link, when each was last seen, and whether one is
// connected now.
//
// Sightings are gathered in memory on each node (the socket's connect, its commands at most once a
// minute, its disconnect) and written to the database every few seconds, at most 200 per commit, so
// every node lists every node's devices; "connected now" is asked of every node's live sockets at the
// moment of the request (Socket.IO's fetchSockets, which goes through the Redis adapter in cluster
// mode). A device is the random id the browser keeps and sends at the handshake; an older client
// that sends none counts as one device per User-Agent.
import { createHash } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Logger } from 'pino';
import { DEVICES_KEPT, type PeopleDevices, deviceInfo } from '@world-cafe/shared';
import type { AccountStore, DeviceSighting } from './accountStore';
import { type AppSocket, type IO, type SocketData, rooms as socketRooms } from '../realtime/fanout';
import { type ReissueDeps, facilitatorIn } from './reissue';

/** How often sightings are written (ms): the list is at most this late about another node's devices. */
export const DEVICE_FLUSH_MS = 5_000;
/** A connected socket's activity moves its last-seen time at most this often (ms). */
const ACTIVE_EVERY_MS = 60_000;
/**
 * Sightings written per commit. On SQLite a commit runs on the main thread (better-sqlite3 is
 * synchronous): the ~1,000 sightings of a plenary that connected together, or left together, took
 * 16–65 ms in one commit, a stall every delegate's notes waited behind (bench:notes), mostly
 * preparing the statement again for every row (now prepared once: sql.ts). Their activity, a minute
 * after connecting, comes due in the same second too. 200 rows take 1–3 ms, and the next commit
 * waits for the next turn of the event loop, so publications go on between them.
 */
export const DEVICE_ROWS_PER_COMMIT = 200;

/** The device's id in lists: not the id the browser sends (which would let a facilitator impersonate its device). */
export const publicDeviceId = (tokenHash: string, deviceId: string) =>
  createHash('sha256').update(`${tokenHash}:${deviceId}`).digest('base64url').slice(0, 16);

export class DeviceTracker {
  private pending = new Map<string, DeviceSighting>();
  /** What this node knows of its own sockets; the token hash never goes into socket.data (which travels between nodes). */
  private sockets = new WeakMap<AppSocket, { tokenHash: string; deviceId: string; userAgent: string; lastAt: number }>();
  private timer: NodeJS.Timeout;

  constructor(
    private store: AccountStore,
    private logger: Logger,
    flushMs = DEVICE_FLUSH_MS,
  ) {
    this.timer = setInterval(() => void this.flush(), flushMs);
    this.timer.unref();
  }

  /** At the handshake: which link and which browser this socket is. */
  identify(socket: AppSocket, tokenHash: string, deviceId: string | undefined, userAgent: string) {
    const ua = userAgent.slice(0, 300);
    const id = deviceId ?? `ua-${createHash('sha256').update(ua).digest('base64url').slice(0, 16)}`;
    this.sockets.set(socket, { tokenHash, deviceId: id, userAgent: ua, lastAt: 0 });
    socket.data.device = publicDeviceId(tokenHash, id);
  }

  /** The socket was seen now (connect, disconnect, or activity: throttled to once a minute). */
  seen(socket: AppSocket, force = false) {
    const s = this.sockets.get(socket);
    if (!s) return;
    const now = Date.now();
    if (!force && now - s.lastAt < ACTIVE_EVERY_MS) return;
    s.lastAt = now;
    const key = `${s.tokenHash}:${s.deviceId}`;
    const before = this.pending.get(key);
    this.pending.set(key, {
      tokenHash: s.tokenHash,
      deviceId: s.deviceId,
      workshopId: socket.data.workshopId,
      participantId: socket.data.participantId,
      userAgent: s.userAgent,
      firstSeenAt: before?.firstSeenAt ?? now,
      lastSeenAt: now,
    });
  }

  /** The flush under way: one at a time, and whoever asks meanwhile waits for it. */
  private flushing: Promise<void> | null = null;

  /**
   * Writes every pending sighting, DEVICE_ROWS_PER_COMMIT per commit with a turn of the event loop
   * between commits; resolves when none is pending (sightings that come meanwhile are written too)
   * or when a commit failed (what it held waits for the next flush).
   */
  flush(): Promise<void> {
    this.flushing ??= this.writePending().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async writePending(): Promise<void> {
    while (this.pending.size > 0) {
      const batch: DeviceSighting[] = [];
      for (const [key, d] of this.pending) {
        this.pending.delete(key);
        if (batch.push(d) === DEVICE_ROWS_PER_COMMIT) break;
      }
      try {
        await this.store.recordDevices(batch);
      } catch (err) {
        // kept for the next flush unless a newer sighting of the same device came meanwhile
        for (const d of batch) {
          const key = `${d.tokenHash}:${d.deviceId}`;
          if (!this.pending.has(key)) this.pending.set(key, d);
        }
        this.logger.warn({ err: (err as Error).message, devices: batch.length }, 'device sightings not written; retrying');
        return;
      }
      if (this.pending.size > 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Every person's devices in the workshop, with "connected now" from every node. */
  async list(io: IO, workshopId: string): Promise<PeopleDevices> {
    await this.flush();
    const [rows, live] = await Promise.all([
      this.store.listDevices(workshopId, DEVICES_KEPT),
      io.in(socketRooms.workshop(workshopId)).fetchSockets(),
    ]);
    const connected = new Set(live.map((s) => (s.data as SocketData).device).filter(Boolean));
    const byPerson = new Map<string, PeopleDevices['people'][number]['devices']>();
    for (const r of rows) {
      const id = publicDeviceId(r.tokenHash, r.deviceId);
      const list = byPerson.get(r.participantId) ?? [];
      byPerson.set(r.participantId, list);
      list.push({ id, ...deviceInfo(r.userAgent), firstSeenAt: r.firstSeenAt, lastSeenAt: r.lastSeenAt, connected: connected.has(id) });
    }
    return { people: [...byPerson].map(([participantId, devices]) => ({ participantId, devices })) };
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}

/** GET /api/workshops/:id/devices: facilitators only (the facilitator key as a Bearer token, or a signed-in role). */
export function devicesRoute(d: ReissueDeps & { devices: DeviceTracker }) {
  return async (req: Request, res: Response) => {
    const workshopId = String(req.params.id ?? '');
    const room = await facilitatorIn(req, res, d, workshopId);
    if (!room) return;
    res.setHeader('Cache-Control', 'no-store');
    res.json(await d.devices.list(d.io, workshopId));
  };
}
