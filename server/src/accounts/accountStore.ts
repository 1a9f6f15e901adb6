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

/** 'oidc' / 'oidc-link': an OpenID Connect sign-in (or link) waiting for the provider's answer. */
export type ChallengePurpose = 'register' | 'login' | 'add' | 'oidc' | 'oidc-link';

/** A browser seen with a personal link (see migration 7). */
export interface DeviceSighting {
  tokenHash: string;
  deviceId: string;
  workshopId: string;
  participantId: string;
  userAgent: string;
  firstSeenAt: number;
  lastSeenAt: number;
}

/** An organisation identity (OpenID Connect) linked to an account: the provider's issuer and its stable subject. */
export interface OidcIdentity {
  issuer: string;
  subject: string;
  accountId: string;
  email: string | null;
  createdAt: number;
  lastUsedAt: number;
}

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

/** A co-facilitator invitation as stored (the secret only as its hash). */
export interface CofacInvite {
  id: string;
  tokenHash: string;
  workshopId: string;
  invitedBy: string;
  createdAt: number;
  expiresAt: number;
  acceptedBy: string | null;
  acceptedAt: number | null;
  revokedAt: number | null;
}

/** What accepting an invitation did: the role it made, or why it made none (nothing changed then). */
export type AcceptOutcome =
  { ok: true; role: WorkshopRole } | { ok: false; why: 'unknown' | 'used' | 'revoked' | 'expired' | 'already_runs' };

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
   * snapshots (heads and parts), credentials (personal links, facilitator keys, review links),
   * roles and record.
   */
  deleteWorkshop(workshopId: string): Promise<void>;
  /**
   * Reissues a person's link: every participant or facilitator secret of the participant is
   * deleted and `tokenHash` stored in their place, in one commit (kind kept: facilitator if any was).
   */
  reissueCredential(workshopId: string, participantId: string, tokenHash: string): Promise<void>;
  /** The account an organisation identity signs in to, if linked (its last use is recorded). */
  findOidcIdentity(issuer: string, subject: string): Promise<OidcIdentity | undefined>;
  touchOidcIdentity(issuer: string, subject: string, at: number): Promise<void>;
  /** A new account whose only way in is the identity, and its first session, in one commit. */
  createOidcAccount(account: Account, identity: OidcIdentity, session: AuthSession): Promise<void>;
  /** Links the identity to an account; false if it is linked already (to any account). */
  linkOidcIdentity(identity: OidcIdentity): Promise<boolean>;
  listOidcIdentities(accountId: string): Promise<OidcIdentity[]>;
  /** Records sightings in one commit: a known (link, device) moves its last-seen time and keeps its first. */
  recordDevices(sightings: DeviceSighting[]): Promise<void>;
  /**
   * The devices of the workshop's people seen with their current links (a reissued link's devices
   * are not listed), newest first, at most `perPerson` each.
   */
  listDevices(workshopId: string, perPerson: number): Promise<DeviceSighting[]>;
  putCofacInvite(invite: CofacInvite): Promise<void>;
  listCofacInvites(workshopId: string): Promise<CofacInvite[]>;
  /** Revokes a pending invitation of the workshop; false if it has no such pending one. */
  revokeCofacInvite(workshopId: string, id: string, at: number): Promise<boolean>;
  /**
   * Binds the invitation to the account, once: in one commit the invitation is marked accepted and
   * the account gets a co-facilitator role acting as the facilitator participant the owner acts
   * as. Two accounts racing with one link: one wins.
   */
  acceptCofacInvite(tokenHash: string, accountId: string, now: number): Promise<AcceptOutcome>;
  /** Remembers that a facilitator key was issued to this account (so removing the account ends it). */
  recordAccountKey(tokenHash: string, accountId: string, workshopId: string, at: number): Promise<void>;
  /**
   * Removes the account's role in the workshop and deletes every facilitator key issued to it there,
   * in one commit; the deleted keys' hashes (to close their sockets), or undefined if it had no role.
   */
  removeRole(workshopId: string, accountId: string): Promise<string[] | undefined>;
  /** The owner becomes a co-facilitator and `to` (a co-facilitator) the owner, in one commit; false if either role changed meanwhile. */
  transferOwnership(workshopId: string, from: string, to: string): Promise<boolean>;
  /**
   * When each closed workshop closed (the time of its `workshop:phase-changed` to `closed` event in
   * the log); `workshopId` narrows it to one workshop.
   */
  closedWorkshops(workshopId?: string): Promise<Array<{ workshopId: string; closedAt: number }>>;
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
type InviteRow = {
  id: string;
  token_hash: string;
  workshop_id: string;
  invited_by: string;
  created_at: number;
  expires_at: number;
  accepted_by: string | null;
  accepted_at: number | null;
  revoked_at: number | null;
};
const orNull = (v: number | null) => (v == null ? null : Number(v));
const inviteOf = (r: InviteRow): CofacInvite => ({
  id: r.id,
  tokenHash: r.token_hash,
  workshopId: r.workshop_id,
  invitedBy: r.invited_by,
  createdAt: Number(r.created_at),
  expiresAt: Number(r.expires_at),
  acceptedBy: r.accepted_by,
  acceptedAt: orNull(r.accepted_at),
  revokedAt: orNull(r.revoked_at),
});

