// Child processes and small I/O helpers shared by the load benchmarks (bench/notes.ts,
// bench/cluster.ts): every child is tracked and SIGKILLed when the bench exits however it exits,
// the whole run has a deadline, and everything listens on loopback only.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '..');
export const HOST = '127.0.0.1';
/** One clock across the worker threads of this process (see notes-wire.ts). */
export const now = () => performance.timeOrigin + performance.now();
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/**
 * Stops the bench after `minutes` (exit code 2) and on SIGINT/SIGTERM; the exit hook above kills the
 * children. `cleanup` runs first, bounded, for what a SIGKILL does not undo (databases).
 */
export function installDeadline(name: string, minutes: number, cleanup: () => Promise<void> = async () => {}) {
  let leaving = false;
  const leave = async (code: number, why?: string) => {
    if (leaving) return;
    leaving = true;
    if (why) console.error(why);
    for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await Promise.race([cleanup().catch(() => {}), sleep(10_000)]);
    process.exit(code);
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void leave(130));
  setTimeout(() => void leave(2, `${name}: still running after --timeout ${minutes} min; stopping`), minutes * 60_000).unref();
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface Child {
  proc: ChildProcess;
  pid: number;
  output: () => string;
  stop(): Promise<void>;
}

/** A child process of this bench (node with `nodeArgs`, or `command` when given). */
export function spawnChild(nodeArgs: string[], env: Record<string, string>, command = process.execPath): Child {
  // stdin is a pipe the child may watch: it closes when this process dies, however it dies
  const proc = spawn(command, nodeArgs, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  children.add(proc);
  let tail = '';
  const keep = (d: Buffer) => {
    tail = (tail + String(d)).slice(-4000);
  };
  proc.stderr.on('data', keep);
  // stdout too: a pipe nobody reads fills at 64 KB and then blocks the child's next write (on Linux
  // a child's stdout pipe is synchronous), which would stall the server under test
  proc.stdout.on('data', keep);
  if (process.env.BENCH_CHILD_LOG) {
    const log = fs.createWriteStream(`${process.env.BENCH_CHILD_LOG}.${proc.pid}`);
    proc.stdout.pipe(log);
  }
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  void exited.then(() => children.delete(proc));
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

/** Until the node is ready (not only alive: a node waiting for its database already answers /api/health). */
export async function waitHealthy(url: string, child: Child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.proc.exitCode !== null) throw new Error(`server exited with ${child.proc.exitCode}\n${child.output()}`);
    try {
      const res = await fetch(`${url}/api/ready`);
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`server did not become healthy in ${timeoutMs} ms\n${child.output()}`);
}

/**
 * Keep-alive connections for the bench's HTTP requests. node:http rather than fetch: undici's fetch
 * cost the bench ~1 ms of CPU per request, so 1,009 joins made the generator, not the server, the
 * limit of the join phase (the bench process was busy the whole time; the server about half).
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });

/** POSTs JSON and returns the JSON answer; anything but 201 Created throws. */
export function post<T>(url: string, body: unknown): Promise<T> {
  const payload = JSON.stringify(body);
  return new Promise<T>((resolve, reject) => {
    const req = http.request(
      url,
      { method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          if (res.statusCode !== 201) return reject(new Error(`POST ${url}: ${res.statusCode} ${text}`));
          try {
            resolve(JSON.parse(text) as T);
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}
