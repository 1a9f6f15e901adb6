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

export interface AppendBatch {
  workshopId: string;
  /** Participant-scoped clientOpId, kept with the events so retries stay idempotent after a restart. */
  opKey: string | null;
  envelopes: Envelope[];
  /** Written in the same transaction as the events (a new workshop, a join's token). */
  workshop?: WorkshopRecord;
  credential?: { tokenHash: string; issuedAt?: number } & Credential;
  /** Revokes a delegation review link of this workshop (InviteRecord.id), in the same commit. */
  revokeInvite?: { id: string; at: number };
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
  /** The delegation review links of a workshop, oldest first. */
  listInvites(workshopId: string): Promise<InviteRecord[]>;
  close(): Promise<void>;
}
