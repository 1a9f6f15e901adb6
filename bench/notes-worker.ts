// A load-generator thread of `npm run bench:notes`: owns a slice of the bots (lean Socket.IO clients
// of the app, bench/lean-socket.ts, or plain `ws` clients of the relay), connects and seats them when asked, sends its share
// of the note schedule, and records what its bots send and receive. It keeps raw timestamps only
// (flat number arrays, no per-note objects) and hands them over once, at `collect`, so that
// measuring costs the generator as little as possible; the conductor does the statistics.
import fs from 'node:fs';
import { parentPort } from 'node:worker_threads';
import WebSocket from 'ws';
import type { Ack } from '@world-cafe/shared';
import { BOT_SOCKET_OPTIONS, LeanSocket, idsAfter } from './lean-socket.ts';
import { pool, untilAccepted, withTimeout } from './notes-stats.ts';
import {
  ACK,
  type BotSpec,
  type Progress,
  type Reply,
  type Request,
  type RunPlan,
  type SetupStep,
  type StackName,
  type WorkerLog,
} from './notes-wire.ts';

const port = parentPort!;
const now = () => performance.timeOrigin + performance.now();
/** Connections opened at once by this worker during setup. */
const CONNECT_CONCURRENCY = 24;
const SETUP_TIMEOUT_MS = 60_000;

interface Bot {
  spec: BotSpec;
  /** Resolves when the bot can send (seated, or a facilitator with its snapshot). */
  seat(): Promise<void>;
  send(k: number): void;
  close(): void;
}

// ------------------------------------------------------------------ recording

let sentLog: number[] = [];
/** k -> offset of its record in sentLog */
const slot = new Map<number, number>();
let receipts: number[] = [];
let lags: number[] = [];
let frames = 0;
let otherCodes: Record<string, number> = {};
let outstanding = 0;
let owed = 0;
let received = 0;
let plan: RunPlan | null = null;
let measured = { elu: NaN, cpuMs: NaN, windowMs: NaN };

function onAck(k: number, ack: Ack | null) {
  const at = slot.get(k);
  if (at === undefined || sentLog[at + 3] !== ACK.none) return;
  outstanding--;
  sentLog[at + 2] = now();
  if (ack === null || ack.ok) {
    sentLog[at + 3] = ACK.ok;
    owed += plan!.recipients[tableOfNote(k)]!;
  } else if (ack.error.code === 'overloaded') {
    sentLog[at + 3] = ACK.overloaded;
  } else {
    sentLog[at + 3] = ACK.other;
    otherCodes[ack.error.code] = (otherCodes[ack.error.code] ?? 0) + 1;
  }
}

function onNote(k: number, receiver: number, at: number) {
  if (!(k >= 0)) return; // a late note of an earlier run on the same server
  receipts.push(k, receiver, at);
  if (plan && k % plan.delegates !== receiver) received++;
}

const byIndex = new Map<number, Bot>();
/** A note's table: its author is always one of this worker's bots. */
const tableOfNote = (k: number) => byIndex.get(k % plan!.delegates)!.spec.table!;

/** This thread's CPU time in ms (utime + stime of /proc/thread-self, in clock ticks of 10 ms). */
function threadCpuMs(): number {
  try {
    const stat = fs.readFileSync('/proc/thread-self/stat', 'utf8');
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(rest[11]) + Number(rest[12])) * 10;
  } catch {
    return NaN;
  }
}

// ------------------------------------------------------------------ bots

const noteText = (k: number) => `Bench note ${k}: we should pair delegations across tables (sent ${Date.now()})`;
const idBase = () => plan?.idBase ?? 0;
const noteId = (k: number) => `n${idBase() + k}`;
const noteK = (id: string) => Number(id.slice(1)) - idBase();
const opId = (k: number) => `note-op-${idBase() + k}`;

