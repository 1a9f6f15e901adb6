// The append-only log behind one interface, so SQLite (default) and PostgreSQL (scale-out)
// can stand behind the same pipeline. Every method is async even where SQLite is not,
// because a network database will be.
import type { Envelope } from '@world-cafe/shared';

export interface WorkshopRecord {
  id: string;
  joinCode: string;
  createdAt: number;
}

/** An `invite` is a delegation review link: its participantId field holds the delegation id. */
export type CredentialKind = 'facilitator' | 'participant' | 'invite';

export interface Credential {
  workshopId: string;
  participantId: string;
  kind: CredentialKind;
  /** Invites only: ms since epoch after which the link no longer admits anyone (null: never). */
  expiresAt?: number | null;
  /** Invites only: when the facilitator revoked the link (null: not revoked). */
  revokedAt?: number | null;
}

/** A delegation review link as the facilitator's console lists it (never its secret). */
export interface InviteRecord {
  /** Public id of the link: the first 16 characters of its secret's hash. */
  id: string;
  delegationId: string;
  issuedAt: number | null;
  expiresAt: number | null;
  revokedAt: number | null;
}

/** The JSON each event of `batch` is stored as, in order: its `encodedEvents` text if given, else its serialisation. */
export function eventBodies(batch: AppendBatch): string[] {
  const encoded = batch.encodedEvents ? new Map(batch.encodedEvents) : null;
  return batch.envelopes.map((env) => encoded?.get(env.seq) ?? JSON.stringify(env.e));
}

export interface AppendBatch {
  workshopId: string;
  /** Participant-scoped clientOpId, kept with the events so retries stay idempotent after a restart. */
  opKey: string | null;
  envelopes: Envelope[];
  /**
   * [seq, JSON] of events of `envelopes` already serialised (an import's state, MBs, from the thread
   * that parsed it): a store may write that JSON instead of serialising the event again. It must be
   * the JSON of that very event.
   */
  encodedEvents?: Array<[number, string]>;
  /** Written in the same transaction as the events (a new workshop, a join's token). */
  workshop?: WorkshopRecord;
  credential?: StoredCredential;
  /** Revokes a delegation review link of this workshop (InviteRecord.id), in the same commit. */
  revokeInvite?: { id: string; at: number };
  /**
   * A snapshot of the workshop's state at `seq`, written in the same transaction (saveSnapshot()
   * appends a batch with only this). The store keeps the newest SNAPSHOTS_KEPT per workshop.
   */
  snapshot?: Snapshot;
  /**
   * One part of a snapshot (saveSnapshotPart() appends a batch with only this), written before its
   * head; the same transaction deletes at most 2 orphan parts (of no kept head) older than it.
   */
  snapshotPart?: SnapshotPart;
  /**
   * Cluster mode (PostgreSQL only): the lease session (backend pid) the writing room decides under,
   * or null when it has none. The store refuses the batch with NOT_OWNER unless that session holds
   * the workshop's lease inside the append's transaction, so only the current owner ever appends.
   * A workshop's first batch (seq 1, a brand-new id) is not fenced.
   */
  fence?: number | null;
}

/**
 * A credential row as stored: issuedAt is set on invites issued since links expire (null before);
 * expiresAt/revokedAt are written as given, so db:copy carries a revoked link over as revoked.
 */
export type StoredCredential = { tokenHash: string; issuedAt?: number | null } & Credential;

/** A snapshot's head row (or, format version 1, the whole snapshot). */
export interface Snapshot {
  seq: number;
  body: string;
}

export interface SnapshotPart {
  seq: number;
  part: number;
  body: string;
}

/** The newest head and the bodies of the parts stored at its seq, by part number (none for a v1 snapshot). */
export interface StoredSnapshot extends Snapshot {
  parts: string[];
}

/** An event with the op key it was stored with (what db:copy moves between stores). */
export interface StoredEvent {
  envelope: Envelope;
  opKey: string | null;
}

