// Facilitator accounts, passkeys, recovery codes, browser sessions and workshop roles, in the same
// database as the event log (SQLite file or PostgreSQL), so a session made on one node is valid on
// every node. Written once over sql.ts for both dialects; the tables are migration 4.
import path from 'node:path';
import type Database from 'better-sqlite3';
import { openDatabase } from '../store/schema';
import { createPool, isPostgresUrl } from '../store/pgSchema';
import { type Param, type Sql, one, postgresSql, sqliteSql } from './sql';

export interface Account {
  id: string;
  name: string;
  createdAt: number;
}

export interface Passkey {
  /** The credential id, base64url (as the browser reports it). */
  id: string;
  accountId: string;
  /** COSE public key, base64url. */
  publicKey: string;
  counter: number;
  transports: string[];
  label: string;
  createdAt: number;
  lastUsedAt: number | null;
}

export interface AuthSession {
  /** sha256 of the cookie's secret: a leaked database opens no session. */
  idHash: string;
  accountId: string;
  createdAt: number;
  lastSeenAt: number;
  userAgent: string;
}

export type ChallengePurpose = 'register' | 'login' | 'add';

export interface Challenge {
  id: string;
  challenge: string;
  purpose: ChallengePurpose;
  /** 'add' only: the signed-in account adding a passkey. */
  accountId: string | null;
  expiresAt: number;
}

export type WorkshopRoleKind = 'owner' | 'cofacilitator';

export interface WorkshopRole {
  accountId: string;
  workshopId: string;
  role: WorkshopRoleKind;
  /** The facilitator participant this account acts as in the workshop. */
  participantId: string;
  addedAt: number;
  archivedAt: number | null;
}

/** A saved template: `body` is the setup's JSON, parsed by the routes (templateSetupSchema). */
export interface StoredTemplate {
  id: string;
  accountId: string;
  name: string;
  description: string;
  body: string;
  createdAt: number;
  updatedAt: number;
}

export interface AccountStore {
  /** A new account with its first passkey, its recovery codes (hashes) and its first session, in one commit. */
  createAccount(account: Account, passkey: Passkey, recoveryHashes: string[], session: AuthSession): Promise<void>;
  findAccount(id: string): Promise<Account | undefined>;
  findPasskey(id: string): Promise<Passkey | undefined>;
  listPasskeys(accountId: string): Promise<Passkey[]>;
  addPasskey(passkey: Passkey): Promise<void>;
  /** Records a successful sign-in with the passkey (its new signature counter). */
  usePasskey(id: string, counter: number, at: number): Promise<void>;
  /** Replaces every recovery code of the account. */
  replaceRecoveryCodes(accountId: string, hashes: string[]): Promise<void>;
  /** Spends a recovery code: the account it belonged to, once; undefined after that or if unknown. */
  spendRecoveryCode(hash: string): Promise<string | undefined>;
  countRecoveryCodes(accountId: string): Promise<number>;
  createSession(session: AuthSession): Promise<void>;
  findSession(idHash: string): Promise<AuthSession | undefined>;
  touchSession(idHash: string, at: number): Promise<void>;
  listSessions(accountId: string): Promise<AuthSession[]>;
  /** Deletes one session of the account; false if it has no such session. */
  deleteSession(accountId: string, idHash: string): Promise<boolean>;
  /** Deletes every session of the account except `keep`; how many. */
  deleteOtherSessions(accountId: string, keep: string): Promise<number>;
  putChallenge(challenge: Challenge): Promise<void>;
  /** Removes and returns a challenge (each answers once); undefined when unknown or expired. */
  takeChallenge(id: string, now: number): Promise<Challenge | undefined>;
  /** Adds the role unless the account already has one in the workshop; false then. */
  addRole(role: WorkshopRole): Promise<boolean>;
  findRole(accountId: string, workshopId: string): Promise<WorkshopRole | undefined>;
  listRoles(accountId: string): Promise<WorkshopRole[]>;
  /** Every account's role in a workshop, oldest first. */
  workshopRoles(workshopId: string): Promise<WorkshopRole[]>;
  setArchived(accountId: string, workshopId: string, at: number | null): Promise<void>;
  /**
   * Deletes a workshop with everything in it, in one commit: its log (events and their op keys),
   * snapshots, credentials (personal links, facilitator keys, review links), roles and record.
   */
  deleteWorkshop(workshopId: string): Promise<void>;
  /**
   * Reissues a person's link: every participant or facilitator secret of the participant is
   * deleted and `tokenHash` stored in their place, in one commit (kind kept: facilitator if any was).
   */
  reissueCredential(workshopId: string, participantId: string, tokenHash: string): Promise<void>;
  /**
   * Saves a template unless the account already keeps `max` of them (counted in the same commit,
   * so two saves racing cannot pass the cap together); false then.
   */
  addTemplate(t: StoredTemplate, max: number): Promise<boolean>;
  /** The account's templates, last changed first; never another account's. */
  listTemplates(accountId: string): Promise<StoredTemplate[]>;
  findTemplate(accountId: string, id: string): Promise<StoredTemplate | undefined>;
  /** Renames the account's template; false if it has no such template. */
  renameTemplate(accountId: string, id: string, patch: { name: string; description?: string }, at: number): Promise<boolean>;
  deleteTemplate(accountId: string, id: string): Promise<boolean>;
  close(): Promise<void>;
}

