/**
 * Cluster benchmark (issue 9): `npm run bench:cluster [-- flags]`, `--help` for the flags.
 *
 * The same load as bench/notes.ts (D delegates seated at T tables, F facilitators who receive
 * every note, note k written by delegate k % D at an aggregate rate), driven by the same
 * worker-thread generator, against these configurations in the same run, each on fresh processes:
 *   sqlite-1  one node, embedded SQLite (the default deployment; a second baseline)
 *   pg-1      one node with DATABASE_URL + REDIS_URL: the cluster's store and code path, one node
 *   pg-N      N nodes (3) on one database and one Redis, every bot on node (index % N): round-robin
 * Every PostgreSQL configuration gets its own database (CREATE DATABASE wc_bench_<random>, dropped
 * after); Redis is a private redis-server on a free port for the whole run (nobody else's nodes
 * on it). The workshop
 * is created on node 0, which therefore holds its lease and decides; the other nodes forward
 * commands to it and relay its committed batches to their own sockets.
 *
 * Fan-out is split by where the recipient's socket is: SAME-NODE (the author's node) and
 * CROSS-NODE (another node). Server CPU is summed over the nodes; PostgreSQL backends of the
 * run's database and the Redis server are reported apart.
 *
 * Then the isolation block (bench/cluster-isolation.ts, issue 15): W workshops each served from one
 * node, and the bytes every node receives from Redis per workshop channel (target: none of the
 * workshops it does not serve).
 *
 * Bounded: every wait has a timeout, the run has a deadline (--timeout), children are killed and
 * databases dropped on exit, loopback only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Measured, measureRun } from './measure.ts';
import { type Layout, type Summary, withTimeout } from './notes-stats.ts';
import { loadFlags, loadOptions, num } from './options.ts';
import { type Child, HOST, freePort, installDeadline, spawnChild, waitHealthy } from './processes.ts';
import { f, loadAvg, pct, printTable, ratio } from './report.ts';
import { prepareWorkshop } from './workshop-setup.ts';
import { type IsolationResult, printIsolation, runIsolation } from './cluster-isolation.ts';

// ------------------------------------------------------------------ options

const { values: args } = parseArgs({
  options: {
    ...loadFlags(20),
    nodes: { type: 'string', default: '3' },
    configs: { type: 'string', default: 'sqlite-1,pg-1,pg-N' },
    pg: { type: 'string', default: process.env.BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
    workshops: { type: 'string', default: '30' },
  },
  strict: true,
});

if (args.help) {
  console.log(`npm run bench:cluster -- [flags]
  --delegates 300 --tables 40 --facilitators 10   the load (delegates seated round-robin)
  --rates 300,600            aggregate notes/s, one block per rate (fresh processes and database per configuration)
  --nodes 3                  nodes of the multi-node configuration (pg-N); bots spread round-robin over them
  --configs sqlite-1,pg-1,pg-N   which configurations, in this order
  --seconds 10 --warmup 2    measured window after a warm-up; --drain 10  max seconds for late acks/deliveries
  --workers 2                load-generator threads
  --workshops 30             isolation block: W workshops on --nodes nodes, each served from one node, 300 notes/s
                             spread over them; bytes each node receives per workshop channel (0 skips the block)
  --pg URL                   PostgreSQL server for the throwaway databases (BENCH_PG_URL, else postgres://postgres@127.0.0.1:5432/postgres)
  --quick                    smoke check: 120 delegates, 16 tables, 4 facilitators, rate 300, 3 s (+1 s warm-up)
  --timeout 20               minutes for the whole run`);
  process.exit(0);
}

// everyone joins on node 0 (its JOIN limiter bounds --delegates)
const LOAD = loadOptions(args, { delegates: ['300', '120'], tables: ['40', '16'], facilitators: ['10', '4'], rates: ['300,600', '300'] });
const SHAPE = LOAD.shape;
const { delegates: DELEGATES, tables: TABLES, facilitators: FACILITATORS, capacity: CAPACITY, tableOf, tableSize } = SHAPE;
const { rates: RATES, seconds: SECONDS, warmup: WARMUP, drain: DRAIN, workers: WORKERS, timeoutMin: TIMEOUT_MIN } = LOAD;
if (RATES.length === 0) throw new Error('--rates: at least one rate');
const NODES = num('nodes', args.nodes, 2, 16);
const PG_SERVER = args.pg;
const WORKSHOPS = num('workshops', args.workshops, 0, 300);

interface Config {
  name: string;
  store: 'sqlite' | 'postgres';
  nodes: number;
}
const CONFIGS: Config[] = args.configs.split(',').map((c) => {
  switch (c.trim()) {
    case 'sqlite-1':
      return { name: 'sqlite-1', store: 'sqlite', nodes: 1 };
    case 'pg-1':
      return { name: 'pg-1', store: 'postgres', nodes: 1 };
    case 'pg-N':
    case `pg-${NODES}`:
      return { name: `pg-${NODES}`, store: 'postgres', nodes: NODES };
    default:
      throw new Error(`--configs: unknown configuration ${c} (sqlite-1, pg-1, pg-N)`);
  }
});
const ONE = CONFIGS.find((c) => c.name === 'pg-1');
const MANY = CONFIGS.find((c) => c.nodes > 1);

const layoutOf = (nodes: number): Layout => ({
  delegates: DELEGATES,
  facilitators: FACILITATORS,
  tableOf,
  recipients: SHAPE.recipients,
  nodes: { count: nodes, of: (bot) => bot % nodes },
});

// ------------------------------------------------------------------ PostgreSQL and Redis

const withDatabase = (url: string, db: string) => {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
};

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_SERVER, connectionTimeoutMillis: 5000 });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Databases this run created and has not dropped yet (dropped on any exit we get to see). */
const databases = new Set<string>();
const dropDatabase = async (name: string) => {
  await admin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  databases.delete(name);
};
installDeadline('bench:cluster', TIMEOUT_MIN, async () => {
  for (const name of [...databases]) await dropDatabase(name).catch(() => {});
});

