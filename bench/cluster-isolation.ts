// bench:cluster's isolation block (issue 15 item 4): N nodes, W workshops, each served from one
// node only (created there, so that node decides for it, and every socket of it connected there).
// Every node reaches Redis through its own counting proxy (tests/helpers/redisMeter.ts), which
// attributes each pub/sub message the node receives to its channel, and so to a workshop. The
// figure that matters is what a node receives of workshops it does not serve (target 0); its own
// workshops' traffic is the reference it is compared with, and the sum over all workshops is what
// each node would receive if every node heard every workshop (one channel for the cluster, as
// before issue 15).
import { io as ioClient, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@world-cafe/shared';
import { RedisMeter } from '../tests/helpers/redisMeter.ts';
import { type Summary, pool, summarize, withTimeout } from './notes-stats.ts';
import { now, sleep } from './processes.ts';
import { prepareWorkshop } from './workshop-setup.ts';
import { f, printTable, ratio } from './report.ts';

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface IsolationDeps {
  /** Starts one node with these settings; resolves to its url and a stop function. */
  startNode(env: Record<string, string>): Promise<{ url: string; stop(): Promise<void> }>;
  /** A fresh database URL and a function dropping it. */
  database(): Promise<{ url: string; drop(): Promise<void> }>;
  redisUrl: string;
}

export interface IsolationOptions {
  nodes: number;
  workshops: number;
  /** Delegates per workshop (one table); the facilitator is one more socket. */
  delegates: number;
  rate: number;
  seconds: number;
}

export interface IsolationResult {
  opts: IsolationOptions;
  perNode: Array<{ own: number; foreign: number; shared: number; total: number; ownWorkshops: number }>;
  /** Every workshop channel's bytes, received by any node: what one shared channel would give each node. */
  allWorkshops: number;
  fanout: Summary;
  notes: number;
  /** Deliveries owed and never made (an overloaded refusal is retried, so none should be). */
  missing: number;
  /** Notes refused with anything but `overloaded`. */
  rejected: number;
}

function connectBot(url: string, token: string): Promise<Client> {
  const socket: Client = ioClient(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token } });
  return withTimeout(
    new Promise<Client>((resolve, reject) => {
      socket.once('sync', () => resolve(socket));
      socket.once('connect_error', reject);
    }),
    30_000,
    'isolation bot sync',
  );
}