/** Opens the account store beside the event store (which has already migrated the schema). */
export function openAccountStore(location: string): AccountStore {
  if (isPostgresUrl(location)) return new SqlAccountStore(postgresSql(createPool({ url: location, max: 4 })));
  const db: Database.Database = openDatabase(path.resolve(location));
  return new SqlAccountStore(sqliteSql(db));
}

type PasskeyRow = {
  id: string;
  account_id: string;
  public_key: string;
  counter: number;
  transports: string;
  label: string;
  created_at: number;
  last_used_at: number | null;
};
type SessionRow = { id_hash: string; account_id: string; created_at: number; last_seen_at: number; user_agent: string };
type TemplateRow = {
  id: string;
  account_id: string;
  name: string;
  description: string;
  body: string;
  created_at: number;
  updated_at: number;
};
const templateOf = (r: TemplateRow): StoredTemplate => ({
  id: r.id,
  accountId: r.account_id,
  name: r.name,
  description: r.description,
  body: r.body,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
});
type RoleRow = {
  account_id: string;
  workshop_id: string;
  role: WorkshopRoleKind;
  participant_id: string;
  added_at: number;
  archived_at: number | null;
};

const passkeyOf = (r: PasskeyRow): Passkey => ({
  id: r.id,
  accountId: r.account_id,
  publicKey: r.public_key,
  counter: Number(r.counter),
  transports: r.transports ? r.transports.split(',') : [],
  label: r.label,
  createdAt: Number(r.created_at),
  lastUsedAt: r.last_used_at == null ? null : Number(r.last_used_at),
});
const sessionOf = (r: SessionRow): AuthSession => ({
  idHash: r.id_hash,
  accountId: r.account_id,
  createdAt: Number(r.created_at),
  lastSeenAt: Number(r.last_seen_at),
  userAgent: r.user_agent,
});
const roleOf = (r: RoleRow): WorkshopRole => ({
  accountId: r.account_id,
  workshopId: r.workshop_id,
  role: r.role,
  participantId: r.participant_id,
  addedAt: Number(r.added_at),
  archivedAt: r.archived_at == null ? null : Number(r.archived_at),
});

const INSERT_PASSKEY =
  'INSERT INTO passkeys (id, account_id, public_key, counter, transports, label, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)';
const passkeyParams = (p: Passkey): Param[] => [
  p.id,
  p.accountId,
  p.publicKey,
  p.counter,
  p.transports.join(','),
  p.label,
  p.createdAt,
  p.lastUsedAt,
];
const INSERT_SESSION = 'INSERT INTO auth_sessions (id_hash, account_id, created_at, last_seen_at, user_agent) VALUES (?, ?, ?, ?, ?)';
const sessionParams = (s: AuthSession): Param[] => [s.idHash, s.accountId, s.createdAt, s.lastSeenAt, s.userAgent];

export class SqlAccountStore implements AccountStore {
  constructor(private q: Sql) {}

  createAccount(account: Account, passkey: Passkey, recoveryHashes: string[], session: AuthSession) {
    return this.q.tx(async (t) => {
      await t.run('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)', [account.id, account.name, account.createdAt]);
      await t.run(INSERT_PASSKEY, passkeyParams(passkey));
      for (const h of recoveryHashes) await t.run('INSERT INTO recovery_codes (code_hash, account_id) VALUES (?, ?)', [h, account.id]);
      await t.run(INSERT_SESSION, sessionParams(session));
    });
  }