async function createDatabase(): Promise<string> {
  const name = `wc_bench_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  await admin((c) => c.query(`CREATE DATABASE ${name}`));
  databases.add(name);
  return name;
}

/** The PostgreSQL server processes working for one database (its backends), for their CPU. */
const backendsOf = (db: string) =>
  admin(async (c) => (await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1', [db])).rows.map((r) => r.pid));

interface Redis {
  url: string;
  child: Child;
}
let redis: Redis | null = null;

/** A redis-server of this run's own (no persistence), started on first use and stopped at the end. */
async function privateRedis(): Promise<Redis> {
  if (redis) return redis;
  const port = await freePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-redis-'));
  const child = spawnChild(['--port', String(port), '--bind', HOST, '--save', '', '--appendonly', 'no', '--dir', dir], {}, 'redis-server');
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      readline.createInterface({ input: child.proc.stdout! }).on('line', (l) => /Ready to accept connections/.test(l) && resolve());
      child.proc.once('exit', (code) => reject(new Error(`redis-server exited with ${code}\n${child.output()}`)));
    }),
    10_000,
    'redis-server start',
  );
  child.proc.once('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  redis = { url: `redis://${HOST}:${port}`, child };
  return redis;
}

// ------------------------------------------------------------------ one configuration

interface Deployment {
  urls: string[];
  pids: number[];
  helperPids?: () => Promise<number[]>;
  stop(): Promise<void>;
}

async function startNode(env: Record<string, string>): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const child = spawnChild(['--import', 'tsx', 'server/src/main.ts'], { ...env, PORT: String(port), HOST, LOG_LEVEL: 'warn' });
  const url = `http://${HOST}:${port}`;
  await waitHealthy(url, child, 60_000);
  return { child, url };
}

