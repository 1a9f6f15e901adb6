// Runs one of the repository's TypeScript CLIs (server/src/cli/*.ts) the way `npm run …` does.
import { spawnSync } from 'node:child_process';
import { ROOT } from './server';

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `node --import tsx <script> …args` from the repository root, with extra environment variables. */
export function runCli(script: string, args: string[], env: Record<string, string> = {}): CliResult {
  const res = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: ROOT,
    // DATABASE_URL only when a test passes it: an exported one must not redirect SQLite tests
    env: { ...process.env, DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { code: res.status, stdout: res.stdout.trim(), stderr: res.stderr.trim() };
}