  async findAccount(id: string) {
    const r = await one<{ id: string; name: string; created_at: number }>(
      this.q,
      'SELECT id, name, created_at FROM accounts WHERE id = ?',
      [id],
    );
    return r && { id: r.id, name: r.name, createdAt: Number(r.created_at) };
  }

  async findPasskey(id: string) {
    const r = await one<PasskeyRow>(this.q, 'SELECT * FROM passkeys WHERE id = ?', [id]);
    return r && passkeyOf(r);
  }

  async listPasskeys(accountId: string) {
    return (await this.q.all<PasskeyRow>('SELECT * FROM passkeys WHERE account_id = ? ORDER BY created_at', [accountId])).map(passkeyOf);
  }

  async addPasskey(p: Passkey) {
    await this.q.run(INSERT_PASSKEY, passkeyParams(p));
  }

  async usePasskey(id: string, counter: number, at: number) {
    await this.q.run('UPDATE passkeys SET counter = ?, last_used_at = ? WHERE id = ?', [counter, at, id]);
  }

  replaceRecoveryCodes(accountId: string, hashes: string[]) {
    return this.q.tx(async (t) => {
      await t.run('DELETE FROM recovery_codes WHERE account_id = ?', [accountId]);
      for (const h of hashes) await t.run('INSERT INTO recovery_codes (code_hash, account_id) VALUES (?, ?)', [h, accountId]);
    });
  }

  spendRecoveryCode(hash: string) {
    // select and delete in one transaction: two requests racing with the same code, one wins
    return this.q.tx(async (t) => {
      const r = await one<{ account_id: string }>(t, 'SELECT account_id FROM recovery_codes WHERE code_hash = ?', [hash]);
      if (!r) return undefined;
      return (await t.run('DELETE FROM recovery_codes WHERE code_hash = ?', [hash])) === 1 ? r.account_id : undefined;
    });
  }

  async countRecoveryCodes(accountId: string) {
    const r = await one<{ n: number }>(this.q, 'SELECT COUNT(*) AS n FROM recovery_codes WHERE account_id = ?', [accountId]);
    return Number(r?.n ?? 0);
  }

  async createSession(s: AuthSession) {
    await this.q.run(INSERT_SESSION, sessionParams(s));
  }

  async findSession(idHash: string) {
    const r = await one<SessionRow>(this.q, 'SELECT * FROM auth_sessions WHERE id_hash = ?', [idHash]);
    return r && sessionOf(r);
  }

  async touchSession(idHash: string, at: number) {
    await this.q.run('UPDATE auth_sessions SET last_seen_at = ? WHERE id_hash = ?', [at, idHash]);
  }

  async listSessions(accountId: string) {
    return (await this.q.all<SessionRow>('SELECT * FROM auth_sessions WHERE account_id = ? ORDER BY last_seen_at DESC', [accountId])).map(
      sessionOf,
    );
  }

  async deleteSession(accountId: string, idHash: string) {
    return (await this.q.run('DELETE FROM auth_sessions WHERE account_id = ? AND id_hash = ?', [accountId, idHash])) === 1;
  }

  deleteOtherSessions(accountId: string, keep: string) {
    return this.q.run('DELETE FROM auth_sessions WHERE account_id = ? AND id_hash <> ?', [accountId, keep]);
  }

  async putChallenge(c: Challenge) {
    await this.q.run('DELETE FROM auth_challenges WHERE expires_at < ?', [c.expiresAt - 60 * 60_000]);
    await this.q.run('INSERT INTO auth_challenges (id, challenge, purpose, account_id, expires_at) VALUES (?, ?, ?, ?, ?)', [
      c.id,
      c.challenge,
      c.purpose,
      c.accountId,
      c.expiresAt,
    ]);
  }

  takeChallenge(id: string, now: number) {
    return this.q.tx(async (t) => {
      const r = await one<{ id: string; challenge: string; purpose: ChallengePurpose; account_id: string | null; expires_at: number }>(
        t,
        'SELECT * FROM auth_challenges WHERE id = ?',
        [id],
      );
      if (!r) return undefined;
      if ((await t.run('DELETE FROM auth_challenges WHERE id = ?', [id])) !== 1) return undefined;
      if (Number(r.expires_at) <= now) return undefined;
      return { id: r.id, challenge: r.challenge, purpose: r.purpose, accountId: r.account_id, expiresAt: Number(r.expires_at) };
    });
  }

  async addRole(r: WorkshopRole) {
    const n = await this.q.run(
      'INSERT INTO workshop_roles (account_id, workshop_id, role, participant_id, added_at, archived_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      [r.accountId, r.workshopId, r.role, r.participantId, r.addedAt, r.archivedAt],
    );
    return n === 1;
  }