function worldCafeBot(url: string, spec: BotSpec): Promise<Bot> {
  const syncs: string[] = [];
  let onSync: (() => void) | null = null;
  let failed: ((err: Error) => void) | null = null;
  const socket = new LeanSocket(
    url,
    { token: spec.token! },
    {
      sync(kind) {
        syncs.push(kind);
        onSync?.();
      },
      notes(ids) {
        const at = now();
        frames++;
        for (const id of ids) onNote(noteK(id), spec.index, at);
      },
      closed: (why) => failed?.(new Error(`bot ${spec.index} disconnected: ${why}`)),
    },
  );
  const waitSync = (kind: string, n: number) =>
    new Promise<void>((resolve, reject) => {
      const done = () => syncs.length >= n && (kind === 'any' || syncs[n - 1] === kind);
      if (done()) return resolve();
      onSync = () => done() && resolve();
      failed = reject;
    });
  const command = (body: Record<string, unknown>) => new Promise<Ack>((resolve) => socket.emit('command', body, (a) => resolve(a as Ack)));
  const tableId = spec.table === null ? '' : `t${spec.table}`;
  const bot: Bot = {
    spec,
    async seat() {
      if (spec.role === 'facilitator') return;
      // seat:assign for oneself is allowed in the setup phase; the server sends the moved person its
      // table's slice (a `sync` of kind 'table') with the batch, before the ack
      await untilAccepted(
        () => command({ type: 'seat:assign', clientOpId: `seat-${spec.index}-bench`, participantId: spec.participantId!, tableId }),
        `bot ${spec.index} could not sit at ${tableId}`,
        () => seatRefusals++,
      );
      await waitSync('table', 2);
    },
    send(k) {
      socket.emit(
        'command',
        {
          type: 'note:create',
          clientOpId: opId(k),
          noteId: noteId(k),
          tableId,
          text: noteText(k),
          color: 'yellow',
          x: (k * 37) % 4000,
          y: (k * 53) % 4000,
        },
        (a) => onAck(k, a as Ack),
      );
    },
    close: () => socket.close(),
  };
  return socket.connected.then(() => waitSync('any', 1)).then(() => bot);
}

/** Where a note id starts in the relay's frames. */
const RELAY_ID = '"id":"';

function relayBot(url: string, spec: BotSpec): Promise<Bot> {
  return new Promise<Bot>((resolve, reject) => {
    const ws = new WebSocket(url, BOT_SOCKET_OPTIONS);
    ws.once('error', reject);
    ws.once('open', () =>
      ws.send(JSON.stringify(spec.role === 'facilitator' ? { t: 'join', fac: true } : { t: 'join', table: spec.table })),
    );
    ws.on('message', (data) => {
      // The relay's frames hold this file's own JSON ({"t":"notes","n":[{"t":"note","id":"n12",...},...]}
      // or {"t":"ack","id":"n12"}): read the ids without a full parse, so the generator stays
      // cheaper than what it measures.
      const raw = (data as Buffer).toString();
      const t = raw.slice(6, raw.indexOf('"', 6));
      if (t === 'notes') {
        frames++;
        const at = now();
        for (const id of idsAfter(raw, RELAY_ID)) onNote(noteK(id), spec.index, at);
      } else if (t === 'ack') {
        const [id] = idsAfter(raw, RELAY_ID);
        onAck(id === undefined ? NaN : noteK(id), null);
      } else if (t === 'joined')
        resolve({
          spec,
          seat: async () => {},
          send(k) {
            // the same payload as the socket.io command, so both stacks move the same bytes
            ws.send(
              JSON.stringify({
                t: 'note',
                id: noteId(k),
                type: 'note:create',
                clientOpId: opId(k),
                noteId: noteId(k),
                tableId: `t${spec.table}`,
                text: noteText(k),
                color: 'yellow',
                x: (k * 37) % 4000,
                y: (k * 53) % 4000,
              }),
            );
          },
          close: () => ws.terminate(),
        });
    });
  });
}

const bots: Bot[] = [];
/** `overloaded` refusals of seat:assign during setup (each retried). */
let seatRefusals = 0;

async function connect(stack: StackName, urls: string[], specs: BotSpec[]) {
  await pool(specs, CONNECT_CONCURRENCY, async (spec) => {
    const url = urls[spec.node ?? 0]!;
    const bot = await withTimeout(
      stack === 'world-cafe' ? worldCafeBot(url, spec) : relayBot(url, spec),
      SETUP_TIMEOUT_MS,
      `bot ${spec.index} connect`,
    );
    bots.push(bot);
    byIndex.set(spec.index, bot);
  });
}

