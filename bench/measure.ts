// One measured run of a load benchmark (bench/notes.ts, bench/cluster.ts), whatever is behind the
// URLs: the generator connects and seats every bot (timed), then sends the note schedule, samples
// the CPU of the given processes over the measured window, drains the late acks and deliveries
// (bounded) and folds the workers' logs into delivery figures.
import { Generator } from './generator.ts';
import { type Delivery, type Layout, analyse, cpuOf, machineBusySeconds, rssOf, writeSyscallsOf } from './notes-stats.ts';
import type { BotSpec, Progress, RunPlan, SetupStep, StackName, WorkerLog } from './notes-wire.ts';
import { now, sleep } from './processes.ts';

export interface RunTarget {
  stack: StackName;
  /** What the generator connects to; a bot uses urls[bot.node ?? 0]. */
  urls: string[];
  bots: BotSpec[];
  /** The server processes (their CPU and memory are reported one by one). */
  pids: number[];
  /** Other processes serving the run (database backends, Redis), asked for when the measured window opens. */
  helperPids?: () => Promise<number[]>;
}

export interface RunOptions {
  rate: number;
  warmup: number;
  seconds: number;
  /** Max seconds to wait for late acks and deliveries. */
  drain: number;
  workers: number;
  layout: Layout;
  /** Tables of the layout (the recipients of a note depend on its table). */
  tables: number;
}

export interface Setup {
  connectMs: number;
  seatMs: number;
  /** seat:assign refused as `overloaded` and retried. */
  seatRefusals: number;
  /** Server main-thread CPU seconds spent connecting, and seating (sum over the servers): less noisy than the wall times. */
  connectCpuS: number;
  seatCpuS: number;
  /** CPU seconds of the busiest generator thread while connecting, and seating (is the generator the limit?). */
  genConnectCpuS: number;
  genSeatCpuS: number;
  /** Sum over the server processes. */
  rssBeforeMb: number;
  rssAfterMb: number;
}

export interface GenFigures {
  elu: number[];
  cpu: number[];
  /** This whole process (conductor + workers), % of one core. */
  processCpu: number;
}

export interface Measured {
  setup: Setup;
  d: Delivery;
  /** Notes due in the measured window. */
  notesInWindow: number;
  windowS: number;
  /** CPU seconds in the window, per server process: main thread and whole process. */
  cpu: Array<{ main: number; process: number }>;
  /** CPU seconds in the window of the helper processes (NaN when there are none). */
  helperCpu: number;
  peakRssMb: number[];
  gen: GenFigures;
  /** Other processes on the machine, % of one core. */
  otherCpu: number;
  drainMs: number;
  /** Write-type syscalls of the server processes in the window (NaN where /proc/PID/io is unreadable). */
  writeSyscalls: number;
}

const rssSum = (pids: number[]) => pids.reduce((a, pid) => a + rssOf(pid).rssMb, 0);
const processCpu = (pids: number[]) => pids.map((pid) => cpuOf(pid).process);
const mainCpu = (pids: number[]) => pids.reduce((a, pid) => a + cpuOf(pid).main, 0);

/** A generator whose bots are connected and seated on `target`, ready for any number of measured rates. */
export interface Prepared {
  gen: Generator;
  setup: Setup;
  target: RunTarget;
  /** Note ids used so far on this server (each run takes fresh ones). */
  idsUsed: number;
}

/** Connects, then seats, every socket (timed); memory of the servers before and after. */
export async function setupRun(target: RunTarget, o: Pick<RunOptions, 'workers'>): Promise<Prepared> {
  const gen = await Generator.start(o.workers);
  try {
    await sleep(300);
    const rssBeforeMb = rssSum(target.pids);
    const mainBefore = mainCpu(target.pids);
    let t = now();
    const connected = await gen.all<SetupStep>(
      (w) => ({ type: 'connect', stack: target.stack, urls: target.urls, bots: target.bots.filter((b) => b.index % o.workers === w) }),
      120_000,
    );
    const connectMs = now() - t;
    const connectCpuS = mainCpu(target.pids) - mainBefore;
    t = now();
    const seated = await gen.all<SetupStep>(() => ({ type: 'seat' }), 120_000);
    const seatMs = now() - t;
    const seatCpuS = mainCpu(target.pids) - mainBefore - connectCpuS;
    await sleep(1000); // idle: let the setup's garbage and buffers settle
    const setup: Setup = {
      connectMs,
      seatMs,
      connectCpuS,
      seatCpuS,
      seatRefusals: seated.reduce((a, s) => a + (s.refusals ?? 0), 0),
      genConnectCpuS: Math.max(...connected.map((s) => s.cpuMs)) / 1000,
      genSeatCpuS: Math.max(...seated.map((s) => s.cpuMs)) / 1000,
      rssBeforeMb,
      rssAfterMb: rssSum(target.pids),
    };
    return { gen, setup, target, idsUsed: 0 };
  } catch (err) {
    await gen.stop();
    throw err;
  }
}

