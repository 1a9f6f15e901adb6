// The chaos suite (`npm run test:chaos`): three real nodes on a private PostgreSQL and a private
// Redis, each node behind its own TCP proxy to each service; clients that keep full logs; a seeded
// nemesis that kills nodes (the owner, another, at the round's deadline, during a takeover), stops
// the services and cuts one node off one of them; a checker over the clients' logs and the database.
//   npm run test:chaos                  200 trials (CHAOS_TRIALS), a random seed (printed)
//   npm run test:chaos -- --short       10 trials, for CI (under 5 minutes)
//   CHAOS_SEED=123 CHAOS_TRIALS=5 npm run test:chaos   replays trials 0..4 of seed 123
//   CHAOS_FROM=37 ...                  starts at trial 37 (replay one failing trial)
//   CHAOS_FAULTS=cut-node-postgres,... draws the faults from these kinds only (aim at one mechanism)
// Exits 1 on the first trial with a violation (and prints its logs' summary), else 0.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { createWorkshop, join } from '../helpers/bots';
import { startPrivatePostgres, freePort, type PrivatePostgres } from '../helpers/postgres';
import { startPrivateRedis, type PrivateRedis } from '../helpers/cluster';
import { ROOT, tempDataDir } from '../helpers/server';
import { ServiceProxy } from './proxy';
import { ChaosClient, sleep } from './client';
import { type FaultMark, type LogRow, type Violation, check, resumeTimes, settled } from './checker';

const args = process.argv.slice(2);
const SHORT = args.includes('--short') || process.env.CHAOS_SHORT === '1';
const TRIALS = Number(process.env.CHAOS_TRIALS ?? (SHORT ? 10 : 200));
const SEED = Number(process.env.CHAOS_SEED ?? Math.floor(Math.random() * 2 ** 31));
const FROM = Number(process.env.CHAOS_FROM ?? 0);
const NODES = 3;
const ROUND_SECONDS = 10;
const OUT = path.join(ROOT, 'test-output', 'chaos');

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ------------------------------------------------------------------------------------------ nodes

interface Node {
  index: number;
  port: number;
  dataDir: string;
  pgProxy: ServiceProxy;
  redisProxy: ServiceProxy;
  proc: ChildProcess | null;
  url: string | null;
  /** Workshops this node says it decides for (from its lease log lines). */
  owns: Set<string>;
  logFile: fs.WriteStream;
  restarting: Promise<void> | null;
}

async function startNode(n: Node): Promise<void> {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: String(n.port),
      HOST: '127.0.0.1',
      DATA_DIR: n.dataDir,
      DATABASE_URL: `postgres://postgres@127.0.0.1:${n.pgProxy.port}/postgres`,
      REDIS_URL: `redis://127.0.0.1:${n.redisProxy.port}`,
      RATE_LIMIT_PER_SEC: '100000',
      RATE_LIMIT_BURST: '100000',
      LOG_LEVEL: 'info',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  n.proc = proc;
  n.owns = new Set();
  proc.stderr.on('data', (d) => n.logFile.write(`[stderr] ${String(d)}`));
  await new Promise<void>((resolve, reject) => {
    // generous: on a loaded 2-core machine a node's boot (tsx) can take a minute
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`node ${n.index} did not start`));
    }, 180_000);
    readline.createInterface({ input: proc.stdout }).on('line', (line) => {
      n.logFile.write(`${line}\n`);
      let msg: { msg?: string; workshopId?: string; workshopIds?: string[] };
      try {
        msg = JSON.parse(line);
      } catch {
        return;
      }
      if (msg.msg === 'World Café is listening') {
        clearTimeout(timer);
        n.url = `http://127.0.0.1:${n.port}`;
        resolve();
      } else if (msg.msg?.includes('lease won') && msg.workshopId) n.owns.add(msg.workshopId);
      else if (msg.msg?.includes('lease released') && msg.workshopId) n.owns.delete(msg.workshopId);
      else if (msg.msg?.includes('leases lost')) for (const w of msg.workshopIds ?? []) n.owns.delete(w);
    });
    proc.once('exit', () => {
      clearTimeout(timer);
      if (n.proc === proc) {
        n.proc = null;
        n.url = null;
      }
      reject(new Error(`node ${n.index} exited`));
    });
  });
}

