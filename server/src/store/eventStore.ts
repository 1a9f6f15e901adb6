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
}

export interface AppendBatch {
  workshopId: string;
  /** Participant-scoped clientOpId, kept with the events so retries stay idempotent after a restart. */
  opKey: string | null;
  envelopes: Envelope[];
  /** Written in the same transaction as the events (a new workshop, a join's token). */
  workshop?: WorkshopRecord;
  credential?: { tokenHash: string } & Credential;
}

export interface StoredOp {
  opKey: string;
  seq: number;
}

export interface EventStore {
  /** Resolves once the batch is durable (group-committed with others that arrived meanwhile). */
  append(batch: AppendBatch): Promise<void>;
  /** All events of a workshop after `afterSeq`, in order. */
  readSince(workshopId: string, afterSeq: number): Promise<Envelope[]>;
  /** The last seq of every op key of a workshop (to rebuild the idempotency map on load). */
  readOps(workshopId: string): Promise<StoredOp[]>;
  findWorkshopByCode(joinCode: string): Promise<WorkshopRecord | undefined>;
  findWorkshop(id: string): Promise<WorkshopRecord | undefined>;
  findCredential(tokenHash: string): Promise<Credential | undefined>;
  close(): Promise<void>;
}
