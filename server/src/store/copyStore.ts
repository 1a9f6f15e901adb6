// Copies every workshop from one EventStore to another (`npm run db:copy`): the workshop row,
// its events with their op keys (so clientOpId retries stay idempotent on the target), its
// credentials (links and keys keep working) and its latest snapshot (head and parts). Only through
// the EventStore interface, so it works in every direction (SQLite → PostgreSQL, back, or between
// two of a kind).
import type { AppendBatch, EventStore, StoredEvent, WorkshopRecord } from './eventStore';

export interface CopyReport {
  copied: Array<{ workshop: WorkshopRecord; events: number; credentials: number; snapshot: boolean }>;
  /** Workshops left alone because the target already has them (by id or join code) or a part of them. */
  refused: Array<{ workshop: WorkshopRecord; reason: string }>;
}

/** Events per append while copying (each append is one transaction's worth at most). */
const CHUNK = 500;

export async function copyWorkshops(from: EventStore, to: EventStore): Promise<CopyReport> {
  const report: CopyReport = { copied: [], refused: [] };
  for (const w of await from.listWorkshops()) {
    const reason = await whyNotCopy(w, to);
    if (reason) {
      report.refused.push({ workshop: w, reason });
      continue;
    }
    report.copied.push(await copyOne(w, from, to));
  }
  return report;
}

async function whyNotCopy(w: WorkshopRecord, to: EventStore): Promise<string | null> {
  if (await to.findWorkshop(w.id)) return `workshop ${w.id} already exists at the target; not overwritten`;
  const byCode = await to.findWorkshopByCode(w.joinCode);
  if (byCode) return `join code ${w.joinCode} is taken at the target by workshop ${byCode.id}`;
  const head = await to.headSeq(w.id);
  if (head > 0)
    return `the target has ${head} events of workshop ${w.id} without its workshop row (an interrupted copy?); remove them first`;
  return null;
}

/**
 * Credentials and events first, the workshop row last: until the row lands the workshop cannot be
 * found by id or code on the target, so an interrupted copy is never half-visible (a re-run names it).
 */
async function copyOne(w: WorkshopRecord, from: EventStore, to: EventStore) {
  // Appends issued together are group-committed together (one transaction, not one per batch);
  // in order, so if one fails the seq rule fails the rest of the workshop's behind it.
  const credentials = await from.listCredentials(w.id);
  await Promise.all(credentials.map((credential) => to.append({ workshopId: w.id, opKey: null, envelopes: [], credential })));
  let events = 0;
  let pending: AppendBatch | null = null;
  for (let after = 0; ;) {
    const page = await from.readStored(w.id, after, CHUNK);
    if (page.length === 0) break;
    const writes: Promise<void>[] = [];
    for (const batch of batchesByOpKey(w.id, page)) {
      if (pending) writes.push(to.append(pending));
      pending = batch;
    }
    await Promise.all(writes);
    events += page.length;
    after = page[page.length - 1]!.envelope.seq;
  }
  if (pending) await to.append({ ...pending, workshop: w });
  else await to.append({ workshopId: w.id, opKey: null, envelopes: [], workshop: w });
  const snap = await from.latestSnapshot(w.id);
  if (snap) {
    // the parts first and the head last, as a room writes them: the snapshot is complete once the head lands
    for (const [part, body] of snap.parts.entries()) await to.saveSnapshotPart(w.id, snap.seq, part, body);
    await to.saveSnapshot(w.id, snap.seq, snap.body);
  }
  return { workshop: w, events, credentials: credentials.length, snapshot: snap !== undefined };
}

/** Consecutive events with the same op key become one batch (they were one command's events). */
export function batchesByOpKey(workshopId: string, events: StoredEvent[]): AppendBatch[] {
  const out: AppendBatch[] = [];
  for (const { envelope, opKey } of events) {
    const last = out[out.length - 1];
    if (last && last.opKey === opKey && last.envelopes.length < CHUNK) last.envelopes.push(envelope);
    else out.push({ workshopId, opKey, envelopes: [envelope] });
  }
  return out;
}
