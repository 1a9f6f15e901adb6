// `npm run dev`: the API server restarted on change (tsx watch) and Vite with HMR on :5173,
// which proxies /api and /socket.io to the server. Ctrl-C stops both.
import { spawn } from 'node:child_process';

const procs = [
  spawn('npx', ['tsx', 'watch', '--clear-screen=false', 'server/src/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: process.env.PORT ?? '3000', ALLOWED_ORIGINS: 'http://localhost:5173' },
  }),
  spawn('npx', ['vite', 'client', '--port', '5173'], { stdio: 'inherit' }),
];
const stop = () => {
  for (const p of procs) if (p.exitCode === null) p.kill('SIGTERM');
};
for (const p of procs)
  p.on('exit', (code) => {
    stop();
    process.exitCode = code ?? 0;
  });
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