async function killNode(n: Node) {
  const p = n.proc;
  if (!p) return;
  n.url = null;
  n.proc = null;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill('SIGKILL');
  await exited;
}

// ------------------------------------------------------------------------------------------ nemesis

const FAULT_KINDS = [
  'kill-owner',
  'kill-other',
  'kill-owner-at-deadline',
  'kill-owner-before-deadline',
  'kill-owner-during-rotation',
  'kill-during-takeover',
  'stop-redis',
  'stop-postgres',
  'cut-node-redis',
  'cut-node-postgres',
  'pause-node-redis',
  'pause-node-postgres',
] as const;
type FaultKind = (typeof FAULT_KINDS)[number];

/** The kinds the nemesis draws from: all, or CHAOS_FAULTS (a comma-separated subset). */
const DRAWN_KINDS: readonly FaultKind[] = (() => {
  const wanted = process.env.CHAOS_FAULTS?.split(',')
    .map((k) => k.trim())
    .filter(Boolean);
  if (!wanted?.length) return FAULT_KINDS;
  const unknown = wanted.filter((k) => !(FAULT_KINDS as readonly string[]).includes(k));
  if (unknown.length > 0) throw new Error(`CHAOS_FAULTS: unknown kind(s) ${unknown.join(', ')}; known: ${FAULT_KINDS.join(', ')}`);
  return wanted as FaultKind[];
})();

interface Env {
  nodes: Node[];
  pgServer: PrivatePostgres;
  redis: PrivateRedis;
  pgProxies: ServiceProxy[];
}

function ownerOf(env: Env, workshopId: string): Node | undefined {
  return env.nodes.find((n) => n.url && n.owns.has(workshopId));
}

async function waitOwner(env: Env, workshopId: string, not: Node | undefined, ms: number): Promise<Node | undefined> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const o = ownerOf(env, workshopId);
    if (o && o !== not) return o;
    await sleep(20);
  }
  return undefined;
}

/** Set when the run tears its nodes down: a restart still waiting then starts nothing. */
let stopping = false;

/** Restarts a killed node after `ms`, in the background (trials go on meanwhile). */
function restartLater(env: Env, n: Node, ms: number): Promise<void> {
  n.restarting = sleep(ms)
    .then(() => (stopping ? undefined : startNode(n)))
    .catch((err) => {
      // a node booting while the run tears everything down exits with its services: not a finding
      if (!stopping) console.error(`restart of node ${n.index} failed: ${(err as Error).message}`);
    })
    .finally(() => {
      n.restarting = null;
    });
  return n.restarting;
}

/** Kills the nemesis chose but skipped (only one node was up). */
const faultsSkipped: string[] = [];