async function deploy(config: Config, rate: number): Promise<Deployment> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'));
  const env: Record<string, string> = { DATA_DIR: dataDir, DATABASE_URL: '', REDIS_URL: '' };
  // The default per-person limit (20/s, burst 40) covers 10 notes/s per delegate; raise it only if needed.
  const perPerson = rate / DELEGATES;
  if (perPerson > 10) {
    env.RATE_LIMIT_PER_SEC = String(Math.ceil(perPerson * 2));
    env.RATE_LIMIT_BURST = String(Math.ceil(perPerson * 4));
  }
  let db: string | null = null;
  if (config.store === 'postgres') {
    db = await createDatabase();
    env.DATABASE_URL = withDatabase(PG_SERVER, db);
    env.REDIS_URL = (await privateRedis()).url;
  }
  const nodes: Array<{ child: Child; url: string }> = [];
  const stop = async () => {
    await Promise.all(nodes.map((n) => n.child.stop()));
    if (db) await dropDatabase(db);
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // the first node migrates the fresh database; the others start once it is there
    nodes.push(await startNode(env));
    nodes.push(...(await Promise.all(Array.from({ length: config.nodes - 1 }, () => startNode(env)))));
    const name = db;
    return {
      urls: nodes.map((n) => n.url),
      pids: nodes.map((n) => n.child.pid),
      helperPids: name ? async () => [...(await backendsOf(name)), redis!.child.pid] : undefined,
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

interface Row {
  config: Config;
  rate: number;
  prepareMs: number;
  m: Measured;
}

async function run(config: Config, rate: number): Promise<Row> {
  const dep = await deploy(config, rate);
  try {
    // created on node 0: node 0 holds the workshop's lease and decides for it
    const { bots, prepareMs } = await prepareWorkshop(
      dep.urls[0]!,
      { delegates: DELEGATES, facilitators: FACILITATORS, tables: TABLES, capacity: CAPACITY, tableOf },
      'Cluster bench',
    );
    const layout = layoutOf(config.nodes);
    const m = await measureRun(
      {
        stack: 'world-cafe',
        urls: dep.urls,
        bots: bots.map((b) => ({ ...b, node: layout.nodes!.of(b.index) })),
        pids: dep.pids,
        helperPids: dep.helperPids,
      },
      { rate, warmup: WARMUP, seconds: SECONDS, drain: DRAIN, workers: WORKERS, layout, tables: TABLES },
    );
    return { config, rate, prepareMs, m };
  } finally {
    await dep.stop();
  }
}

// ------------------------------------------------------------------ report

const perNote = (r: Row, cpuS: number) => (cpuS * 1000) / r.m.notesInWindow;
const serverCpu = (r: Row) => r.m.cpu.reduce((a, c) => a + c.process, 0);
const serverMain = (r: Row) => r.m.cpu.reduce((a, c) => a + c.main, 0);
const losses = (r: Row) => r.m.d.missing + r.m.d.duplicates + r.m.d.strays + r.m.d.phantoms + r.m.d.neverAcked;
const p5099 = (s: Summary) => `${f(s.p50)} / ${f(s.p99)}`;
/** The one-node reference: every recipient of pg-1 is on the author's node. */
const oneNodeP99 = (r: Row) => r.m.d.all.p99;
const machineBusy = (r: Row) => r.m.d.lag.p99 > 20;

function printBlock(rate: number, rows: Row[]) {
  const one = rows.find((r) => r.config === ONE);
  const sqlite = rows.find((r) => r.config.store === 'sqlite');
  const many = rows.find((r) => r.config === MANY);
  type Line = [string, (r: Row) => string];
  const lines: Line[] = [
    ['nodes', (r) => String(r.config.nodes)],
    [
      'setup: join + roles, connect, seat (s)',
      (r) => `${f(r.prepareMs / 1000, 1)}, ${f(r.m.setup.connectMs / 1000, 1)}, ${f(r.m.setup.seatMs / 1000, 1)}`,
    ],
    ['notes sent (measured)', (r) => `${r.m.d.sent} (${r.m.d.sentMeasured})`],
    [
      'accepted / refused overloaded / rejected / never acked',
      (r) => `${r.m.d.accepted} / ${r.m.d.refused} / ${r.m.d.rejected} / ${r.m.d.neverAcked}`,
    ],
    ['committed fan-out, every recipient p50 / p99 (ms)', (r) => p5099(r.m.d.all)],
    ['  SAME-NODE recipients p50 / p99 (ms)', (r) => p5099(r.m.d.sameNode)],
    ['  CROSS-NODE recipients p50 / p99 (ms)', (r) => (r.config.nodes > 1 ? p5099(r.m.d.crossNode) : '-')],
    ['  max (ms)', (r) => f(r.m.d.all.max)],
    // by path: node 0 decides, so an author elsewhere is forwarded through Redis, and a recipient elsewhere gets it relayed
    ...Array.from({ length: Math.max(...rows.map((r) => r.config.nodes)) }, (_, a): Line => [
      `  p99 author on node ${a} -> recipients on node 0${rows.some((r) => r.config.nodes > 1) ? ' / 1 / ...' : ''} (ms)`,
      (r) => r.m.d.byNode[a]?.fanout.map((s) => f(s.p99)).join(' / ') ?? '-',
    ]),
    ['ack p50 / p99 (ms)', (r) => p5099(r.m.d.ack)],
    ['  ack p99, authors on node 0 (deciding) / others (ms)', (r) => r.m.d.byNode.map((n) => f(n.ack.p99)).join(' / ')],
    ['delivered / owed', (r) => `${r.m.d.delivered} / ${r.m.d.owed}`],
    [
      'LOSSES: missing / duplicates / strays / phantoms',
      (r) => `${r.m.d.missing} / ${r.m.d.duplicates} / ${r.m.d.strays} / ${r.m.d.phantoms}`,
    ],
    ['server CPU per note, sum over nodes (ms)', (r) => f(perNote(r, serverCpu(r)), 3)],
    ['  main threads per note, sum (ms)', (r) => f(perNote(r, serverMain(r)), 3)],
    ['  per node, process (% of a core)', (r) => r.m.cpu.map((c) => pct(c.process / r.m.windowS)).join(' ')],
    ['PostgreSQL backends + Redis CPU per note (ms)', (r) => f(perNote(r, r.m.helperCpu), 3)],
    ['server peak RSS per node (MB)', (r) => r.m.peakRssMb.map((m) => f(m, 0)).join(' ')],
    ['generator send lag p99 (ms), event-loop use', (r) => `${f(r.m.d.lag.p99)}, ${r.m.gen.elu.map(pct).join(' ')}`],
    ['bench process / other processes CPU (% of a core)', (r) => `${pct(r.m.gen.processCpu)} / ${pct(r.m.otherCpu)}`],
    ['drain after the last send (ms)', (r) => f(r.m.drainMs, 0)],
  ];
  console.log(`\n== ${rate} notes/s (warm-up ${WARMUP} s, measured ${SECONDS} s) ==`);
  printTable(
    ['', ...rows.map((r) => r.config.name)],
    lines.map(([label, cell]) => [label, ...rows.map(cell)]),
  );
  if (many && one) {
    const base = oneNodeP99(one);
    console.log(
      `ratios, p99 against pg-1's (${f(base)} ms): ${many.config.name} CROSS-NODE ${ratio(many.m.d.crossNode.p99, base)}, ` +
        `SAME-NODE ${ratio(many.m.d.sameNode.p99, base)}, ack ${ratio(many.m.d.ack.p99, one.m.d.ack.p99)}; ` +
        `CPU per note ${ratio(serverCpu(many), serverCpu(one))}`,
    );
  }
  if (one && sqlite)
    console.log(
      `ratios, pg-1 against sqlite-1: fan-out p99 ${ratio(oneNodeP99(one), oneNodeP99(sqlite))}, ack p99 ${ratio(one.m.d.ack.p99, sqlite.m.d.ack.p99)}, CPU per note ${ratio(serverCpu(one), serverCpu(sqlite))}`,
    );
  if (many && one && rate === 300) {
    const cross = many.m.d.crossNode.p99;
    const mark = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
    console.log(
      `target: ${many.config.name} CROSS-NODE p99 ${f(cross)} ms <= 2x pg-1's p99 (${f(2 * oneNodeP99(one))} ms): ${mark(cross <= 2 * oneNodeP99(one))}`,
    );
    console.log(`target: ${many.config.name} CROSS-NODE p99 ${f(cross)} ms <= 25 ms: ${mark(cross <= 25)}`);
  }
  for (const r of rows) {
    if (Object.keys(r.m.d.otherCodes).length) console.log(`${r.config.name}: rejections ${JSON.stringify(r.m.d.otherCodes)}`);
    if (machineBusy(r))
      console.log(
        `${r.config.name}: notes left late (send lag p99 ${f(r.m.d.lag.p99)} ms): the generator waited for a CPU; latencies include that wait`,
      );
  }
}

async function main() {
  console.log(
    `bench:cluster  ${DELEGATES} delegates at ${TABLES} tables (${tableSize(0)} per table) + ${FACILITATORS} facilitators: ` +
      `${layoutOf(1).recipients(0)} recipients per note; rates ${RATES.join(', ')}/s; configurations ${CONFIGS.map((c) => c.name).join(', ')}; ` +
      `warm-up ${WARMUP} s, measured ${SECONDS} s; ${WORKERS} generator threads`,
  );
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average at start ${loadAvg()}`);
  if (MANY && TABLES % MANY.nodes === 0)
    console.log(
      `note: --tables ${TABLES} is a multiple of --nodes ${MANY.nodes}: every table's delegates share one node (only facilitators are cross-node)`,
    );
  console.log(
    'latencies in ms on one clock: fan-out = committed note sent by its author -> received by a recipient (the author excluded);\n' +
      "SAME-NODE = the recipient's socket is on the author's node, CROSS-NODE = on another node; the workshop was created on node 0,\n" +
      'which decides for it; ack = sent -> acked; CPU per note = CPU in the measured window / notes due in it',
  );
  const rows: Row[] = [];
  for (const rate of RATES) {
    const block: Row[] = [];
    for (const config of CONFIGS) {
      const started = performance.now();
      block.push(await run(config, rate));
      process.stderr.write(
        `  ${config.name} @ ${rate}/s done in ${f((performance.now() - started) / 1000)} s (load average ${loadAvg()})\n`,
      );
    }
    printBlock(rate, block);
    rows.push(...block);
  }
  let isolation: IsolationResult | null = null;
  if (WORKSHOPS > 0) {
    const started = performance.now();
    isolation = await runIsolation(
      {
        startNode: async (env) => {
          const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-bench-'));
          const n = await startNode({ DATA_DIR: dataDir, ...env });
          return {
            url: n.url,
            stop: async () => {
              await n.child.stop();
              fs.rmSync(dataDir, { recursive: true, force: true });
            },
          };
        },
        database: async () => {
          const name = await createDatabase();
          return { url: withDatabase(PG_SERVER, name), drop: () => dropDatabase(name) };
        },
        redisUrl: (await privateRedis()).url,
      },
      { nodes: NODES, workshops: WORKSHOPS, delegates: 4, rate: 300, seconds: args.quick ? 3 : SECONDS },
    );
    process.stderr.write(`  isolation done in ${f((performance.now() - started) / 1000)} s (load average ${loadAvg()})\n`);
    printIsolation(isolation);
  }
  console.log('\nsummary');
  printTable(
    ['config', 'rate/s', 'same p50/p99', 'cross p50/p99', 'ack p99', 'losses', 'CPU ms/note', 'PG+Redis ms/note'],
    rows.map((r) => [
      r.config.name,
      String(r.rate),
      p5099(r.m.d.sameNode),
      r.config.nodes > 1 ? p5099(r.m.d.crossNode) : '-',
      f(r.m.d.ack.p99),
      String(losses(r)),
      f(perNote(r, serverCpu(r)), 3),
      f(perNote(r, r.m.helperCpu), 3),
    ]),
  );
  console.log(`load average at the end ${loadAvg()} (other people's jobs make latencies noisy: see "other processes" above)`);
  const broken = rows.filter((r) => losses(r) > 0).map((r) => `${r.config.name} ${r.rate}/s`);
  if (isolation && isolation.missing > 0) broken.push('isolation');
  if (isolation && isolation.missing + isolation.rejected > 0) broken.push('isolation');
  if (broken.length) console.log(`INCOMPLETE deliveries in: ${broken.join(', ')}`);
  process.exitCode = broken.length ? 1 : 0;
}

try {
  await main();
} finally {
  // (assigned inside privateRedis(), which the compiler does not follow)
  await (redis as Redis | null)?.child.stop();
  for (const name of [...databases]) await dropDatabase(name).catch(() => {});
}
process.exit();