export interface StoredOp {
  opKey: string;
  seq: number;
}

/**
 * Append refusals carry a `code`: SEQ_NOT_CONTIGUOUS (the batch does not continue the workshop's
 * stored log densely; later batches of that workshop in the same group fail too, so the log never
 * gets a hole) or SEQ_TAKEN (another writer stored that seq first). Any other rejection (connection
 * lost, disk full, writer died) means the outcome is unknown: reload the workshop from the log.
 */
export type AppendRefusal = 'SEQ_NOT_CONTIGUOUS' | 'SEQ_TAKEN' | 'NOT_OWNER';

/** Where a store reports what it cannot throw to a caller (a dead writer thread, a lost idle connection). */
export interface StoreLogger {
  error(obj: object, msg: string): void;
}

export const consoleStoreLogger: StoreLogger = { error: (obj, msg) => console.error(msg, obj) };

export interface EventStore {
  /** Resolves once the batch is durable (group-committed with others that arrived meanwhile); never on failure. */
  append(batch: AppendBatch): Promise<void>;
  /** Events of a workshop after `afterSeq`, in order: all of them, or the first `limit`. */
  readSince(workshopId: string, afterSeq: number, limit?: number): Promise<Envelope[]>;
  /** Like readSince, with each event's op key. */
  readStored(workshopId: string, afterSeq: number, limit?: number): Promise<StoredEvent[]>;
  /** The last stored seq of a workshop (0 if it has none). */
  headSeq(workshopId: string): Promise<number>;
  /** Stores a snapshot's head; resolves once durable; keeps the newest SNAPSHOTS_KEPT heads of the workshop. */
  saveSnapshot(workshopId: string, seq: number, body: string): Promise<void>;
  /** Stores one part of the snapshot at `seq` (its own append, before the head); resolves once durable. */
  saveSnapshotPart(workshopId: string, seq: number, part: number, body: string): Promise<void>;
  /** The newest head with all its parts as they were stored with it (one statement, or SQLite's pages: see there). */
  latestSnapshot(workshopId: string): Promise<StoredSnapshot | undefined>;
  /** The last seq of every op key of a workshop (to rebuild the idempotency map on load). */
  readOps(workshopId: string): Promise<StoredOp[]>;
  findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | undefined>;
  findWorkshop(id: string): Promise<WorkshopRecord | undefined>;
  findCredential(tokenHash: string): Promise<Credential | undefined>;
  /** Every workshop, oldest first. */
  listWorkshops(): Promise<WorkshopRecord[]>;
  /** Every credential of a workshop (db:copy). */
  listCredentials(workshopId: string): Promise<StoredCredential[]>;
  /** Resolves when the store can serve reads and writes now (readiness check); rejects otherwise. */
  ping(): Promise<void>;
  /** The delegation review links of a workshop, oldest first. */
  listInvites(workshopId: string): Promise<InviteRecord[]>;
  close(): Promise<void>;
}

/**
 * Whether an error means the store cannot be reached right now (a lost or refused connection, the
 * database shutting down or starting up, a timeout), as opposed to a refused batch or a bug:
 * commands then get `unavailable` and clients retry later.
 */
/** A string or number property of an error-like value, else '' (driver errors put codes in either). */
export function stringField(e: unknown, key: 'code' | 'message'): string {
  const v = (e as Record<string, unknown> | null | undefined)?.[key];
  return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
}

export function isUnreachable(err: unknown): boolean {
  for (let e = err, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    const code = stringField(e, 'code');
    if (/^(ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH)$/.test(code)) return true;
    if (/^(08|57P0[1-3])/.test(code)) return true; // connection exception; admin/crash shutdown, cannot connect now
    const msg = stringField(e, 'message');
    if (
      /Connection terminated|timeout exceeded when trying to connect|Query read timeout|Client has encountered a connection error|not queryable/i.test(
        msg,
      )
    )
      return true;
  }
  return false;
}