async function injectFault(
  env: Env,
  kind: FaultKind,
  workshopId: string,
  random: () => number,
  marks: FaultMark[],
  background: Promise<void>[],
) {
  const pick = <T>(xs: T[]) => xs[Math.floor(random() * xs.length)]!;
  // up = listening (a restarted node counts once it serves, not while it boots)
  const liveNodes = () => env.nodes.filter((n) => n.url);
  const kill = async (n: Node | undefined, label: string) => {
    const restartIn = 800 + Math.floor(random() * 1500); // drawn first: a skipped kill draws the same
    // never the last live node: "writes resume" needs somewhere to write (restarts are slow on a
    // loaded machine, so a second kill could otherwise find every node down)
    if (!n || !n.url || liveNodes().length < 2) return void faultsSkipped.push(label);
    await killNode(n);
    marks.push({ kind: label, from: Date.now() });
    background.push(restartLater(env, n, restartIn));
  };
  switch (kind) {
    case 'kill-owner':
    case 'kill-owner-at-deadline':
    case 'kill-owner-before-deadline':
    case 'kill-owner-during-rotation':
      return kill(ownerOf(env, workshopId) ?? pick(liveNodes()), kind);
    case 'kill-other': {
      const owner = ownerOf(env, workshopId);
      return kill(pick(liveNodes().filter((n) => n !== owner)), kind);
    }
    case 'kill-during-takeover': {
      const owner = ownerOf(env, workshopId);
      await kill(owner ?? pick(liveNodes()), kind);
      // the next owner, as soon as it has won the lease (mid-takeover: loading the log, re-arming)
      const next = await waitOwner(env, workshopId, owner, 4000);
      await sleep(Math.floor(random() * 150));
      return kill(next, `${kind}: second`);
    }
    case 'stop-redis': {
      await env.redis.stop();
      await sleep(1000 + Math.floor(random() * 2000));
      await env.redis.start();
      for (const n of env.nodes) n.redisProxy.dropAll();
      return void marks.push({ kind, from: Date.now() });
    }
    case 'stop-postgres': {
      await env.pgServer.stop();
      await sleep(1000 + Math.floor(random() * 1500));
      await env.pgServer.start();
      return void marks.push({ kind, from: Date.now() });
    }
    case 'cut-node-redis':
    case 'cut-node-postgres':
    case 'pause-node-redis':
    case 'pause-node-postgres': {
      // the owner half of the time (its workshops must move), any node otherwise
      const owner = random() < 0.5 ? ownerOf(env, workshopId) : undefined;
      const n = owner ?? pick(liveNodes());
      const proxy = kind.endsWith('redis') ? n.redisProxy : n.pgProxy;
      // The only node up (the others still restarting after a kill) cut off PostgreSQL is, for the
      // cluster, PostgreSQL down: nobody can write until the heal, as after stop-postgres. The same
      // rule keeps kills off the last live node.
      const alone = kind.endsWith('postgres') && liveNodes().length === 1;
      const label = `${kind}${owner ? ' (owner)' : ''}${alone ? ' (only node up)' : ''}`;
      if (kind.startsWith('cut')) proxy.cut();
      else proxy.pause();
      // a cut (connections reset) lets the others take over at once; a pause (a hang) holds the
      // node's lease session open, so writes to the workshops it decides for wait for the heal
      const atHeal = kind.startsWith('pause') || alone;
      if (!atHeal) marks.push({ kind: label, from: Date.now() });
      await sleep(1500 + Math.floor(random() * 1500));
      proxy.heal();
      if (atHeal) marks.push({ kind: label, from: Date.now() });
      return;
    }
    default:
      return ((k: never) => k)(kind);
  }
}

// ------------------------------------------------------------------------------------------ trial

interface TrialResult {
  violations: Violation[];
  faults: FaultKind[];
  /** Per fault mark: ms until a write was acknowledged again. */
  resumed: Array<{ kind: string; ms: number | null }>;
  notes: number;
  head: number;
  ms: number;
}

async function readLog(url: string, workshopId: string): Promise<LogRow[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT seq, at, by, scope, op_key, body FROM events WHERE workshop_id = $1 ORDER BY seq', [workshopId]);
    return rows.map((r) => ({ seq: Number(r.seq), at: Number(r.at), by: r.by, scope: r.scope, opKey: r.op_key, e: JSON.parse(r.body) }));
  } finally {
    await c.end();
  }
}

async function liveUrl(env: Env): Promise<string> {
  for (;;) {
    const n = env.nodes.find((x) => x.url);
    if (n) return n.url!;
    await sleep(100);
  }
}

