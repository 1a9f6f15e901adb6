// Data retention (RETENTION_DAYS_AFTER_CLOSE, off by default): closed workshops are deleted with
// everything in them that many days after they closed, through the same path as the owner's
// "delete" (sockets closed, room dropped, every row gone in one transaction). Runs at startup and
// then every RETENTION_CHECK_MS; each deletion and each run that deleted something is logged.
// In cluster mode every node runs it: deleting a workshop twice is harmless (the second finds no rows).
import { retentionDue } from '@world-cafe/shared';
import type { AccountStore } from './accounts/accountStore';
import { type DeleteWorkshopDeps, deleteWorkshopEverywhere } from './accounts/deleteWorkshop';

/** How often retention looks for workshops to delete: closing times are days apart, an hour is plenty. */
export const RETENTION_CHECK_MS = 60 * 60_000;

export interface RetentionDeps extends DeleteWorkshopDeps {
  accounts: AccountStore;
  days: number;
  now: () => number;
  intervalMs?: number;
}

export interface Retention {
  /** One pass: deletes every workshop due; the ids deleted. */
  runOnce(): Promise<string[]>;
  stop(): void;
}

export function startRetention(d: RetentionDeps): Retention {
  const log = d.logger.child({ job: 'retention' });
  let running: Promise<string[]> | null = null;
  async function pass(): Promise<string[]> {
    const now = d.now();
    const deleted: string[] = [];
    for (const { workshopId, closedAt } of await d.accounts.closedWorkshops()) {
      if (!retentionDue(closedAt, d.days, now)) continue;
      await deleteWorkshopEverywhere({ ...d, logger: log }, workshopId, { by: 'retention', closedAt, days: d.days });
      deleted.push(workshopId);
    }
    if (deleted.length > 0) log.info({ deleted: deleted.length, days: d.days }, 'data retention deleted closed workshops');
    return deleted;
  }
  // one pass at a time: a slow pass is not overtaken by the next tick
  const runOnce = () => (running ??= pass().finally(() => (running = null)));
  const tick = () =>
    void runOnce().catch((err: unknown) => log.error({ err: err instanceof Error ? err.message : String(err) }, 'data retention failed'));
  log.info({ days: d.days }, 'data retention on: closed workshops are deleted this many days after they closed');
  tick();
  const timer = setInterval(tick, d.intervalMs ?? RETENTION_CHECK_MS);
  timer.unref();
  return { runOnce, stop: () => clearInterval(timer) };
}