export async function runIsolation(deps: IsolationDeps, opts: IsolationOptions): Promise<IsolationResult> {
  const target = new URL(deps.redisUrl);
  const meters = Array.from({ length: opts.nodes }, () => new RedisMeter({ host: target.hostname, port: Number(target.port) }));
  const db = await deps.database();
  const nodes: Array<{ url: string; stop(): Promise<void> }> = [];
  const sockets: Client[] = [];
  try {
    for (const m of meters) {
      const redisUrl = await m.start();
      nodes.push(await deps.startNode({ DATABASE_URL: db.url, REDIS_URL: redisUrl }));
    }
    // workshop w is served by node w % N: created there (it decides) and every socket there
    const served = (w: number) => w % opts.nodes;
    const workshops = await pool(
      Array.from({ length: opts.workshops }, (_, w) => w),
      4,
      async (w) => {
        // a busy machine can time a creation out (`unavailable`, nothing stored): try again, as a person would
        for (let attempt = 1; ; attempt++) {
          try {
            return await prepareWorkshop(
              nodes[served(w)]!.url,
              { delegates: opts.delegates, facilitators: 1, tables: 1, capacity: opts.delegates + 1, tableOf: () => 0 },
              `Isolation ${w}`,
            );
          } catch (err) {
            if (attempt === 5) throw err;
            await sleep(1000);
          }
        }
      },
    );
    /** note id -> [sent at, recipients still owed]. */
    const sent = new Map<string, { at: number; owed: number }>();
    const latencies: number[] = [];
    const writers: Array<{ socket: Client; w: number }> = [];
    await pool(workshops, 4, async (ws, w) => {
      const url = nodes[served(w)]!.url;
      const chair = ws.bots.find((b) => b.role === 'facilitator')!;
      const fac = await connectBot(url, chair.token!);
      sockets.push(fac);
      for (const b of ws.bots.filter((x) => x.role === 'delegate')) {
        const ack = await fac.emitWithAck('command', {
          type: 'seat:assign',
          clientOpId: `seat-${b.participantId}`,
          participantId: b.participantId!,
          tableId: 't0',
        });
        if (!ack.ok) throw new Error(`seat: ${JSON.stringify(ack)}`);
      }
      for (const b of ws.bots) {
        const socket = b.role === 'facilitator' ? fac : await connectBot(url, b.token!);
        if (socket !== fac) sockets.push(socket);
        socket.on('events', (events) => {
          const t = now();
          for (const env of events) {
            if (env.e.type !== 'note:created') continue;
            const s = sent.get(env.e.note.id);
            if (!s || env.by === b.participantId) continue;
            latencies.push(t - s.at);
            s.owed--;
          }
        });
        if (b.role === 'delegate') writers.push({ socket, w });
      }
    });
    await sleep(2000); // rosters settle; then count only the writing
    for (const m of meters) m.reset();
    const total = Math.round(opts.rate * opts.seconds);
    let rejected = 0;
    const start = now();
    for (let k = 0; k < total; k++) {
      const due = start + (k * 1000) / opts.rate;
      if (due > now()) await sleep(due - now());
      const writer = writers[k % writers.length]!;
      const noteId = `iso-${k}`;
      sent.set(noteId, { at: now(), owed: opts.delegates });
      const cmd = {
        type: 'note:create',
        clientOpId: `op-${noteId}`,
        noteId,
        tableId: 't0',
        text: `note ${k}`,
        color: 'yellow',
        x: k % 300,
        y: 0,
      } as const;
      // a busy server refuses with `overloaded`: retry the same command later, as the app does
      const send = () =>
        writer.socket.emit('command', cmd, (ack) => {
          if (ack.ok) return;
          if (ack.error.code === 'overloaded') return void setTimeout(send, 100 + Math.random() * 200);
          rejected++;
        });
      send();
    }
    const drainUntil = now() + 10_000;
    while (now() < drainUntil && [...sent.values()].some((s) => s.owed > 0)) await sleep(50);
    await sleep(1500); // a roster refresh or two inside the window, like the rest of the traffic
    const ids = workshops.map((ws) => ws.workshopId);
    const perNode = meters.map((m, n) => {
      const mine = ids.filter((_, w) => served(w) === n);
      const others = ids.filter((_, w) => served(w) !== n);
      const own = m.bytesMatching(mine);
      const foreign = m.bytesMatching(others);
      const all = [...m.byChannel.values()].reduce((a, b) => a + b, 0);
      return { own, foreign, shared: all - own - foreign, total: m.total, ownWorkshops: mine.length };
    });
    return {
      opts,
      perNode,
      allWorkshops: perNode.reduce((a, p) => a + p.own + p.foreign, 0),
      fanout: summarize(latencies),
      notes: total,
      missing: [...sent.values()].reduce((a, s) => a + Math.max(0, s.owed), 0),
      rejected,
    };
  } finally {
    for (const s of sockets) s.close();
    await Promise.all(nodes.map((n) => n.stop()));
    for (const m of meters) await m.close();
    await db.drop();
  }
}

const kb = (bytes: number) => f(bytes / 1024, 1);

export function printIsolation(r: IsolationResult) {
  const { opts } = r;
  console.log(
    `\n== isolation: ${opts.nodes} nodes, ${opts.workshops} workshops each served from one node (${opts.delegates} delegates + 1 facilitator each), ` +
      `${opts.rate} notes/s for ${opts.seconds} s ==`,
  );
  console.log(
    'bytes a node received from Redis in pub/sub messages, measured on its own connections (a counting proxy per node), by channel:\n' +
      "own = channels of workshops it serves, FOREIGN = of workshops it does not serve (target 0), shared = the adapter's and cluster's\n" +
      "node-wide channels; 'if one channel' = every workshop's messages, what each node received when every node heard everything",
  );
  printTable(
    ['node', 'workshops served', 'own KB', 'FOREIGN KB', 'shared KB', 'all from Redis KB', 'FOREIGN / own', "own / 'if one channel'"],
    r.perNode.map((p, n) => [
      String(n),
      String(p.ownWorkshops),
      kb(p.own),
      kb(p.foreign),
      kb(p.shared),
      kb(p.total),
      ratio(p.foreign, p.own) === '-' && p.foreign === 0 ? '0' : ratio(p.foreign, p.own),
      ratio(p.own, r.allWorkshops),
    ]),
  );
  console.log(
    `'if one channel' (all workshops' messages): ${kb(r.allWorkshops)} KB per node; same-node fan-out p50 / p99 ${f(r.fanout.p50)} / ${f(r.fanout.p99)} ms over ${r.fanout.n} deliveries; missing ${r.missing}, rejected ${r.rejected}`,
  );
  const foreign = r.perNode.reduce((a, p) => a + p.foreign, 0);
  console.log(`target: bytes received for workshops a node does not serve = ${foreign}: ${foreign === 0 ? 'PASS' : 'FAIL'}`);
}
