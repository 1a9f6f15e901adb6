// A chaos client: one person (their personal link = token) that stays online through node kills by
// reconnecting to any node with `since` = the last seq it applied, and keeps a full log: every
// command sent, every ack, every frame received (per connection). The checker reads only the log.
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, CommandInput, Envelope, ServerToClientEvents, SyncMessage } from '@world-cafe/shared';

export type Frame =
  | { at: number; conn: number; kind: 'snapshot' | 'table'; seq: number; from: number }
  | { at: number; conn: number; kind: 'events' | 'catchup'; seqs: number[]; envelopes: Envelope[] };

export interface SentCommand {
  opKey: string;
  clientOpId: string;
  type: string;
  attempts: Array<{ at: number; node: number; ack: Ack | 'timeout'; ackAt: number }>;
}

export interface ConnLog {
  conn: number;
  node: number;
  since: number;
  openedAt: number;
  closedAt: number | null;
  error?: string;
}

export class ChaosClient {
  frames: Frame[] = [];
  commands: SentCommand[] = [];
  conns: ConnLog[] = [];
  /** The seq this client's state is at (what it resumes from). */
  seq = 0;
  synced = false;
  private socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  private connCount = 0;
  private closed = false;
  private node = 0;

  constructor(
    readonly name: string,
    readonly participantId: string,
    readonly token: string,
    private urls: () => Array<string | null>,
    firstNode: number,
    private random: () => number,
  ) {
    this.node = firstNode;
  }

  /** Connects (and keeps reconnecting, to another node when its node is gone) until closed. */
  start() {
    this.open();
  }

  private open() {
    if (this.closed) return;
    const urls = this.urls();
    let node = this.node;
    if (!urls[node]) {
      const live = urls.flatMap((u, i) => (u ? [i] : []));
      if (live.length === 0) return void setTimeout(() => this.open(), 300);
      node = live[Math.floor(this.random() * live.length)]!;
    }
    this.node = node;
    const conn = ++this.connCount;
    const since = this.seq;
    const log: ConnLog = { conn, node, since, openedAt: Date.now(), closedAt: null };
    this.conns.push(log);
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(urls[node]!, {
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
      timeout: 4000,
      auth: { token: this.token, since },
    });
    this.socket = socket;
    this.synced = false;
    socket.on('sync', (msg: SyncMessage) => {
      const at = Date.now();
      if (msg.kind === 'snapshot' || msg.kind === 'table') {
        const seq = msg.kind === 'snapshot' ? msg.state.seq : msg.slice.seq;
        this.frames.push({ at, conn, kind: msg.kind, seq, from: this.seq });
        this.seq = seq;
      } else {
        this.frames.push({ at, conn, kind: 'catchup', seqs: msg.events.map((e) => e.seq), envelopes: msg.events });
        const last = msg.events.at(-1)?.seq;
        if (last !== undefined) this.seq = Math.max(this.seq, last);
      }
      this.synced = true;
    });
    socket.on('events', (events: Envelope[]) => {
      this.frames.push({ at: Date.now(), conn, kind: 'events', seqs: events.map((e) => e.seq), envelopes: events });
      const last = events.at(-1)?.seq;
      if (last !== undefined) this.seq = Math.max(this.seq, last);
    });
    const again = (why: string) => {
      if (log.closedAt !== null) return;
      log.closedAt = Date.now();
      log.error = why;
      socket.removeAllListeners();
      socket.close();
      if (this.socket === socket) this.socket = null;
      this.synced = false;
      // a personal link opened again: another node half of the time, as a phone's retry would
      if (this.random() < 0.5) this.node = Math.floor(this.random() * this.urls().length);
      setTimeout(() => this.open(), 100 + Math.floor(this.random() * 300));
    };
    socket.on('disconnect', (reason) => again(`disconnect: ${reason}`));
    socket.on('connect_error', (err) => again(`connect_error: ${err.message}`));
  }

  /** Node this client is on (for spreading). */
  get nodeIndex() {
    return this.node;
  }

  /**
   * Sends a command until it is acknowledged (same clientOpId every time, as the app does), on
   * whatever connection is up; gives up at `deadline` (epoch ms). Returns the final ack or null.
   */
  async sendSurely(cmd: CommandInput, deadline: number): Promise<Ack | null> {
    const rec: SentCommand = { opKey: `${this.participantId}:${cmd.clientOpId}`, clientOpId: cmd.clientOpId, type: cmd.type, attempts: [] };
    this.commands.push(rec);
    while (Date.now() < deadline && !this.closed) {
      const s = this.socket;
      if (!s || !s.connected || !this.synced) {
        await sleep(50);
        continue;
      }
      const at = Date.now();
      const node = this.node;
      const ack = await s
        .timeout(5000)
        .emitWithAck('command', cmd)
        .catch(() => 'timeout' as const);
      rec.attempts.push({ at, node, ack, ackAt: Date.now() });
      if (ack !== 'timeout' && ack.ok) return ack;
      if (ack !== 'timeout' && !['unavailable', 'overloaded', 'rate_limited'].includes(ack.error.code)) return ack;
      await sleep(100 + Math.floor(this.random() * 200));
    }
    return null;
  }

  close() {
    this.closed = true;
    const s = this.socket;
    const log = this.conns.at(-1);
    if (log && log.closedAt === null) log.closedAt = Date.now();
    s?.removeAllListeners();
    s?.close();
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