  async findRole(accountId: string, workshopId: string) {
    const r = await one<RoleRow>(this.q, 'SELECT * FROM workshop_roles WHERE account_id = ? AND workshop_id = ?', [accountId, workshopId]);
    return r && roleOf(r);
  }

  async listRoles(accountId: string) {
    return (await this.q.all<RoleRow>('SELECT * FROM workshop_roles WHERE account_id = ? ORDER BY added_at DESC', [accountId])).map(roleOf);
  }

  async workshopRoles(workshopId: string) {
    return (await this.q.all<RoleRow>('SELECT * FROM workshop_roles WHERE workshop_id = ? ORDER BY added_at', [workshopId])).map(roleOf);
  }

  async setArchived(accountId: string, workshopId: string, at: number | null) {
    await this.q.run('UPDATE workshop_roles SET archived_at = ? WHERE account_id = ? AND workshop_id = ?', [at, accountId, workshopId]);
  }

  deleteWorkshop(workshopId: string) {
    return this.q.tx(async (t) => {
      for (const table of ['events', 'snapshots', 'credentials', 'workshop_roles'])
        await t.run(`DELETE FROM ${table} WHERE workshop_id = ?`, [workshopId]);
      await t.run('DELETE FROM workshops WHERE id = ?', [workshopId]);
    });
  }

  reissueCredential(workshopId: string, participantId: string, tokenHash: string) {
    return this.q.tx(async (t) => {
      const rows = await t.all<{ kind: string }>(
        "SELECT kind FROM credentials WHERE workshop_id = ? AND participant_id = ? AND kind IN ('participant', 'facilitator')",
        [workshopId, participantId],
      );
      const kind = rows.some((r) => r.kind === 'facilitator') ? 'facilitator' : 'participant';
      await t.run("DELETE FROM credentials WHERE workshop_id = ? AND participant_id = ? AND kind IN ('participant', 'facilitator')", [
        workshopId,
        participantId,
      ]);
      await t.run('INSERT INTO credentials (token_hash, workshop_id, participant_id, kind, issued_at) VALUES (?, ?, ?, ?, ?)', [
        tokenHash,
        workshopId,
        participantId,
        kind,
        Date.now(),
      ]);
    });
  }

  addTemplate(tp: StoredTemplate, max: number) {
    return this.q.tx(async (t) => {
      // A no-op write takes the account's row lock on PostgreSQL (SQLite's BEGIN IMMEDIATE already
      // serialises): two saves of one account queue here, so the count below cannot be raced past.
      await t.run('UPDATE accounts SET name = name WHERE id = ?', [tp.accountId]);
      const n = await one<{ n: number }>(t, 'SELECT COUNT(*) AS n FROM account_templates WHERE account_id = ?', [tp.accountId]);
      if (Number(n?.n ?? 0) >= max) return false;
      await t.run(
        'INSERT INTO account_templates (id, account_id, name, description, body, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        [tp.id, tp.accountId, tp.name, tp.description, tp.body, tp.createdAt, tp.updatedAt],
      );
      return true;
    });
  }

  async listTemplates(accountId: string) {
    return (
      await this.q.all<TemplateRow>('SELECT * FROM account_templates WHERE account_id = ? ORDER BY updated_at DESC, id', [accountId])
    ).map(templateOf);
  }

  async findTemplate(accountId: string, id: string) {
    const r = await one<TemplateRow>(this.q, 'SELECT * FROM account_templates WHERE account_id = ? AND id = ?', [accountId, id]);
    return r && templateOf(r);
  }

  async renameTemplate(accountId: string, id: string, patch: { name: string; description?: string }, at: number) {
    const n =
      patch.description === undefined
        ? await this.q.run('UPDATE account_templates SET name = ?, updated_at = ? WHERE account_id = ? AND id = ?', [
            patch.name,
            at,
            accountId,
            id,
          ])
        : await this.q.run('UPDATE account_templates SET name = ?, description = ?, updated_at = ? WHERE account_id = ? AND id = ?', [
            patch.name,
            patch.description,
            at,
            accountId,
            id,
          ]);
    return n === 1;
  }

  async deleteTemplate(accountId: string, id: string) {
    return (await this.q.run('DELETE FROM account_templates WHERE account_id = ? AND id = ?', [accountId, id])) === 1;
  }

  close() {
    return this.q.close();
  }
}