async function seat() {
  await pool([...bots], CONNECT_CONCURRENCY, (bot) => withTimeout(bot.seat(), SETUP_TIMEOUT_MS, `bot ${bot.spec.index} seat`));
}

// ------------------------------------------------------------------ the schedule

function run(p: RunPlan): Promise<void> {
  plan = p;
  sentLog = [];
  slot.clear();
  receipts = [];
  lags = [];
  frames = 0;
  otherCodes = {};
  outstanding = owed = received = 0;
  const mine = (k: number) => byIndex.get(k % p.delegates)?.spec.role === 'delegate';
  const measuredFrom = Math.ceil(((p.measureFrom - p.start) * p.rate) / 1000);
  let k = 0;
  let elu0: ReturnType<typeof performance.eventLoopUtilization> | null = null;
  let cpu0 = 0;
  let t0 = 0;
  return new Promise<void>((resolve) => {
    const tick = () => {
      const t = now();
      if (elu0 === null && t >= p.measureFrom) {
        elu0 = performance.eventLoopUtilization();
        cpu0 = threadCpuMs();
        t0 = t;
      }
      const due = Math.min(p.total, Math.floor(((t - p.start) * p.rate) / 1000) + 1);
      for (; k < due; k++) {
        if (!mine(k)) continue;
        const sentAt = now();
        if (k >= measuredFrom) lags.push(sentAt - (p.start + (k * 1000) / p.rate));
        slot.set(k, sentLog.length);
        sentLog.push(k, sentAt, NaN, ACK.none);
        outstanding++;
        byIndex.get(k % p.delegates)!.send(k);
      }
      if (k >= p.total) {
        const end = now();
        if (elu0 === null) {
          elu0 = performance.eventLoopUtilization();
          cpu0 = threadCpuMs();
          t0 = end;
        }
        measured = { elu: performance.eventLoopUtilization(elu0).utilization, cpuMs: threadCpuMs() - cpu0, windowMs: end - t0 };
        return resolve();
      }
      const next = p.start + (k * 1000) / p.rate;
      setTimeout(tick, Math.max(0, Math.min(5, next - now())));
    };
    const first = p.start - now();
    setTimeout(tick, Math.max(0, first));
  });
}

function collect(): { log: WorkerLog; transfer: ArrayBuffer[] } {
  const log: WorkerLog = {
    sent: Float64Array.from(sentLog),
    receipts: Float64Array.from(receipts),
    lags: Float64Array.from(lags),
    frames,
    otherCodes,
    ...measured,
  };
  return { log, transfer: [log.sent.buffer as ArrayBuffer, log.receipts.buffer as ArrayBuffer, log.lags.buffer as ArrayBuffer] };
}

// ------------------------------------------------------------------ requests

// The handler replies with its own errors (below), so the promise it returns is not awaited.
port.on('message', ({ id, req }: { id: number; req: Request }) => void handle(id, req));
async function handle(id: number, req: Request) {
  const reply = (r: Reply, transfer: ArrayBuffer[] = []) => port.postMessage(r, transfer);
  try {
    switch (req.type) {
      case 'connect': {
        const cpuBefore = threadCpuMs();
        await connect(req.stack, req.urls, req.bots);
        return reply({ id, ok: true, result: { cpuMs: threadCpuMs() - cpuBefore } satisfies SetupStep });
      }
      case 'seat': {
        const cpuBefore = threadCpuMs();
        await seat();
        return reply({ id, ok: true, result: { cpuMs: threadCpuMs() - cpuBefore, refusals: seatRefusals } satisfies SetupStep });
      }
      case 'run':
        await run(req.plan);
        return reply({ id, ok: true, result: null });
      case 'progress':
        return reply({ id, ok: true, result: { outstanding, owed, received } satisfies Progress });
      case 'collect': {
        const { log, transfer } = collect();
        return reply({ id, ok: true, result: log }, transfer);
      }
      case 'close':
        for (const b of bots) b.close();
        bots.length = 0;
        return reply({ id, ok: true, result: null });
      default: {
        const never: never = req;
        throw new Error(`unknown request ${JSON.stringify(never)}`);
      }
    }
  } catch (err) {
    reply({ id, ok: false, error: err instanceof Error ? err.message : String(err) });
  }
}

port.postMessage({ ready: true });
