/**
 * Live-notes load benchmark (issue 8): `npm run bench:notes [-- flags]`, `--help` for the flags.
 *
 * Load: D delegates (1,000) seated at T tables (125, so 8 each) and F facilitators (10, who
 * receive every note) write notes at an aggregate rate (500, 1,000 and 2,000 notes/s by default;
 * `--ladder` adds a saturation ladder). Note k is due at start + k/rate and is written by delegate
 * k % D at its own table, so every note has the same 17 recipients (7 tablemates + 10 facilitators).
 *
 * Two stacks are driven by the same generator in the same run, each in its own child process on
 * 127.0.0.1, both at their default limits: the real server (temporary DATA_DIR), then a batching
 * `ws` relay (bench/notes-relay.ts: the same 10 ms tick, one frame per table and one for the
 * facilitators per tick, the author echoed before its ack) that is the fair floor of the stack.
 * Each stack is started, joined, connected and seated ONCE and then serves every rate (each
 * measured --repeat times, 3 by default: report p99 as the worst) and the whole ladder, as a
 * real server would: nothing is reset between rungs. The run ends with issue 19's item-14 table.
 *
 * The generator is spread over worker threads (bench/notes-worker.ts), each owning a slice of the
 * bots and sending its share of the schedule, so that it is not the limit; each reports its thread
 * CPU and event-loop utilisation, and the report says when the generator was the limit. All
 * latencies are measured on one clock (performance.timeOrigin + performance.now(), comparable across
 * the threads of this process): sent by the author's worker, received by the recipient's.
 *
 * Setup, per run: everyone joins through POST /api/join beforehand, the creator promotes F-1 of
 * them to facilitator (`participant:set-role`); then the measured setup: all D+F sockets connect
 * (first `sync`), and every delegate seats itself (`seat:assign`, acked, with its table's `sync`).
 * Memory: server RSS with every socket connected, seated and idle minus RSS before they connected,
 * per socket. The relay's figures alike (join = one message).
 *
 * Bounded: every wait has a timeout, the whole run has a deadline (--timeout), children are
 * killed on exit, loopback only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import { type Measured, type Prepared, type Setup as RunSetup, measureRate, setupRun } from './measure.ts';
import { type Delivery, type Layout, SLOW_NOTE_MS, cpuOf, withTimeout } from './notes-stats.ts';
import type { BotSpec, StackName } from './notes-wire.ts';
import { loadFlags, loadOptions, num, rateList } from './options.ts';
import { HOST, freePort, installDeadline, spawnChild, waitHealthy } from './processes.ts';
import { f, loadAvg, pct, printTable, quad, ratio } from './report.ts';
import { type ServerWindow, scrape, windowOf } from './server-metrics.ts';
import { prepareWorkshop } from './workshop-setup.ts';

// ------------------------------------------------------------------ options

const { values: args } = parseArgs({
  options: {
    ...loadFlags(30),
    ladder: { type: 'boolean', default: false },
    'no-ladder': { type: 'boolean', default: false },
    repeat: { type: 'string', default: '3' },
    'ladder-rates': { type: 'string', default: '500,750,1000,1500,2000,3000,4000,6000,8000' },
    'ladder-p99': { type: 'string', default: '100' },
    only: { type: 'string' },
    sync: { type: 'string', default: 'full' },
    writer: { type: 'string', default: 'worker' },
    'cpu-prof': { type: 'string' },
    timeout: { type: 'string', default: '30' },
    help: { type: 'boolean', short: 'h', default: false },
  },
  strict: true,
});

if (args.help) {
  console.log(`npm run bench:notes -- [flags]
  --delegates 1000 --tables 125 --facilitators 10   the load (delegates seated round-robin)
  --rates 1000 --repeat 3   aggregate notes/s, each measured --repeat times (p99 reported as the worst of them)
  --seconds 10 --warmup 2    measured window after a warm-up (notes due in the warm-up are not measured)
  (ladder, on by default)    then a saturation ladder per stack over --ladder-rates (500,750,...,8000) until
                             committed p99 > --ladder-p99 ms (100) or anything is lost or refused; --no-ladder to skip it
  One server per stack serves everything (setup once, incl. the joins; then every rate and the ladder).
  --workers 2                load-generator threads; --drain 10  max seconds to wait for late acks/deliveries
  --quick                    smoke check: 200 delegates, 25 tables, 2 facilitators, rate 200, 3 s (+1 s warm-up)
  --only world-cafe|ws-relay --sync full|normal (DB_SYNC) --writer worker|inline (DB_WRITER)
  --cpu-prof DIR             V8 CPU profile of the World Café server;  --timeout 30  minutes for the whole run
  Environment, for diagnosis: BENCH_SERVER_NODE_ARGS="--trace-gc ..." adds node flags to the app server;
  BENCH_CHILD_LOG=PREFIX writes each child's stdout to PREFIX.<pid>`);
  process.exit(0);
}

const LOAD = loadOptions(args, { delegates: ['1000', '200'], tables: ['125', '25'], facilitators: ['10', '2'], rates: ['1000', '200'] });
const REPEAT = num('repeat', args.repeat, 1, 10);
const SHAPE = LOAD.shape;
const { delegates: DELEGATES, tables: TABLES, facilitators: FACILITATORS, capacity: CAPACITY, tableOf, tableSize } = SHAPE;
// `--ladder --rates ''`: the ladder only
const { rates: RATES, seconds: SECONDS, warmup: WARMUP, drain: DRAIN, workers: WORKERS, timeoutMin: TIMEOUT_MIN } = LOAD;
const LADDER = !args['no-ladder'] && (args.ladder || !args.quick) ? rateList('ladder-rates', args['ladder-rates']) : [];
const LADDER_P99 = num('ladder-p99', args['ladder-p99'], 1, 60_000, false);
/** Measured seconds per ladder rung (shorter than the fixed rates' window, to keep a full run within 10 minutes). */
const LADDER_SECONDS = Math.min(SECONDS, 5);
const SYNC = args.sync;
if (SYNC !== 'full' && SYNC !== 'normal') throw new Error(`--sync must be full or normal, got ${SYNC}`);
const WRITER = args.writer;
if (WRITER !== 'worker' && WRITER !== 'inline') throw new Error(`--writer must be worker or inline, got ${WRITER}`);
const ONLY = args.only;
if (ONLY !== undefined && ONLY !== 'world-cafe' && ONLY !== 'ws-relay') throw new Error('--only must be world-cafe or ws-relay');
const CPU_PROF = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined;
const LAYOUT: Layout = { delegates: DELEGATES, facilitators: FACILITATORS, tableOf, recipients: SHAPE.recipients };
const SOCKETS = DELEGATES + FACILITATORS;

