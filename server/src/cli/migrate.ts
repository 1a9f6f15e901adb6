/**
 * Apply the missing schema migrations: `npm run migrate` (the server also does this on start).
 * DATABASE_URL=postgres://... migrates PostgreSQL; otherwise DATA_DIR/worldcafe.db (created if
 * missing). Prints the versions applied and the schema version. Exit codes: 0 ok, 1 failed.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrateStore } from '../store/openStore';
import { configFromEnv } from '../config';
import type { CliOutcome } from './export';
import { redact } from './dbCopy';

export async function runMigrateCli(env: NodeJS.ProcessEnv = process.env): Promise<CliOutcome> {
  try {
    const config = configFromEnv(env);
    const location = config.databaseUrl ?? path.join(config.dataDir, 'worldcafe.db');
    const r = await migrateStore(location);
    const what = r.applied.length > 0 ? `applied ${r.applied.join(', ')}` : 'already up to date';
    return { code: 0, stdout: `${redact(location)}: ${what}; schema version ${r.version}` };
  } catch (err) {
    return { code: 1, stderr: `migration failed: ${(err as Error).message}` };
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outcome = await runMigrateCli();
  if (outcome.code === 0) process.stdout.write(`${outcome.stdout}\n`);
  else process.stderr.write(`${outcome.stderr}\n`);
  process.exitCode = outcome.code;
}