/** Tables holding a workshop's rows (besides `workshops` itself), all emptied by deleteWorkshop. */
export const WORKSHOP_TABLES = [
  'events',
  'snapshots',
  'snapshot_parts',
  'credentials',
  'workshop_roles',
  'cofacilitator_invites',
  'account_keys',
  'participant_devices',
] as const;

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
type OidcRow = { issuer: string; subject: string; account_id: string; email: string | null; created_at: number; last_used_at: number };
const oidcOf = (r: OidcRow): OidcIdentity => ({
  issuer: r.issuer,
  subject: r.subject,
  accountId: r.account_id,
  email: r.email,
  createdAt: Number(r.created_at),
  lastUsedAt: Number(r.last_used_at),
});
const INSERT_OIDC =
  'INSERT INTO oidc_identities (issuer, subject, account_id, email, created_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING';
const oidcParams = (i: OidcIdentity): Param[] => [i.issuer, i.subject, i.accountId, i.email, i.createdAt, i.lastUsedAt];

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
      for (const table of WORKSHOP_TABLES) await t.run(`DELETE FROM ${table} WHERE workshop_id = ?`, [workshopId]);
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
      // the old link's devices go with it (a late sighting of one is not listed: it no longer matches a credential)
      await t.run('DELETE FROM participant_devices WHERE workshop_id = ? AND participant_id = ?', [workshopId, participantId]);
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

  async findOidcIdentity(issuer: string, subject: string) {
    const r = await one<OidcRow>(this.q, 'SELECT * FROM oidc_identities WHERE issuer = ? AND subject = ?', [issuer, subject]);
    return r && oidcOf(r);
  }

  async touchOidcIdentity(issuer: string, subject: string, at: number) {
    await this.q.run('UPDATE oidc_identities SET last_used_at = ? WHERE issuer = ? AND subject = ?', [at, issuer, subject]);
  }

  createOidcAccount(account: Account, identity: OidcIdentity, session: AuthSession) {
    return this.q.tx(async (t) => {
      await t.run('INSERT INTO accounts (id, name, created_at) VALUES (?, ?, ?)', [account.id, account.name, account.createdAt]);
      // two first sign-ins racing with the same identity: the second commit fails here, not with two accounts
      if ((await t.run(INSERT_OIDC, oidcParams(identity))) !== 1) throw new Error('oidc identity already linked');
      await t.run(INSERT_SESSION, sessionParams(session));
    });
  }

  async linkOidcIdentity(identity: OidcIdentity) {
    return (await this.q.run(INSERT_OIDC, oidcParams(identity))) === 1;
  }

  async listOidcIdentities(accountId: string) {
    return (await this.q.all<OidcRow>('SELECT * FROM oidc_identities WHERE account_id = ? ORDER BY created_at', [accountId])).map(oidcOf);
  }

  recordDevices(sightings: DeviceSighting[]) {
    if (sightings.length === 0) return Promise.resolve();
    return this.q.tx(async (t) => {
      for (const d of sightings)
        await t.run(
          // only while the link exists: a sighting written after a reissue or a deletion leaves no row
          `INSERT INTO participant_devices (token_hash, device_id, workshop_id, participant_id, user_agent, first_seen_at, last_seen_at)
           SELECT ?, ?, ?, ?, ?, ?, ? WHERE EXISTS (SELECT 1 FROM credentials WHERE token_hash = ?)
           ON CONFLICT (token_hash, device_id) DO UPDATE SET last_seen_at = excluded.last_seen_at, user_agent = excluded.user_agent`,
          [d.tokenHash, d.deviceId, d.workshopId, d.participantId, d.userAgent, d.firstSeenAt, d.lastSeenAt, d.tokenHash],
        );
    });
  }

  async listDevices(workshopId: string, perPerson: number) {
    const rows = await this.q.all<{
      token_hash: string;
      device_id: string;
      workshop_id: string;
      participant_id: string;
      user_agent: string;
      first_seen_at: number;
      last_seen_at: number;
    }>(
      `SELECT d.* FROM participant_devices d
       JOIN credentials c ON c.token_hash = d.token_hash AND c.workshop_id = d.workshop_id AND c.participant_id = d.participant_id
       WHERE d.workshop_id = ? AND c.kind IN ('participant', 'facilitator') AND c.revoked_at IS NULL
       ORDER BY d.participant_id, d.last_seen_at DESC`,
      [workshopId],
    );
    const count = new Map<string, number>();
    return rows
      .filter((r) => {
        const n = (count.get(r.participant_id) ?? 0) + 1;
        count.set(r.participant_id, n);
        return n <= perPerson;
      })
      .map((r) => ({
        tokenHash: r.token_hash,
        deviceId: r.device_id,
        workshopId: r.workshop_id,
        participantId: r.participant_id,
        userAgent: r.user_agent,
        firstSeenAt: Number(r.first_seen_at),
        lastSeenAt: Number(r.last_seen_at),
      }));
  }

  async putCofacInvite(i: CofacInvite) {
    await this.q.run(
      'INSERT INTO cofacilitator_invites (id, token_hash, workshop_id, invited_by, created_at, expires_at, accepted_by, accepted_at, revoked_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      [i.id, i.tokenHash, i.workshopId, i.invitedBy, i.createdAt, i.expiresAt, i.acceptedBy, i.acceptedAt, i.revokedAt],
    );
  }

  async listCofacInvites(workshopId: string) {
    return (
      await this.q.all<InviteRow>('SELECT * FROM cofacilitator_invites WHERE workshop_id = ? ORDER BY created_at, id', [workshopId])
    ).map(inviteOf);
  }

  async revokeCofacInvite(workshopId: string, id: string, at: number) {
    const n = await this.q.run(
      'UPDATE cofacilitator_invites SET revoked_at = ? WHERE workshop_id = ? AND id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
      [at, workshopId, id],
    );
    return n === 1;
  }

  acceptCofacInvite(tokenHash: string, accountId: string, now: number): Promise<AcceptOutcome> {
    return this.q.tx(async (t): Promise<AcceptOutcome> => {
      const r = await one<InviteRow>(t, 'SELECT * FROM cofacilitator_invites WHERE token_hash = ?', [tokenHash]);
      if (!r) return { ok: false, why: 'unknown' };
      const invite = inviteOf(r);
      if (invite.acceptedAt !== null) return { ok: false, why: 'used' };
      if (invite.revokedAt !== null) return { ok: false, why: 'revoked' };
      if (invite.expiresAt <= now) return { ok: false, why: 'expired' };
      const existing = await one<{ n: number }>(t, 'SELECT COUNT(*) AS n FROM workshop_roles WHERE account_id = ? AND workshop_id = ?', [
        accountId,
        invite.workshopId,
      ]);
      // the link stays unused: it was meant for someone who does not run the workshop yet
      if (Number(existing?.n ?? 0) > 0) return { ok: false, why: 'already_runs' };
      // co-facilitators act as the participant the owner acts as (the workshop's facilitator)
      const runner = await one<{ participant_id: string }>(
        t,
        "SELECT participant_id FROM workshop_roles WHERE workshop_id = ? ORDER BY CASE WHEN role = 'owner' THEN 0 ELSE 1 END, added_at LIMIT 1",
        [invite.workshopId],
      );
      if (!runner) return { ok: false, why: 'unknown' };
      const participantId = runner.participant_id;
      // the WHERE makes the bind single-use even if two transactions read the row unused
      const bound = await t.run(
        'UPDATE cofacilitator_invites SET accepted_by = ?, accepted_at = ? WHERE id = ? AND accepted_at IS NULL AND revoked_at IS NULL',
        [accountId, now, invite.id],
      );
      if (bound !== 1) return { ok: false, why: 'used' };
      const role: WorkshopRole = {
        accountId,
        workshopId: invite.workshopId,
        role: 'cofacilitator',
        participantId,
        addedAt: now,
        archivedAt: null,
      };
      await t.run(
        'INSERT INTO workshop_roles (account_id, workshop_id, role, participant_id, added_at, archived_at) VALUES (?, ?, ?, ?, ?, ?)',
        [role.accountId, role.workshopId, role.role, role.participantId, role.addedAt, role.archivedAt],
      );
      return { ok: true, role };
    });
  }

  async recordAccountKey(tokenHash: string, accountId: string, workshopId: string, at: number) {
    await this.q.run('INSERT INTO account_keys (token_hash, account_id, workshop_id, issued_at) VALUES (?, ?, ?, ?)', [
      tokenHash,
      accountId,
      workshopId,
      at,
    ]);
  }

  removeRole(workshopId: string, accountId: string) {
    return this.q.tx(async (t) => {
      const gone = await t.run('DELETE FROM workshop_roles WHERE workshop_id = ? AND account_id = ?', [workshopId, accountId]);
      if (gone !== 1) return undefined;
      const keys = (
        await t.all<{ token_hash: string }>('SELECT token_hash FROM account_keys WHERE workshop_id = ? AND account_id = ?', [
          workshopId,
          accountId,
        ])
      ).map((k) => k.token_hash);
      for (const h of keys) await t.run('DELETE FROM credentials WHERE token_hash = ? AND workshop_id = ?', [h, workshopId]);
      await t.run('DELETE FROM account_keys WHERE workshop_id = ? AND account_id = ?', [workshopId, accountId]);
      return keys;
    });
  }

  transferOwnership(workshopId: string, from: string, to: string) {
    return this.q
      .tx(async (t) => {
        const demoted = await t.run(
          "UPDATE workshop_roles SET role = 'cofacilitator' WHERE workshop_id = ? AND account_id = ? AND role = 'owner'",
          [workshopId, from],
        );
        const promoted = await t.run(
          "UPDATE workshop_roles SET role = 'owner' WHERE workshop_id = ? AND account_id = ? AND role = 'cofacilitator'",
          [workshopId, to],
        );
        // both or neither: throwing rolls the first update back
        if (demoted !== 1 || promoted !== 1) throw new RoleChanged();
        return true;
      })
      .catch((err: unknown) => {
        if (err instanceof RoleChanged) return false;
        throw err;
      });
  }

  async closedWorkshops(workshopId?: string) {
    // 'closed' is final (no phase follows it), so the first such event is the moment it closed.
    // A scan of the log's bodies: cheap for one workshop (its primary-key range), and for all of
    // them it runs only when data retention is on, once per RETENTION_CHECK interval.
    const rows = await this.q.all<{ workshop_id: string; closed_at: number }>(
      `SELECT workshop_id, MIN(at) AS closed_at FROM events
       WHERE ${workshopId === undefined ? '' : 'workshop_id = ? AND '}body LIKE ? AND body LIKE ?
       GROUP BY workshop_id ORDER BY closed_at`,
      [...(workshopId === undefined ? [] : [workshopId]), '%"type":"workshop:phase-changed"%', '%"phase":"closed"%'],
    );
    return rows.map((r) => ({ workshopId: r.workshop_id, closedAt: Number(r.closed_at) }));
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

class RoleChanged extends Error {}