// ------------------------------------------------------------------ child processes, deadline

installDeadline('bench:notes', TIMEOUT_MIN);

// ------------------------------------------------------------------ stacks

interface Stack {
  name: StackName;
  pid: number;
  /** What the generator connects to. */
  url: string;
  bots: BotSpec[];
  /** Preparation before the measured setup (World Café: the HTTP joins and role changes), ms. */
  prepareMs: number;
  /** Server main-thread CPU seconds of that preparation. */
  prepareCpuS: number;
  stop(): Promise<void>;
}

async function startWorldCafe(): Promise<Stack> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'));
  const port = await freePort();
  const perPerson = Math.max(...RATES, ...LADDER) / DELEGATES;
  // default limits: 1,010 joins, lookups and socket handshakes from one address fit in the
  // per-address budgets (2,000 / 2,400 / 6,000 a minute), and the relay has no limits to lift
  const env: Record<string, string> = {
    PORT: String(port),
    HOST,
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    DB_SYNC: SYNC,
    DB_WRITER: WRITER,
    // the bench reads the server's own view of each window (group commits, event-loop delay)
    METRICS_TOKEN,
  };
  // The default per-person limit (20/s, burst 40) covers 10 notes/s per delegate; raise it only if needed.
  if (perPerson > 10) {
    env.RATE_LIMIT_PER_SEC = String(Math.ceil(perPerson * 2));
    env.RATE_LIMIT_BURST = String(Math.ceil(perPerson * 4));
  }
  const nodeArgs = ['--import', 'tsx'];
  if (CPU_PROF) {
    fs.mkdirSync(CPU_PROF, { recursive: true });
    nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${CPU_PROF}`);
  }
  if (process.env.BENCH_SERVER_NODE_ARGS) nodeArgs.push(...process.env.BENCH_SERVER_NODE_ARGS.split(' '));
  nodeArgs.push('server/src/main.ts');
  const child = spawnChild(nodeArgs, env);
  const url = `http://${HOST}:${port}`;
  const stop = async () => {
    await child.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    await waitHealthy(url, child);
    const cpuBefore = cpuOf(child.pid).main;
    const { bots, prepareMs } = await prepareWorkshop(url, {
      delegates: DELEGATES,
      facilitators: FACILITATORS,
      tables: TABLES,
      capacity: CAPACITY,
      tableOf,
    });
    return { name: 'world-cafe', pid: child.pid, url, bots, prepareMs, prepareCpuS: cpuOf(child.pid).main - cpuBefore, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

async function startRelay(): Promise<Stack> {
  const child = spawnChild(['--import', 'tsx', 'bench/notes-relay.ts'], { PORT: '0' });
  try {
    const port = await withTimeout(
      new Promise<number>((resolve, reject) => {
        readline.createInterface({ input: child.proc.stdout! }).once('line', (l) => resolve(JSON.parse(l).port));
        child.proc.once('exit', (code) => reject(new Error(`relay exited with ${code}\n${child.output()}`)));
      }),
      30_000,
      'relay start',
    );
    const bots: BotSpec[] = Array.from({ length: SOCKETS }, (_, i) => ({
      index: i,
      role: i < DELEGATES ? 'delegate' : 'facilitator',
      table: i < DELEGATES ? tableOf(i) : null,
    }));
    return { name: 'ws-relay', pid: child.pid, url: `ws://${HOST}:${port}`, bots, prepareMs: 0, prepareCpuS: 0, stop: () => child.stop() };
  } catch (err) {
    await child.stop();
    throw err;
  }
}

const METRICS_TOKEN = 'bench-notes-metrics';

// ------------------------------------------------------------------ one run

interface Setup extends RunSetup {
  prepareMs: number;
  prepareCpuS: number;
  kbPerSocket: number;
}

interface Row {
  stack: StackName;
  rate: number;
  setup: Setup;
  d: Delivery;
  /** Server CPU per note due in the window (ms), main thread and whole process. */
  mainMsPerNote: number;
  processMsPerNote: number;
  /** Server main thread busy, fraction of one core. */
  mainBusy: number;
  /** Server process busy (all threads), fraction of one core. */
  processBusy: number;
  peakRssMb: number;
  gen: Measured['gen'];
  otherCpu: number;
  drainMs: number;
  writeSyscallsPerNote: number;
  /** The app's own view of the window (null for the relay). */
  server: ServerWindow | null;
}

/** Committed fan-out p99 of the worse-served audience (tablemates or facilitators). */
const committedP99 = (r: Row) => Math.max(r.d.tablemates.p99, r.d.facilitators.p99);

const held = (r: Row) =>
  committedP99(r) <= LADDER_P99 &&
  r.d.missing === 0 &&
  r.d.neverAcked === 0 &&
  r.d.refused === 0 &&
  r.d.rejected === 0 &&
  r.d.duplicates === 0 &&
  r.d.strays === 0 &&
  r.d.phantoms === 0;

/** The generator is the limit when one of its event loops is nearly always busy. */
const generatorLimited = (r: Row) => Math.max(...r.gen.elu) > 0.85;
/** Notes left late while the generator's loops were mostly idle: its threads waited for a CPU (other load). */
const machineLimited = (r: Row) => !generatorLimited(r) && r.d.lag.p99 > 20;
const limitNote = (r: Row) => (generatorLimited(r) ? ' (generator-limited)' : machineLimited(r) ? ' (machine busy)' : '');

function rowOf(
  which: StackName,
  rate: number,
  prepared: Prepared,
  prepare: Pick<Stack, 'prepareMs' | 'prepareCpuS'>,
  m: Measured,
  server: ServerWindow | null,
): Row {
  const cpu = m.cpu[0]!;
  return {
    stack: which,
    rate,
    setup: {
      ...prepared.setup,
      prepareMs: prepare.prepareMs,
      prepareCpuS: prepare.prepareCpuS,
      kbPerSocket: ((prepared.setup.rssAfterMb - prepared.setup.rssBeforeMb) * 1024) / SOCKETS,
    },
    d: m.d,
    mainMsPerNote: (cpu.main * 1000) / m.notesInWindow,
    processMsPerNote: (cpu.process * 1000) / m.notesInWindow,
    mainBusy: cpu.main / m.windowS,
    processBusy: cpu.process / m.windowS,
    peakRssMb: m.peakRssMb[0]!,
    gen: m.gen,
    otherCpu: m.otherCpu,
    drainMs: m.drainMs,
    writeSyscallsPerNote: m.writeSyscalls / m.notesInWindow,
    server,
  };
}

interface StackResult {
  /** The fixed rates, each measured REPEAT times, in order. */
  fixed: Row[];
  ladder: Row[];
  highest: number | null;
}

/**
 * One stack, one server for everything: prepare (joins), connect and seat once, then every fixed
 * rate REPEAT times and the ladder, on the same server and the same connected people.
 */
async function runStack(which: StackName): Promise<StackResult> {
  const started = performance.now();
  const stack = which === 'world-cafe' ? await startWorldCafe() : await startRelay();
  try {
    const prepared = await setupRun({ stack: which, urls: [stack.url], bots: stack.bots, pids: [stack.pid] }, { workers: WORKERS });
    try {
      const measure = async (rate: number, seconds = SECONDS) => {
        const before = which === 'world-cafe' ? await scrape(stack.url, METRICS_TOKEN) : null;
        const m = await measureRate(prepared, {
          rate,
          warmup: WARMUP,
          seconds,
          drain: DRAIN,
          workers: WORKERS,
          layout: LAYOUT,
          tables: TABLES,
        });
        process.stderr.write(`  ${which} @ ${rate}/s done at ${f((performance.now() - started) / 1000)} s (load average ${loadAvg()})\n`);
        const after = which === 'world-cafe' ? await scrape(stack.url, METRICS_TOKEN) : null;
        return rowOf(which, rate, prepared, stack, m, windowOf(before, after));
      };
      const fixed: Row[] = [];
      for (const rate of RATES) for (let i = 0; i < REPEAT; i++) fixed.push(await measure(rate));
      const ladder: Row[] = [];
      let highest: number | null = null;
      for (const rate of LADDER) {
        const r = await measure(rate, LADDER_SECONDS);
        ladder.push(r);
        if (!held(r)) break;
        highest = rate;
      }
      return { fixed, ladder, highest };
    } finally {
      await prepared.gen.stop();
    }
  } finally {
    await stack.stop();
  }
}

// ------------------------------------------------------------------ report

function printBlock(rate: number, rows: Row[], label = '') {
  const wc = rows.find((r) => r.stack === 'world-cafe');
  const relay = rows.find((r) => r.stack === 'ws-relay');
  const cols = [wc, relay].filter((r): r is Row => r !== undefined);
  type Line = [string, (r: Row) => string, string?];
  const lines: Line[] = [
    [
      'setup: join + roles beforehand (s)',
      (r) => (r.stack === 'world-cafe' ? f(r.setup.prepareMs / 1000, 2) : '- (joins are part of connect)'),
    ],
    [`setup: connect ${SOCKETS} sockets (s)`, (r) => f(r.setup.connectMs / 1000, 2)],
    ['setup: seat the delegates (s), overloaded retries', (r) => `${f(r.setup.seatMs / 1000, 2)}, ${r.setup.seatRefusals}`],
    ['setup: joins + connect + seat (s)', (r) => f((r.setup.prepareMs + r.setup.connectMs + r.setup.seatMs) / 1000, 2)],
    // CPU time is far less sensitive than wall time to other jobs on the machine
    [
      'setup: server main-thread CPU, joins / connect / seat (s)',
      (r) => `${f(r.setup.prepareCpuS, 2)} / ${f(r.setup.connectCpuS, 2)} / ${f(r.setup.seatCpuS, 2)}`,
    ],
    ['setup: busiest generator thread CPU, connect / seat (s)', (r) => `${f(r.setup.genConnectCpuS, 2)} / ${f(r.setup.genSeatCpuS, 2)}`],
    ['memory: RSS before -> after setup (MB)', (r) => `${f(r.setup.rssBeforeMb, 0)} -> ${f(r.setup.rssAfterMb, 0)}`],
    [
      'memory: KB per connected socket',
      (r) => f(r.setup.kbPerSocket, 1),
      wc && relay ? ratio(wc.setup.kbPerSocket, relay.setup.kbPerSocket) : undefined,
    ],
    ['notes sent (measured)', (r) => `${r.d.sent} (${r.d.sentMeasured})`],
    [
      'accepted / refused overloaded / rejected / never acked',
      (r) => `${r.d.accepted} / ${r.d.refused} / ${r.d.rejected} / ${r.d.neverAcked}`,
    ],
    [
      'fan-out tablemates p50/p95/p99/max (ms)',
      (r) => quad(r.d.tablemates),
      wc && relay ? ratio(wc.d.tablemates.p99, relay.d.tablemates.p99) : undefined,
    ],
    [
      'fan-out facilitators p50/p95/p99/max (ms)',
      (r) => quad(r.d.facilitators),
      wc && relay ? ratio(wc.d.facilitators.p99, relay.d.facilitators.p99) : undefined,
    ],
    ['fan-out all recipients p99 (ms)', (r) => f(r.d.all.p99), wc && relay ? ratio(wc.d.all.p99, relay.d.all.p99) : undefined],
    [
      'committed p99: the worse audience (ms)',
      (r) => f(committedP99(r)),
      wc && relay ? ratio(committedP99(wc), committedP99(relay)) : undefined,
    ],
    ['ack p50 / p99 (ms)', (r) => `${f(r.d.ack.p50)} / ${f(r.d.ack.p99)}`, wc && relay ? ratio(wc.d.ack.p99, relay.d.ack.p99) : undefined],
    ['refusal (overloaded) latency p99 (ms)', (r) => f(r.d.refusal.p99)],
    [
      `notes slower than ${SLOW_NOTE_MS} ms: count, 100 ms buckets, busiest (s after ${'HH:MM:SS.mmm'} UTC: notes)`,
      (r) =>
        `${r.d.slow.notes}, ${r.d.slow.buckets}, ${r.d.slow.worst.map((w) => `${f(w.atS, 1)}: ${w.notes}`).join(' ')} ` +
        `(after ${new Date(r.d.slow.startEpochMs).toISOString().slice(11, 23)})`,
    ],
    ['delivered / owed', (r) => `${r.d.delivered} / ${r.d.owed}`],
    ['missing / duplicates / strays / phantoms', (r) => `${r.d.missing} / ${r.d.duplicates} / ${r.d.strays} / ${r.d.phantoms}`],
    ["the author's own note back (echoes)", (r) => String(r.d.echoes)],
    ['frames with notes received per note (+ 1 ack)', (r) => f(r.d.framesPerNote, 2)],
    [
      'server main thread CPU per note (ms)',
      (r) => f(r.mainMsPerNote, 3),
      wc && relay ? ratio(wc.mainMsPerNote, relay.mainMsPerNote) : undefined,
    ],
    [
      'server process CPU per note (ms)',
      (r) => f(r.processMsPerNote, 3),
      wc && relay ? ratio(wc.processMsPerNote, relay.processMsPerNote) : undefined,
    ],
    ['server write syscalls per note (socket writes; the app also its SQLite writes)', (r) => f(r.writeSyscallsPerNote, 2)],
    ['server main thread busy (% of a core)', (r) => pct(r.mainBusy)],
    ['server peak RSS (MB)', (r) => f(r.peakRssMb, 0)],
    ['generator threads CPU (% of a core)', (r) => r.gen.cpu.map(pct).join(' ')],
    ['generator threads event-loop utilisation', (r) => r.gen.elu.map(pct).join(' ')],
    ['generator send lag p99 / max (ms)', (r) => `${f(r.d.lag.p99)} / ${f(r.d.lag.max)}`],
    ['bench process CPU / other processes (% of a core)', (r) => `${pct(r.gen.processCpu)} / ${pct(r.otherCpu)}`],
    ['drain after the last send (ms)', (r) => f(r.drainMs, 0)],
    [
      'server: group commits, appends per commit, commit p50 / p99 / max (ms), commits over 50 ms',
      (r) =>
        r.server
          ? `${r.server.commits}, ${f(r.server.appendsPerCommit, 1)}, ${f(r.server.commitP50Ms, 1)} / ${f(r.server.commitP99Ms, 1)} / ${f(r.server.commitMaxMs, 0)}, ${r.server.slowCommits}`
          : '-',
    ],
    ['server: event-loop delay p99 / max (ms)', (r) => (r.server ? `${f(r.server.loopP99Ms, 1)} / ${f(r.server.loopMaxMs, 1)}` : '-')],
    [`held (worse p99 <= ${LADDER_P99} ms, nothing lost or refused)`, (r) => (held(r) ? 'yes' : 'NO') + limitNote(r)],
  ];
  const table = lines.map(([label, cell, rat]) => [label, ...cols.map(cell), rat ?? '']);
  const head = ['', ...cols.map((c) => c.stack), cols.length === 2 ? 'world-cafe / relay' : ''];
  console.log(`\n== ${rate} notes/s${label} ==`);
  printTable(head, table);
  if (wc && relay) printTargets(rate, wc, relay);
  for (const r of cols) {
    if (Object.keys(r.d.otherCodes).length) console.log(`${r.stack}: rejections ${JSON.stringify(r.d.otherCodes)}`);
    if (generatorLimited(r))
      console.log(`${r.stack}: the GENERATOR was the limit here (a generator event loop > 85% busy): raise --workers or lower the rate`);
    else if (machineLimited(r))
      console.log(
        `${r.stack}: notes left late (send lag p99 ${f(r.d.lag.p99)} ms) while the generator was mostly idle: its threads waited for a CPU,` +
          ' the machine was busy (see "other processes"); latencies include that wait',
      );
  }
}

/** Issue 8's targets (on a quiet machine), checked against this block's figures. */
function printTargets(rate: number, wc: Row, relay: Row) {
  const p99 = committedP99(wc);
  const floor = committedP99(relay);
  const allowed = Math.max(3 * floor, floor + 15);
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const checks = [
    ...(rate === 1000 ? [`p99 <= 25 ms at 1,000/s: ${mark(p99 <= 25)}`] : []),
    `p99 within 3x or +15 ms of the relay's (<= ${f(allowed)} ms): ${mark(p99 <= allowed)}`,
    `main-thread CPU per note <= 2x the relay's: ${mark(wc.mainMsPerNote <= 2 * relay.mainMsPerNote)}`,
    `setup <= 3 s: ${mark(wc.setup.connectMs + wc.setup.seatMs <= 3000)}`,
    `<= 40 KB per socket: ${mark(wc.setup.kbPerSocket <= 40)}`,
  ];
  console.log(`issue 8 targets (quiet machine): ${checks.join('; ')}`);
}

const worst = (rows: Row[], pick: (r: Row) => number) => Math.max(...rows.map(pick));
const mean = (rows: Row[], pick: (r: Row) => number) => rows.reduce((a, r) => a + pick(r), 0) / rows.length;

/** Issue 19's table (item 14): app vs the batching relay, the p99 at 1,000/s as the worst of the repeats. */
function printIssueTable(wc: StackResult | undefined, relay: StackResult | undefined) {
  // the issue's rate, 1,000/s, or the first fixed rate when it was not run (--quick)
  const RATE = RATES.includes(1000) ? 1000 : RATES[0];
  const at = (s: StackResult | undefined) => s?.fixed.filter((r) => r.rate === RATE) ?? [];
  const cols = [wc, relay];
  const cell = (s: StackResult | undefined, fn: (s: StackResult, rows: Row[]) => string) => (s && at(s).length ? fn(s, at(s)) : '-');
  const setupS = (r: Row) => (r.setup.prepareMs + r.setup.connectMs + r.setup.seatMs) / 1000;
  const refusedInLadder = (s: StackResult) => s.ladder.reduce((a, r) => a + r.d.refused, 0);
  const rows: string[][] = [
    [
      `tablemates / facilitators p99 at ${RATE} notes/s (worst of ${REPEAT})`,
      ...cols.map((s) =>
        cell(s, (_s, rs) => `${f(worst(rs, (r) => r.d.tablemates.p99))} / ${f(worst(rs, (r) => r.d.facilitators.p99))} ms`),
      ),
    ],
    [
      `highest rate held (worse p99 <= ${LADDER_P99} ms, nothing lost/refused)`,
      ...cols.map((s) =>
        s && LADDER.length
          ? `${s.highest === null ? 'none' : `${s.highest}/s`}${s.highest === LADDER.at(-1) ? ' (top of the ladder)' : ''}` +
            (s.ladder.length && !held(s.ladder.at(-1)!)
              ? ` (${s.ladder.at(-1)!.rate}/s: p99 ${f(committedP99(s.ladder.at(-1)!))} ms)`
              : '') +
            `; ${refusedInLadder(s)} overloaded in the ladder`
          : '-',
      ),
    ],
    [
      `server CPU at ${RATE}/s, % of a core: process (main thread)`,
      ...cols.map((s) => cell(s, (_s, rs) => `${pct(mean(rs, (r) => r.processBusy))} (${pct(mean(rs, (r) => r.mainBusy))})`)),
    ],
    [
      `server main-thread CPU per note at ${RATE}/s (ms)`,
      ...cols.map((s) =>
        cell(s, (_s, rs) =>
          f(
            mean(rs, (r) => r.mainMsPerNote),
            3,
          ),
        ),
      ),
    ],
    [`setup of ${SOCKETS} people incl. joins (s)`, ...cols.map((s) => cell(s, (_s, rs) => f(setupS(rs[0]!), 2)))],
    ['RSS growth per connected person (KB)', ...cols.map((s) => cell(s, (_s, rs) => f(rs[0]!.setup.kbPerSocket, 1)))],
  ];
  console.log('\n==== issue 19, item 14: app vs batching relay ====');
  printTable(['', 'app', 'batching relay'], rows);
  const w = at(wc);
  const r = at(relay);
  if (!wc || !relay || !w.length || !r.length) return;
  const mark = (ok: boolean) => (ok ? 'met' : 'NOT met');
  const p99s = (rows: Row[]) => rows.map(committedP99);
  const floorP99 = worst(r, committedP99);
  const checks = [
    `highest rate held >= 0.5x the relay's: ${wc.highest !== null && relay.highest !== null ? mark(wc.highest >= 0.5 * relay.highest) : 'n/a'}`,
    `p99 at ${RATE}/s <= relay + 10 ms (${f(floorP99 + 10)} ms) in each run (${p99s(w)
      .map((x) => f(x))
      .join(', ')}): ${mark(p99s(w).every((x) => x <= floorP99 + 10))}`,
    `main-thread CPU per note <= 1.5x the relay's: ${mark(mean(w, (x) => x.mainMsPerNote) <= 1.5 * mean(r, (x) => x.mainMsPerNote))}` +
      (w.some((x) => x.d.refused > 0) ? ' (flattering: notes refused as overloaded are counted as notes)' : ''),
    `setup incl. joins <= 3 s: ${mark(setupS(w[0]!) <= 3)}`,
    // RSS can fall while the sockets connect (a GC between the two samples): then nothing was measured
    `RSS per connected person <= 40 KB: ${w[0]!.setup.kbPerSocket > 0 ? mark(w[0]!.setup.kbPerSocket <= 40) : 'n/a (RSS fell during setup: a GC, not a measurement)'}`,
  ];
  console.log(`targets: ${checks.join('; ')}`);
}

async function main() {
  const runStarted = performance.now();
  console.log(
    `bench:notes  ${DELEGATES} delegates at ${TABLES} tables (${tableSize(0)} per table) + ${FACILITATORS} facilitators: ` +
      `${LAYOUT.recipients(0)} recipients per note; rates ${RATES.join(', ')}/s x${REPEAT}${LADDER.length ? `, then a ladder over ${LADDER.join(', ')}/s (${LADDER_SECONDS} s each)` : ''}; ` +
      `warm-up ${WARMUP} s, measured ${SECONDS} s; ${WORKERS} generator threads; DB_SYNC=${SYNC} DB_WRITER=${WRITER}; one server per stack for the whole run`,
  );
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average at start ${loadAvg()}`);
  console.log(
    'latencies in ms on one clock: fan-out = committed note sent by its author -> received by a recipient (tablemates: the author\n' +
      'excluded; facilitators: every note); ack = sent -> acked; CPU per note = CPU in the measured window / notes due in it',
  );
  const stacks: StackName[] = ONLY ? [ONLY as StackName] : ['world-cafe', 'ws-relay'];
  const results = new Map<StackName, StackResult>();
  for (const s of stacks) results.set(s, await runStack(s));
  const wc = results.get('world-cafe');
  const relay = results.get('ws-relay');
  const rows: Row[] = [...results.values()].flatMap((r) => [...r.fixed, ...r.ladder]);

  // per rate (and repeat): both stacks side by side
  const fixedCount = Math.max(wc?.fixed.length ?? 0, relay?.fixed.length ?? 0);
  for (let i = 0; i < fixedCount; i++) {
    const pair = [wc?.fixed[i], relay?.fixed[i]].filter((r): r is Row => r !== undefined);
    printBlock(pair[0]!.rate, pair, REPEAT > 1 ? ` run ${(i % REPEAT) + 1} of ${REPEAT}` : '');
  }
  if (LADDER.length) {
    console.log(`\n==== saturation ladder: rising rates until p99 > ${LADDER_P99} ms or anything is lost or refused ====`);
    for (const rate of LADDER) {
      const pair = [wc?.ladder.find((r) => r.rate === rate), relay?.ladder.find((r) => r.rate === rate)].filter(
        (r): r is Row => r !== undefined,
      );
      if (pair.length) printBlock(rate, pair, ` (ladder, ${LADDER_SECONDS} s)`);
    }
    for (const [s, res] of results) {
      const h = res.highest;
      console.log(
        `highest rate held, ${s}: ${h === null ? `none (failed at ${LADDER[0]}/s)` : `${h}/s${h === LADDER.at(-1) ? ' (the top of the ladder: at least this)' : ''}`}`,
      );
    }
    if (wc?.highest != null && relay?.highest != null)
      console.log(`world-cafe / relay highest rate held: ${ratio(wc.highest, relay.highest)}`);
    const limited = rows.filter((r) => generatorLimited(r) && held(r));
    if (limited.length) console.log(`note: the generator was the limit at ${limited.map((r) => `${r.stack} ${r.rate}/s`).join(', ')}`);
  }

  console.log('\nsummary');
  console.log(
    'stack       rate/s  tablemates p99  facilitators p99  ack p99  refused  missing  main ms/note  setup s  KB/socket  commit p99  loop p99  held',
  );
  for (const r of rows)
    console.log(
      `${r.stack.padEnd(10)}  ${String(r.rate).padStart(6)}  ${f(r.d.tablemates.p99).padStart(14)}  ${f(r.d.facilitators.p99).padStart(16)}  ` +
        `${f(r.d.ack.p99).padStart(7)}  ${String(r.d.refused).padStart(7)}  ${String(r.d.missing).padStart(7)}  ${f(r.mainMsPerNote, 3).padStart(12)}  ` +
        `${f((r.setup.prepareMs + r.setup.connectMs + r.setup.seatMs) / 1000, 2).padStart(7)}  ${f(r.setup.kbPerSocket).padStart(9)}  ` +
        `${(r.server ? f(r.server.commitP99Ms, 1) : '-').padStart(10)}  ${(r.server ? f(r.server.loopP99Ms, 1) : '-').padStart(8)}  ${held(r) ? 'yes' : 'NO'}${limitNote(r)}`,
    );
  printIssueTable(wc, relay);
  console.log(
    `load average at the end ${loadAvg()} (other people's jobs make latencies noisy: see "other processes" above); run took ${f((performance.now() - runStarted) / 1000, 0)} s`,
  );
  // Exit code: 1 when a fixed-rate row lost or duplicated anything (correctness, not speed).
  const fixedRows = [...results.values()].flatMap((r) => r.fixed);
  const broken = fixedRows.filter((r) => r.d.missing > 0 || r.d.duplicates > 0 || r.d.strays > 0 || r.d.phantoms > 0 || r.d.neverAcked > 0);
  if (broken.length) console.log(`INCOMPLETE deliveries in: ${broken.map((r) => `${r.stack} ${r.rate}/s`).join(', ')}`);
  process.exitCode = broken.length ? 1 : 0;
}

await main();
process.exit();
