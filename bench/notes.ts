/**
 * Live-notes load benchmark: `npm run bench:notes [-- --bots 200 --tables 20 --rate 1000 --seconds 10 --warmup 2]`.
 *
 * N socket.io bots seated at T tables write notes at a fixed total rate against the real server
 * (a child process on 127.0.0.1 with a temporary DATA_DIR), then the same bots, rate and duration
 * against a bare `ws` relay (bench/notes-relay.ts, also a child process) that only forwards a note
 * to the sender's tablemates: the floor of this stack. Prints, per stack and rate:
 *   - ack latency: ack received - note sent (sender side);
 *   - fan-out latency: note first seen by a tablemate - note sent, measured at EVERY tablemate
 *     (one sample per note per receiver, the sender's own echo excluded). World Café sends others a
 *     `preview` of a note as soon as it is decided (before the commit's fsync), then the committed
 *     `events`: "fan" is the first of the two, "commit fan" the committed event alone;
 *   - tablemate deliveries per second, the server's peak RSS (VmHWM) and CPU use;
 *   - missing deliveries (each acked note's COMMITTED event must reach every tablemate: must be 0),
 *     duplicates (committed events, and previews) and previews at the author (both must be 0);
 * and the world-cafe / ws-relay ratio of fan-out p50 and p99.
 *
 * Other flags: --rates 100,500,1000 (one row per rate; a fresh server per row), --sync full|normal
 * (DB_SYNC of the server, default full), --writer worker|inline (DB_WRITER of the server: SQLite commits on
 * a worker thread, the default, or on the event loop), --only world-cafe|ws-relay, --drain 10 (max seconds to
 * wait for late acks/deliveries), --cpu-prof DIR (write a V8 CPU profile of the World Café server).
 * The load generator runs in this process for both stacks, so the comparison is fair but the
 * generator's own CPU is on the same (2-core) machine: its CPU use is printed too.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { io as ioClient, type Socket } from 'socket.io-client';
import WebSocket from 'ws';
import type { Ack, ClientToServerEvents, Envelope, PreviewMessage, ServerToClientEvents } from '../shared/src/protocol.ts';
import { Recorder, cpuSecondsOf, machineBusySeconds, pool, rssOf, summarize, type Summary } from './notes-stats.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const HOST = '127.0.0.1';

// ------------------------------------------------------------------ options

const { values: args } = parseArgs({
  options: {
    bots: { type: 'string', default: '200' },
    tables: { type: 'string', default: '20' },
    rate: { type: 'string', default: '1000' },
    rates: { type: 'string' },
    seconds: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    drain: { type: 'string', default: '10' },
    sync: { type: 'string', default: 'full' },
    writer: { type: 'string', default: 'worker' },
    only: { type: 'string' },
    'cpu-prof': { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (args.help) {
  console.log(
    'npm run bench:notes -- [--bots 200] [--tables 20] [--rate 1000 | --rates 100,500,1000] [--seconds 10] [--warmup 2]\n' +
      '                       [--drain 10] [--sync full|normal] [--writer worker|inline] [--only world-cafe|ws-relay] [--cpu-prof DIR]',
  );
  process.exit(0);
}

function num(name: string, raw: string, min: number, max: number, int = true): number {
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max || (int && !Number.isInteger(n)))
    throw new Error(`--${name} must be ${int ? 'an integer' : 'a number'} in [${min}, ${max}], got ${raw}`);
  return n;
}

const BOTS = num('bots', args.bots!, 2, 2000);
const TABLES = num('tables', args.tables!, 1, 200);
const SECONDS = num('seconds', args.seconds!, 0.5, 300, false);
const WARMUP = num('warmup', args.warmup!, 0, 60, false);
const DRAIN = num('drain', args.drain!, 0.5, 120, false);
const RATES = (args.rates ?? args.rate!).split(',').map((r) => num('rate', r.trim(), 1, 100_000, false));
const SYNC = args.sync!;
if (SYNC !== 'full' && SYNC !== 'normal') throw new Error(`--sync must be full or normal, got ${SYNC}`);
const WRITER = args.writer!;
if (WRITER !== 'worker' && WRITER !== 'inline') throw new Error(`--writer must be worker or inline, got ${WRITER}`);
const ONLY = args.only;
if (ONLY !== undefined && ONLY !== 'world-cafe' && ONLY !== 'ws-relay') throw new Error('--only must be world-cafe or ws-relay');
const CPU_PROF = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
const CAPACITY = Math.ceil(BOTS / TABLES) + 1;
if (CAPACITY > 100) throw new Error(`ceil(bots/tables)+1 = ${CAPACITY} exceeds the table capacity limit (100)`);
if (BOTS < TABLES) throw new Error('--bots must be at least --tables (every table needs a writer)');

/** Bot i sits at table i % T: tables differ in size by at most one. */
const tableOf = (bot: number) => bot % TABLES;
const tableSize = (t: number) => Math.floor(BOTS / TABLES) + (t < BOTS % TABLES ? 1 : 0);

