import { spawn } from 'node:child_process';
import fs from 'node:fs'; import os from 'node:os'; import path from 'node:path'; import readline from 'node:readline';
import { io } from 'socket.io-client';
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wc-mem-'));
const proc = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], { env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', RATE_LIMIT_PER_SEC: '1000', RATE_LIMIT_BURST: '1000' }, stdio: ['ignore', 'pipe', 'inherit'] });
const port: number = await new Promise((res) => readline.createInterface({ input: proc.stdout! }).on('line', (l) => { try { const m = JSON.parse(l); if (m.port) res(m.port); } catch {} }));
const url = `http://127.0.0.1:${port}`;
const rss = () => Number(/VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8'))![1]);
const post = async (p: string, b: unknown) => (await fetch(url + p, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) })).json() as any;
const T = 125, N = 1000;
const ws = await post('/api/workshops', { title: 'Mem', facilitatorName: 'Chair', tables: Array.from({ length: T }, (_, t) => ({ id: `t${t}`, name: `Table ${t}`, themeId: null, question: 'Q', capacity: 9 })) });
const joined: any[] = [];
for (let i = 0; i < N; i += 20) joined.push(...await Promise.all(Array.from({ length: Math.min(20, N - i) }, (_, k) => post('/api/join', { code: ws.joinCode, name: `Delegate ${i + k}`, delegationId: null }))));
await new Promise((r) => setTimeout(r, 1000));
(globalThis as any).gc?.();
const before = rss();
const t0 = performance.now();
const socks: any[] = [];
for (let i = 0; i < N; i += 50) {
  await Promise.all(joined.slice(i, i + 50).map((j, k) => new Promise<void>((res, rej) => {
    const s = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, auth: { token: j.token } });
    socks.push(s);
    let n = 0;
    s.on('sync', async () => { if (++n === 1) { const a = await s.emitWithAck('command', { type: 'seat:assign', clientOpId: `seat-${i + k}-xxxx`, participantId: j.participantId, tableId: `t${(i + k) % T}` }); if (!a.ok) rej(new Error(JSON.stringify(a))); } else res(); });
    s.on('connect_error', rej);
  })));
}
const setupMs = performance.now() - t0;
await new Promise((r) => setTimeout(r, 3000));
const after = rss();
console.log({ setupMs: Math.round(setupMs), rssBeforeMB: (before / 1024).toFixed(1), rssAfterMB: (after / 1024).toFixed(1), perSocketKB: ((after - before) / N).toFixed(1), load: os.loadavg()[0] });
for (const s of socks) s.close(); proc.kill('SIGKILL'); process.exit(0);