/** Setup calls (HTTP) may meet a node still recovering from the last trial's fault: retry a while. */
async function retry<T>(fn: () => Promise<T>, ms = 15_000): Promise<T> {
  for (const until = Date.now() + ms; ;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() > until) throw err;
      await sleep(300);
    }
  }
}

let opSeq = 0;
const op = (p: string) => `${p}-${process.pid}-${(opSeq++).toString(36)}-${Math.random().toString(36).slice(2, 7)}`;

async function runTrial(env: Env, trial: number): Promise<TrialResult> {
  // Two streams: the nemesis draws only from its own, so a replay injects the same faults at the
  // same moments whatever the clients drew meanwhile (their draws depend on timing: how many notes
  // got written, when connections dropped).
  const random = mulberry32(SEED + trial * 7919);
  const clientRandom = mulberry32((SEED ^ 0x5bd1e995) + trial * 7919);
  const started = Date.now();
  const urls = () => env.nodes.map((n) => n.url);
  const base = await liveUrl(env);
  const ws = await retry(() => createWorkshop(base));
  const clients: ChaosClient[] = [];
  // two facilitator connections (same person, two nodes) and six delegates, two per node
  clients.push(new ChaosClient('fac-a', ws.participantId, ws.facilitatorKey, urls, 0, clientRandom));
  clients.push(new ChaosClient('fac-b', ws.participantId, ws.facilitatorKey, urls, 1, clientRandom));
  const delegates: Array<{ client: ChaosClient; table: string }> = [];
  for (let i = 0; i < 6; i++) {
    const joined = await retry(() => join(base, ws.joinCode, `D${i}`));
    const client = new ChaosClient(`d${i}`, joined.participantId, joined.token, urls, i % NODES, clientRandom);
    clients.push(client);
    delegates.push({ client, table: i % 2 === 0 ? 't1' : 't2' });
  }
  for (const c of clients) c.start();
  const fac = clients[0]!;
  const setupDeadline = Date.now() + 30_000;
  const must = async (c: ChaosClient, cmd: Parameters<ChaosClient['sendSurely']>[0]) => {
    const ack = await c.sendSurely(cmd, setupDeadline);
    if (!ack?.ok) throw new Error(`setup command ${cmd.type} failed: ${JSON.stringify(ack)}`);
  };
  await Promise.all(
    delegates.map((d) =>
      must(d.client, { type: 'seat:assign', clientOpId: op('seat'), participantId: d.client.participantId, tableId: d.table }),
    ),
  );
  await must(fac, { type: 'cafe:configure', clientOpId: op('cfg'), rounds: 2, roundSeconds: ROUND_SECONDS, autoRotate: true });
  await must(fac, { type: 'workshop:set-phase', clientOpId: op('ph'), phase: 'cafe' });
  const startedRoundAt = Date.now();
  await must(fac, { type: 'round:start', clientOpId: op('start') });
  const deadline = startedRoundAt + ROUND_SECONDS * 1000; // within the ack's latency of endsAt

  // writers: every delegate streams notes at its table until told to stop
  let stop = false;
  const writing = delegates.map(async (d, i) => {
    let table = d.table;
    for (let k = 0; !stop; k++) {
      const noteId = `n${trial}-${i}-${k}`;
      const ack = await d.client.sendSurely(
        { type: 'note:create', clientOpId: op(`note-${i}`), noteId, tableId: table, text: `note ${k}`, color: 'yellow', x: 0, y: 0 },
        Date.now() + 20_000,
      );
      // the rotation moved this delegate: write at the other table from now on
      if (ack && !ack.ok) table = table === 't1' ? 't2' : 't1';
      await sleep(40 + Math.floor(clientRandom() * 120));
    }
  });

  // the nemesis: one or two faults, at a random moment or aligned with the round's deadline
  const faults: FaultKind[] = [];
  const marks: FaultMark[] = [];
  const background: Promise<void>[] = [];
  const count = random() < 0.3 ? 2 : 1;
  for (let f = 0; f < count; f++) {
    const kind = DRAWN_KINDS[Math.floor(random() * DRAWN_KINDS.length)]!;
    faults.push(kind);
    const at =
      kind === 'kill-owner-at-deadline'
        ? deadline
        : kind === 'kill-owner-before-deadline'
          ? deadline - 400
          : kind === 'kill-owner-during-rotation'
            ? deadline + 5 + Math.floor(random() * 40)
            : Date.now() + 500 + Math.floor(random() * (f === 0 ? 9000 : 3000));
    await sleep(Math.max(0, at - Date.now()));
    await injectFault(env, kind, ws.workshopId, random, marks, background);
  }
  // writes go on past the deadline and the last fault, then stop
  const lastMark = marks.reduce((m, f) => Math.max(m, f.from), 0);
  await sleep(Math.max(deadline + 1500, lastMark + 5200) - Date.now());
  stop = true;
  await Promise.all(writing);
  const trialEnd = Date.now();

  // settle: every connected client catches up with the log (or a deadline passes)
  let log = await readLog(env.pgServer.url, ws.workshopId);
  for (const until = Date.now() + 15_000; Date.now() < until;) {
    log = await readLog(env.pgServer.url, ws.workshopId);
    const ended = log.some((r) => r.e.type === 'round:rotated');
    if (ended && clients.every((c) => c.synced) && settled(log, clients)) break;
    await sleep(250);
  }
  for (const c of clients) c.close();
  const violations = check(log, clients, marks, { trialEnd, roundDue: true });
  if (violations.length > 0) {
    fs.mkdirSync(OUT, { recursive: true });
    const file = path.join(OUT, `trial-${SEED}-${trial}.json`);
    fs.writeFileSync(
      file,
      JSON.stringify(
        {
          seed: SEED,
          trial,
          workshopId: ws.workshopId,
          faults,
          marks,
          violations,
          log,
          clients: clients.map((c) => ({
            name: c.name,
            participantId: c.participantId,
            conns: c.conns,
            frames: c.frames.map(({ ...f }) => ('envelopes' in f ? { ...f, envelopes: undefined } : f)),
            commands: c.commands,
          })),
        },
        null,
        1,
      ),
    );
    console.log(`  logs of the failing trial: ${file}`);
  }
  const resumed = resumeTimes(marks, clients).map(({ kind, ms }) => ({ kind, ms }));
  return {
    violations,
    faults,
    resumed,
    notes: log.filter((r) => r.e.type === 'note:created').length,
    head: log.length,
    ms: Date.now() - started,
  };
}