// ------------------------------------------------------------------ child processes

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => process.exit(130));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

interface Child {
  proc: ChildProcess;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

function spawnChild(nodeArgs: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, nodeArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + String(d)).slice(-4000);
  };
  proc.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  exited.then(() => children.delete(proc));
  return {
    proc,
    pid: proc.pid!,
    output: () => tail,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitHealthy(url: string, child: Child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) throw new Error(`server exited with ${child.proc.exitCode}\n${child.output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`server did not become healthy in ${timeoutMs} ms\n${child.output()}`);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    p.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out: ${what}`)), ms);
    }),
  ]);
}

async function post<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as T;
  if (res.status !== 201) throw new Error(`POST ${url}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// ------------------------------------------------------------------ stacks

interface BotHandle {
  send(noteId: string, k: number): void;
  close(): void;
}

interface Stack {
  name: 'world-cafe' | 'ws-relay';
  pid: number;
  bots: BotHandle[];
  stop(): Promise<void>;
}

const noteText = (k: number) => `Bench note ${k}: we should pair delegations across tables (sent ${Date.now()})`;

async function startWorldCafe(rec: Recorder, rate: number): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'));
  const port = await freePort();
  const perBot = rate / BOTS;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DB_SYNC: SYNC,
    DB_WRITER: WRITER,
  };
  // The default per-socket limit (20/s, burst 40) covers 5 notes/s per bot; raise it only if needed.
  if (perBot > 15) {
    env.RATE_LIMIT_PER_SEC = String(Math.ceil(perBot * 2));
    env.RATE_LIMIT_BURST = String(Math.ceil(perBot * 4));
  }
  const nodeArgs = ['--import', 'tsx'];
  if (CPU_PROF) {
    fs.mkdirSync(CPU_PROF, { recursive: true });
    nodeArgs.push("--cpu-prof", `--cpu-prof-dir=${CPU_PROF}`);
  }
  nodeArgs.push('server/src/main.ts');
  const child = spawnChild(nodeArgs, env);
  const url = `http://${HOST}:${port}`;
  const bots: Array<Socket<ServerToClientEvents, ClientToServerEvents>> = [];
  const stop = async () => {
    for (const s of bots) s.close();
    await child.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child);
    const tables = Array.from({ length: TABLES }, (_, t) => ({
      id: `t${t}`,
      name: `Table ${t + 1}`,
      themeId: null,
      question: 'What should we do next?',
      capacity: CAPACITY,
    }));
    const ws = await post<{ joinCode: string }>(`${url}/api/workshops`, { title: 'Notes bench', facilitatorName: 'Chair', tables });
    const joined = await pool(Array.from({ length: BOTS }, (_, i) => i), 16, (i) =>
      post<{ participantId: string; token: string }>(`${url}/api/join`, { code: ws.joinCode, name: `Bot ${i}`, delegationId: null }),
    );
    const handles = await pool(joined, 16, async ({ participantId, token }, i) => {
      const socket: Socket<ServerToClientEvents, ClientToServerEvents> = ioClient(url, {
        transports: ['websocket'],
        reconnection: false,
        forceNew: true,
        auth: { token },
      });
      bots.push(socket);
      let syncs = 0;
      let onSync: (() => void) | undefined;
      socket.on('sync', () => {
        syncs++;
        onSync?.();
      });
      const syncCount = (n: number, what: string) =>
        withTimeout(
          new Promise<void>((resolve, reject) => {
            if (syncs >= n) return resolve();
            onSync = () => syncs >= n && resolve();
            socket.once('connect_error', reject);
          }),
          15_000,
          what,
        );
      socket.on('events', (events: Envelope[]) => {
        for (const env of events) if (env.e.type === 'note:created') rec.onDeliver(env.e.note.id, i);
      });
      socket.on('preview', (msg: PreviewMessage) => {
        for (const e of msg.events) if (e.type === 'note:created') rec.onPreview(e.note.id, i);
      });
      await syncCount(1, `bot ${i} first sync`);
      // seat:assign is allowed for oneself in the setup phase; the server moves the socket into the
      // table's room and sends a fresh snapshot (a second sync) before it acks.
      const table = `t${tableOf(i)}`;
      const ack = await withTimeout(
        socket.emitWithAck('command', { type: 'seat:assign', clientOpId: `seat-${i}-bench`, participantId, tableId: table }),
        15_000,
        `bot ${i} seat`,
      );
      if (!ack.ok) throw new Error(`bot ${i} could not sit at ${table}: ${ack.error.code} ${ack.error.message}`);
      await syncCount(2, `bot ${i} seat sync`);
      return {
        send(noteId: string, k: number) {
          socket.emit(
            'command',
            {
              type: 'note:create',
              clientOpId: `note-op-${noteId}`,
              noteId,
              tableId: table,
              text: noteText(k),
              color: 'yellow',
              x: (k * 37) % 4000,
              y: (k * 53) % 4000,
            },
            (a: Ack) => rec.onAck(noteId, a.ok, a.ok ? undefined : `${a.error.code} (${a.error.message})`),
          );
        },
        close: () => socket.close(),
      } satisfies BotHandle;
    });
    return { name: 'world-cafe', pid: child.pid, bots: handles, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function startRelay(rec: Recorder): Promise<Stack> {
  const child = spawnChild(['--import', 'tsx', 'bench/notes-relay.ts'], { PORT: '0' });
  const sockets: WebSocket[] = [];
  const stop = async () => {
    for (const s of sockets) s.terminate();
    await child.stop();
  };
  try {
    const port = await withTimeout(
      new Promise<number>((resolve, reject) => {
        readline.createInterface({ input: child.proc.stdout! }).once('line', (l) => resolve(JSON.parse(l).port));
        child.proc.once('exit', (code) => reject(new Error(`relay exited with ${code}\n${child.output()}`)));
      }),
      30_000,
      'relay start',
    );
    const handles = await pool(
      Array.from({ length: BOTS }, (_, i) => i),
      16,
      (i) =>
        withTimeout(
          new Promise<BotHandle>((resolve, reject) => {
            const ws = new WebSocket(`ws://${HOST}:${port}`, { perMessageDeflate: false });
            sockets.push(ws);
            ws.once('error', reject);
            ws.once('open', () => ws.send(JSON.stringify({ t: 'join', table: tableOf(i) })));
            ws.on('message', (data) => {
              const msg = JSON.parse(String(data)) as { t: string; id?: string };
              if (msg.t === 'note') rec.onDeliver(msg.id!, i);
              else if (msg.t === 'ack') rec.onAck(msg.id!, true);
              else if (msg.t === 'joined')
                resolve({
                  send(noteId: string, k: number) {
                    // the same payload as the socket.io command, so both stacks move the same bytes
                    ws.send(
                      JSON.stringify({
                        t: 'note',
                        id: noteId,
                        type: 'note:create',
                        clientOpId: `note-op-${noteId}`,
                        noteId,
                        tableId: `t${tableOf(i)}`,
                        text: noteText(k),
                        color: 'yellow',
                        x: (k * 37) % 4000,
                        y: (k * 53) % 4000,
                      }),
                    );
                  },
                  close: () => ws.close(),
                });
            });
          }),
          15_000,
          `relay bot ${i}`,
        ),
    );
    return { name: 'ws-relay', pid: child.pid, bots: handles, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

// ------------------------------------------------------------------ one run

interface Result {
  stack: Stack['name'];
  rate: number;
  sent: number;
  sentMeasured: number;
  acked: number;
  errors: number;
  errorCodes: string;
  unacked: number;
  ack: Summary;
  fan: Summary;
  commitFan: Summary;
  previews: number;
  previewSelf: number;
  previewDuplicates: number;
  eventsPerSec: number;
  peakRssMb: number;
  serverCpu: number;
  benchCpu: number;
  otherCpu: number;
  genLagP99: number;
  missing: number;
  duplicates: number;
  selfEchoes: number;
  drainMs: number;
}

async function run(which: Stack['name'], rate: number): Promise<Result> {
  const rec = new Recorder(tableSize);
  const stack = which === 'world-cafe' ? await startWorldCafe(rec, rate) : await startRelay(rec);
  try {
    await sleep(300); // let setup traffic (seat broadcasts, snapshots) settle
    const total = Math.round(rate * (WARMUP + SECONDS));
    const t0 = performance.now();
    rec.measureStart = t0 + WARMUP * 1000;
    rec.measureEnd = rec.measureStart + SECONDS * 1000;
    let cpu0 = 0;
    let bench0 = process.cpuUsage();
    let box0 = 0;
    let marked = WARMUP === 0;
    if (marked) {
      cpu0 = cpuSecondsOf(stack.pid);
      box0 = machineBusySeconds();
    }
    let k = 0;
    // Precise schedule: note k is due at t0 + k/rate; each tick sends everything due, round-robin over bots.
    await new Promise<void>((resolve) => {
      const tick = () => {
        const now = performance.now();
        if (!marked && now >= rec.measureStart) {
          marked = true;
          cpu0 = cpuSecondsOf(stack.pid);
          bench0 = process.cpuUsage();
          box0 = machineBusySeconds();
        }
        const due = Math.min(total, Math.floor(((now - t0) * rate) / 1000) + 1);
        while (k < due) {
          const bot = k % BOTS;
          const scheduled = t0 + (k * 1000) / rate;
          const sendAt = performance.now();
          rec.genLag.push(sendAt - scheduled);
          const id = `n${k}`;
          rec.sentNote(id, bot, tableOf(bot), scheduled >= rec.measureStart, sendAt);
          stack.bots[bot]!.send(id, k);
          k++;
        }
        if (k >= total) resolve();
        else setTimeout(tick, Math.max(0, Math.min(5, t0 + (k * 1000) / rate - performance.now())));
      };
      tick();
    });
    const sendEnd = performance.now();
    const windowS = (sendEnd - rec.measureStart) / 1000;
    const serverCpu = (cpuSecondsOf(stack.pid) - cpu0) / windowS;
    const b = process.cpuUsage(bench0);
    const benchCpu = (b.user + b.system) / 1e6 / windowS;
    // whatever else kept the machine's cores busy meanwhile (other people's jobs): a noise indicator
    const otherCpu = Math.max(0, (machineBusySeconds() - box0) / windowS - serverCpu - benchCpu);
    // Drain: wait (bounded) for the last acks and deliveries.
    const drainDeadline = sendEnd + DRAIN * 1000;
    while ((rec.outstandingAcks > 0 || rec.pendingDeliveries > 0) && performance.now() < drainDeadline) await sleep(20);
    const drainMs = performance.now() - sendEnd;
    await sleep(100); // catch duplicates or stragglers
    const { peakMb } = rssOf(stack.pid);
    return {
      stack: stack.name,
      rate,
      sent: rec.sent,
      sentMeasured: rec.sentMeasured,
      acked: rec.acked,
      errors: rec.errors,
      errorCodes: [...rec.errorCodes].map(([c, n]) => `${c}:${n}`).join(' '),
      unacked: rec.outstandingAcks,
      ack: summarize(rec.ackLat),
      fan: summarize(rec.fanLat),
      commitFan: summarize(rec.commitFanLat),
      previews: rec.previews,
      previewSelf: rec.previewSelf,
      previewDuplicates: rec.previewDuplicates,
      eventsPerSec: rec.deliveriesInWindow / SECONDS,
      peakRssMb: peakMb,
      serverCpu,
      benchCpu,
      otherCpu,
      genLagP99: summarize(rec.genLag).p99,
      missing: rec.missingDeliveries(),
      duplicates: rec.duplicates,
      selfEchoes: rec.selfEchoes,
      drainMs,
    };
  } finally {
    await stack.stop();
  }
}

// ------------------------------------------------------------------ report

const loadAvg = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');
const f = (n: number, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '-');
const pct = (n: number) => (Number.isFinite(n) ? `${Math.round(n * 100)}%` : '-');

function printTable(results: Result[]) {
  const head = [
    'stack',
    'rate/s',
    'sent',
    'acked',
    'err',
    'ack p50',
    'ack p95',
    'ack p99',
    'fan p50',
    'fan p95',
    'fan p99',
    'fan max',
    'commit fan p99',
    'deliv/s',
    'peak RSS MB',
    'srv CPU',
    'gen CPU',
    'other CPU',
    'missing',
  ];
  const rows = results.map((r) => [
    r.stack,
    String(r.rate),
    String(r.sent),
    String(r.acked),
    String(r.errors + r.unacked),
    f(r.ack.p50),
    f(r.ack.p95),
    f(r.ack.p99),
    f(r.fan.p50),
    f(r.fan.p95),
    f(r.fan.p99),
    f(r.fan.max),
    f(r.commitFan.p99),
    f(r.eventsPerSec, 0),
    f(r.peakRssMb, 0),
    pct(r.serverCpu),
    pct(r.benchCpu),
    pct(r.otherCpu),
    String(r.missing),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
}

async function main() {
  console.log(
    `bench:notes  bots=${BOTS} tables=${TABLES} (capacity ${CAPACITY}, ${tableSize(0) - 1} tablemates each) ` +
      `rates=${RATES.join(',')}/s warmup=${WARMUP}s measure=${SECONDS}s DB_SYNC=${SYNC} DB_WRITER=${WRITER}  node ${process.version}, ${os.cpus().length} CPUs, load average ${loadAvg()}`,
  );
  console.log(
    'latencies in ms; fan-out measured at every tablemate (sender excluded): fan = first seen (preview or committed event),\n' +
      'commit fan = the committed event (with its seq); err = rejected + never acked;\n' +
      'CPU columns in % of one core over the measured window: server, this load generator, and every other process on the box\n',
  );
  const stacks: Stack['name'][] = ONLY ? [ONLY as Stack['name']] : ['world-cafe', 'ws-relay'];
  const results: Result[] = [];
  for (const rate of RATES) {
    for (const s of stacks) {
      const started = performance.now();
      const r = await run(s, rate);
      results.push(r);
      process.stderr.write(
        `  ${s} @ ${rate}/s done in ${f((performance.now() - started) / 1000)}s` +
          ` (drain ${f(r.drainMs, 0)} ms, generator lag p99 ${f(r.genLagP99)} ms${r.errorCodes ? `, errors ${r.errorCodes}` : ''})\n`,
      );
    }
  }
  console.log('');
  printTable(results);
  console.log('');
  for (const rate of RATES) {
    const wc = results.find((r) => r.rate === rate && r.stack === 'world-cafe');
    const relay = results.find((r) => r.rate === rate && r.stack === 'ws-relay');
    if (wc && relay) {
      const ratio99 = wc.fan.p99 / relay.fan.p99;
      console.log(
        `@ ${rate}/s  world-cafe / ws-relay fan-out: p50 ${f(wc.fan.p50 / relay.fan.p50, 2)}x, p99 ${f(ratio99, 2)}x` +
          `  (target p99 <= 1.5x: ${ratio99 <= 1.5 ? 'met' : 'NOT met'});` +
          `  committed events alone: p50 ${f(wc.commitFan.p50 / relay.fan.p50, 2)}x, p99 ${f(wc.commitFan.p99 / relay.fan.p99, 2)}x`,
      );
    }
  }
  console.log(`load average at the end: ${loadAvg()} (other people's jobs make latencies noisy: see the other CPU column)`);
  let allOk = true;
  for (const r of results) {
    const ok =
      r.errors === 0 && r.unacked === 0 && r.missing === 0 && r.duplicates === 0 && r.previewSelf === 0 && r.previewDuplicates === 0;
    allOk &&= ok;
    const previews = r.stack === 'world-cafe' ? `, ${r.previews} previews (${r.previewSelf} at the author, ${r.previewDuplicates} repeated)` : '';
    console.log(
      `${r.stack} @ ${r.rate}/s: ${r.sent} sent, ${r.acked} acked, ${r.errors} rejected${r.errorCodes ? ` (${r.errorCodes})` : ''}, ` +
        `${r.unacked} never acked, ${r.missing} missing tablemate deliveries (committed), ${r.duplicates} duplicates${previews} -> ${ok ? 'all delivered' : 'INCOMPLETE'}`,
    );
  }
  process.exitCode = allOk ? 0 : 1;
}

await main();