/** One measured rate on a prepared run (the server and its connected bots stay as they are). */
export async function measureRate(prepared: Prepared, o: RunOptions): Promise<Measured> {
  const { gen, target, setup } = prepared;
  {
    // ---- the schedule
    const total = Math.round(o.rate * (o.warmup + o.seconds));
    const start = now() + 200;
    const measureFrom = start + o.warmup * 1000;
    const measuredFrom = Math.ceil(o.warmup * o.rate);
    const plan: RunPlan = {
      rate: o.rate,
      start,
      total,
      delegates: o.layout.delegates,
      measureFrom,
      recipients: Array.from({ length: o.tables }, (_, t) => o.layout.recipients(t)),
      idBase: prepared.idsUsed,
    };
    prepared.idsUsed += total;
    const running = gen.all(() => ({ type: 'run', plan }), (o.warmup + o.seconds + 60) * 1000);
    await sleep(measureFrom - now());
    const helpers = (await target.helperPids?.().catch(() => [])) ?? [];
    const cpu0 = target.pids.map(cpuOf);
    const syscw0 = target.pids.reduce((a, pid) => a + writeSyscallsOf(pid), 0);
    const helper0 = processCpu(helpers);
    const box0 = machineBusySeconds();
    const me0 = process.cpuUsage();
    const w0 = now();
    await running;
    const windowS = (now() - w0) / 1000;
    const writeSyscalls = target.pids.reduce((a, pid) => a + writeSyscallsOf(pid), 0) - syscw0;
    const cpu = target.pids.map((pid, i) => {
      const c = cpuOf(pid);
      return { main: c.main - cpu0[i]!.main, process: c.process - cpu0[i]!.process };
    });
    // a helper gone meanwhile (a closed database connection) counts for nothing rather than NaN
    const helperCpu = helpers.length
      ? processCpu(helpers).reduce((a, c, i) => a + (Number.isFinite(c - helper0[i]!) ? c - helper0[i]! : 0), 0)
      : NaN;
    const me = process.cpuUsage(me0);
    const meCpu = (me.user + me.system) / 1e6 / windowS;
    const servedCpu = (cpu.reduce((a, c) => a + c.process, 0) + (Number.isFinite(helperCpu) ? helperCpu : 0)) / windowS;
    const otherCpu = Math.max(0, (machineBusySeconds() - box0) / windowS - servedCpu - meCpu);

    // ---- drain: every ack, and every receipt owed (bounded)
    const sendEnd = now();
    while (now() < sendEnd + o.drain * 1000) {
      const ps = await gen.all<Progress>(() => ({ type: 'progress' }), 10_000);
      const outstanding = ps.reduce((a, p) => a + p.outstanding, 0);
      const owed = ps.reduce((a, p) => a + p.owed, 0);
      const received = ps.reduce((a, p) => a + p.received, 0);
      if (outstanding === 0 && received >= owed) break;
      await sleep(50);
    }
    const drainMs = now() - sendEnd;
    await sleep(200); // late duplicates would show up here
    const logs = await gen.all<WorkerLog>(() => ({ type: 'collect' }), 30_000);
    return {
      setup,
      d: analyse(logs, o.layout, total, measuredFrom),
      notesInWindow: total - measuredFrom,
      windowS,
      cpu,
      helperCpu,
      peakRssMb: target.pids.map((pid) => rssOf(pid).peakMb),
      gen: { elu: logs.map((l) => l.elu), cpu: logs.map((l) => l.cpuMs / l.windowMs), processCpu: meCpu },
      otherCpu,
      drainMs,
      writeSyscalls,
    };
  }
}

/** Setup and one measured rate on a fresh generator (bench/cluster.ts): what setupRun + measureRate do. */
export async function measureRun(target: RunTarget, o: RunOptions): Promise<Measured> {
  const prepared = await setupRun(target, o);
  try {
    return await measureRate(prepared, o);
  } finally {
    await prepared.gen.stop();
  }
}