// ------------------------------------------------------------------------------------------ main

async function main() {
  console.log(
    `chaos: seed ${SEED}, trials ${FROM}..${FROM + TRIALS - 1}${SHORT ? ' (short)' : ''}; replay with CHAOS_SEED=${SEED} CHAOS_FROM=<trial> CHAOS_TRIALS=1`,
  );
  fs.mkdirSync(OUT, { recursive: true });
  const pgServer = await startPrivatePostgres();
  const redis = await startPrivateRedis();
  const nodes: Node[] = [];
  const cleanup = async () => {
    stopping = true;
    // a restart under way finishes (or fails) before the kill, so no node starts after it
    await Promise.allSettled(nodes.flatMap((n) => (n.restarting ? [n.restarting] : [])));
    for (const n of nodes) await killNode(n).catch(() => {});
    for (const n of nodes) {
      await n.pgProxy.close().catch(() => {});
      await n.redisProxy.close().catch(() => {});
    }
    await redis.stop().catch(() => {});
    await pgServer.destroy().catch(() => {});
  };
  let failed = false;
  let passed = 0;
  let t0 = Date.now();
  const byKind = new Map<string, number>();
  /** Faults actually injected (a kill with one node up is skipped), by kind and target. */
  const injected = new Map<string, number>();
  /** Slowest resume of writes seen per fault mark kind (the margin under RESUME_WITHIN_MS). */
  const slowest = new Map<string, number>();
  const summary = () => {
    console.log(`chaos: ${passed} trial(s) passed in a row in ${((Date.now() - t0) / 60000).toFixed(1)} min, seed ${SEED}`);
    console.log(`faults drawn by kind: ${[...byKind].map(([k, n]) => `${k}=${n}`).join(', ')}`);
    const total = [...injected.values()].reduce((a, b) => a + b, 0);
    console.log(
      `faults injected by kind (${total}): ${[...injected]
        .sort()
        .map(([k, n]) => `${k}=${n}`)
        .join(', ')}`,
    );
    console.log(`slowest resume of writes by fault: ${[...slowest].map(([k, ms]) => `${k}=${ms}ms`).join(', ')}`);
    console.log(`kills skipped because only one node was up: ${faultsSkipped.length} (${faultsSkipped.join(', ')})`);
  };
  // a long run stopped by hand (Ctrl-C, a deadline) still reports what it ran
  process.on('SIGINT', () => {
    console.log('chaos: interrupted (the trial under way is not counted)');
    summary();
    void cleanup().then(() => process.exit(130));
  });
  try {
    for (let i = 0; i < NODES; i++) {
      const pgProxy = new ServiceProxy(pgServer.port);
      const redisProxy = new ServiceProxy(redis.port);
      await pgProxy.listen();
      await redisProxy.listen();
      const n: Node = {
        index: i,
        port: await freePort(),
        dataDir: tempDataDir('wc-chaos-'),
        pgProxy,
        redisProxy,
        proc: null,
        url: null,
        owns: new Set(),
        restarting: null,
        logFile: fs.createWriteStream(path.join(OUT, `node-${i}.log`), { flags: 'a' }),
      };
      nodes.push(n);
    }
    // the first node migrates the schema; then the others
    await retry(() => startNode(nodes[0]!), 600_000);
    await Promise.all(nodes.slice(1).map((n) => retry(() => startNode(n), 600_000)));
    const env: Env = { nodes, pgServer, redis, pgProxies: nodes.map((n) => n.pgProxy) };
    t0 = Date.now();
    for (let t = FROM; t < FROM + TRIALS; t++) {
      // a node still down (its restart failed) starts again in the background
      for (const n of nodes) if (!n.proc && !n.restarting) void restartLater(env, n, 0);
      // a trial that cannot even be set up (a setup command never acknowledged) is a failure of
      // the system under test too: report it like a violation, with the seed to replay it
      const r = await runTrial(env, t).catch((err: Error): TrialResult => ({
        violations: [{ kind: 'setup', detail: err.message }],
        faults: [],
        resumed: [],
        notes: 0,
        head: 0,
        ms: 0,
      }));
      for (const k of r.faults) byKind.set(k, (byKind.get(k) ?? 0) + 1);
      const status = r.violations.length === 0 ? 'ok' : 'FAIL';
      console.log(
        `trial ${t}: ${status} faults=[${r.faults.join(', ')}] events=${r.head} notes=${r.notes} resumed=[${r.resumed.map((x) => `${x.kind} ${x.ms ?? 'never'}ms`).join(', ')}] ${(r.ms / 1000).toFixed(1)}s`,
      );
      for (const x of r.resumed) injected.set(x.kind, (injected.get(x.kind) ?? 0) + 1);
      for (const x of r.resumed) if (x.ms !== null) slowest.set(x.kind, Math.max(slowest.get(x.kind) ?? 0, x.ms));
      if (r.violations.length > 0) {
        for (const v of r.violations.slice(0, 20)) console.log(`  ${v.kind}: ${v.detail}`);
        failed = true;
        break;
      }
      passed++;
    }
    summary();
  } finally {
    await cleanup();
  }
  process.exit(failed ? 1 : 0);
}

await main();
