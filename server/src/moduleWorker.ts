// Starting a worker thread on one of the server's own modules, from TypeScript source or built JS.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * A worker running `file` (a path like './sqliteWriter.worker', no extension) beside the module
 * whose `import.meta.url` is `from`. From TypeScript source (node --import tsx, vitest) Node 20 does
 * not apply the tsx loader to a worker's entry module (checked: `--import tsx` in the worker's
 * execArgv is not enough), so a two-line bootstrap registers tsx inside the worker first. Built to
 * JS, the entry loads directly.
 */
export function startModuleWorker(from: string, file: string, workerData: unknown): Worker {
  if (!from.endsWith('.ts')) return new Worker(new URL(`${file}.js`, from), { workerData });
  const entry = new URL(`${file}.ts`, from).href;
  const tsx = tsxEsmApi(from);
  const boot = `import(${JSON.stringify(tsx)}).then((api) => { api.register(); return import(${JSON.stringify(entry)}); });`;
  return new Worker(boot, { eval: true, workerData });
}

/** The ESM entry of tsx's register API (the CJS one cannot register hooks from an eval worker). */
function tsxEsmApi(from: string): string {
  try {
    if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  } catch {
    /* fall back to the package's exports map */
  }
  const require = createRequire(from);
  const pkgFile = require.resolve('tsx/package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { exports: Record<string, { import: { default: string } }> };
  return pathToFileURL(path.join(path.dirname(pkgFile), pkg.exports['./esm/api']!.import.default)).href;
}
