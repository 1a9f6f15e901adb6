// The load generator of the benchmarks (bench/notes.ts, bench/cluster.ts): worker threads running
// bench/notes-worker.ts, each owning a slice of the bots, driven by requests (see notes-wire.ts).
import { Worker } from 'node:worker_threads';
import { withTimeout } from './notes-stats.ts';
import type { Reply, Request } from './notes-wire.ts';

const TSX_API = import.meta.resolve('tsx/esm/api');
const WORKER_MODULE = new URL('./notes-worker.ts', import.meta.url).href;

/** The load-generator threads, each answering one request at a time per id (see notes-wire.ts). */
export class Generator {
  private failed: Error | null = null;
  private next = 0;
  private waiting = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private constructor(private readonly workers: Worker[]) {
    for (const w of workers) {
      w.on('message', (r: Reply) => {
        const p = this.waiting.get(r.id);
        if (!p) return;
        this.waiting.delete(r.id);
        if (r.ok) p.resolve(r.result);
        else p.reject(new Error(r.error));
      });
      w.on('error', (err) => {
        this.failed = err;
        for (const p of this.waiting.values()) p.reject(err);
        this.waiting.clear();
      });
    }
  }

  static async start(n: number): Promise<Generator> {
    // A worker does not inherit the tsx loader of `--import tsx`: it registers it before importing its module.
    const code = `import(${JSON.stringify(TSX_API)}).then(({ register }) => { register(); return import(${JSON.stringify(WORKER_MODULE)}); })`;
    const workers = Array.from({ length: n }, () => new Worker(code, { eval: true }));
    const ready = (w: Worker) =>
      new Promise<void>((resolve, reject) => {
        w.once('message', (m: { ready?: boolean }) =>
          m.ready ? resolve() : reject(new Error('generator worker: unexpected first message')),
        );
        w.once('error', reject);
      });
    try {
      await withTimeout(Promise.all(workers.map(ready)), 60_000, 'generator workers ready');
    } catch (err) {
      await Promise.all(workers.map((w) => w.terminate()));
      throw err;
    }
    return new Generator(workers);
  }

  call<T>(i: number, req: Request, ms: number): Promise<T> {
    if (this.failed) return Promise.reject(this.failed);
    const id = this.next++;
    const p = new Promise<T>((resolve, reject) => this.waiting.set(id, { resolve: resolve as (v: unknown) => void, reject }));
    this.workers[i]!.postMessage({ id, req });
    return withTimeout(p, ms, `generator ${i}: ${req.type}`);
  }

  all<T>(req: (i: number) => Request, ms: number): Promise<T[]> {
    return Promise.all(this.workers.map((_, i) => this.call<T>(i, req(i), ms)));
  }

  async stop() {
    await this.all(() => ({ type: 'close' }), 10_000).catch(() => {});
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}
