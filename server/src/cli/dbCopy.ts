/**
 * Copy every workshop between stores:
 *   npm run db:copy -- --from ./data/worldcafe.db --to postgres://USER@HOST:PORT/DB
 *   npm run db:copy -- --from postgres://USER@HOST:PORT/DB --to ./other.db
 * A postgres:// (or postgresql://) URL is PostgreSQL, anything else a SQLite file (the source must
 * exist; a target file is created). Both are migrated first. A workshop that already exists at the
 * target is never overwritten: it is named on stderr and the exit code is 1. Stop the servers that
 * write to the source first (a copy is a snapshot of the moment each workshop is read).
 * Exit codes: 0 all copied, 1 some refused or the copy failed, 2 bad arguments.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import type { EventStore } from '../store/eventStore';
import { copyWorkshops } from '../store/copyStore';
import { isPostgresUrl, openStore } from '../store/openStore';
import type { CliOutcome } from './export';

const USAGE = 'usage: npm run db:copy -- --from FILE_OR_POSTGRES_URL --to FILE_OR_POSTGRES_URL';

const quiet = { error: () => {} };

/** A URL's password is never printed. */
export const redact = (location: string) => location.replace(/(\/\/[^:/@]+):[^@/]*@/, '$1:***@');

export async function runDbCopyCli(argv: string[]): Promise<CliOutcome> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { from: { type: 'string' }, to: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { code: 2, stderr: `${(err as Error).message}\n${USAGE}` };
  }
  if (values.help) return { code: 0, stdout: USAGE };
  if (!values.from || !values.to) return { code: 2, stderr: `missing --from or --to\n${USAGE}` };
  const from = isPostgresUrl(values.from) ? values.from : path.resolve(values.from);
  const to = isPostgresUrl(values.to) ? values.to : path.resolve(values.to);
  if (from === to) return { code: 2, stderr: '--from and --to are the same store' };
  if (!isPostgresUrl(from) && !fs.existsSync(from)) return { code: 1, stderr: `source database not found: ${from}` };

  const stores: EventStore[] = [];
  try {
    const source = await openStore(from, { writer: 'inline', logger: quiet });
    stores.push(source);
    const target = await openStore(to, { writer: 'inline', logger: quiet });
    stores.push(target);
    const report = await copyWorkshops(source, target);
    const lines = report.copied.map(
      (c) =>
        `copied ${c.workshop.id} (${c.workshop.joinCode}): ${c.events} events, ${c.credentials} credentials${c.snapshot ? ', snapshot' : ''}`,
    );
    lines.push(`${report.copied.length} workshop(s) copied from ${redact(from)} to ${redact(to)}`);
    if (report.refused.length === 0) return { code: 0, stdout: lines.join('\n') };
    const refused = report.refused.map((r) => `refused ${r.workshop.id} (${r.workshop.joinCode}): ${r.reason}`);
    return { code: 1, stderr: [...lines, ...refused].join('\n') };
  } catch (err) {
    return { code: 1, stderr: `copy failed: ${(err as Error).message}` };
  } finally {
    for (const s of stores) await s.close().catch(() => {});
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const outcome = await runDbCopyCli(process.argv.slice(2));
  if (outcome.code === 0) process.stdout.write(`${outcome.stdout}\n`);
  else process.stderr.write(`${outcome.stderr}\n`);
  process.exitCode = outcome.code;
}
