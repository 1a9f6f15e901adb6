// Versioned schema migrations for both dialects. A database records the versions it has applied
// in `schema_migrations`; on start (and with `npm run migrate`) the missing ones run in order,
// each in the same transaction as its row there, under a lock so nodes starting together apply
// each version once. Append new versions at the end; never edit one that has shipped.
//
// Version 1 is the schema that SQLite files had before versions existed (CREATE ... IF NOT
// EXISTS), so an existing file upgrades in place: version 1 is a no-op on it and is recorded.

export interface Migration {
  version: number;
  name: string;
  sqlite: string;
  postgres: string;
}

/** How many snapshots a workshop keeps (the newest ones); older ones are deleted as new ones land. */
export const SNAPSHOTS_KEPT = 3;

/**
 * Orphan snapshot parts (of no kept head) deleted with each part written: bounded work per commit,
 * and twice the rate parts are written, so orphans never pile up.
 */
export const ORPHAN_PARTS_PER_WRITE = 2;

/** Version 4's tables; the dialects differ only in the type of ms timestamps. */
function SQL_V4(time: 'INTEGER' | 'BIGINT'): string {
  return `
CREATE TABLE accounts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at ${time} NOT NULL
);
CREATE TABLE passkeys (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  public_key TEXT NOT NULL,
  counter ${time} NOT NULL,
  transports TEXT NOT NULL,
  label TEXT NOT NULL,
  created_at ${time} NOT NULL,
  last_used_at ${time}
);
CREATE INDEX passkeys_account ON passkeys (account_id);
CREATE TABLE recovery_codes (
  code_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL
);
CREATE INDEX recovery_codes_account ON recovery_codes (account_id);
CREATE TABLE auth_sessions (
  id_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  created_at ${time} NOT NULL,
  last_seen_at ${time} NOT NULL,
  user_agent TEXT NOT NULL
);
CREATE INDEX auth_sessions_account ON auth_sessions (account_id);
CREATE TABLE auth_challenges (
  id TEXT PRIMARY KEY,
  challenge TEXT NOT NULL,
  purpose TEXT NOT NULL,
  account_id TEXT,
  expires_at ${time} NOT NULL
);
CREATE TABLE workshop_roles (
  account_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  role TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  added_at ${time} NOT NULL,
  archived_at ${time},
  PRIMARY KEY (account_id, workshop_id)
);
CREATE INDEX workshop_roles_workshop ON workshop_roles (workshop_id);`;
}

function SQL_V5(time: 'INTEGER' | 'BIGINT'): string {
  return `
CREATE TABLE account_templates (
  id TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  body TEXT NOT NULL,
  created_at ${time} NOT NULL,
  updated_at ${time} NOT NULL
);
CREATE INDEX account_templates_account ON account_templates (account_id, updated_at);`;
}

/** Version 6's tables (co-facilitator invitations, which account a facilitator key was issued to). */
function SQL_V6(time: 'INTEGER' | 'BIGINT'): string {
  return `
CREATE TABLE cofacilitator_invites (
  id TEXT PRIMARY KEY,
  token_hash TEXT NOT NULL UNIQUE,
  workshop_id TEXT NOT NULL,
  invited_by TEXT NOT NULL,
  created_at ${time} NOT NULL,
  expires_at ${time} NOT NULL,
  accepted_by TEXT,
  accepted_at ${time},
  revoked_at ${time}
);
CREATE INDEX cofacilitator_invites_workshop ON cofacilitator_invites (workshop_id);
CREATE TABLE account_keys (
  token_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  issued_at ${time} NOT NULL
);
CREATE INDEX account_keys_workshop ON account_keys (workshop_id, account_id);`;
}

/** Version 8's table (the same text in both dialects). */
const SQL_V8 = `
CREATE TABLE snapshot_parts (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  part INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq, part)
);`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'workshops, events, credentials',
    sqlite: `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  by TEXT,
  scope TEXT,
  op_key TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS events_op ON events (workshop_id, op_key) WHERE op_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS credentials (
  token_hash TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  kind TEXT NOT NULL
);`,
    // body stays TEXT, not jsonb: jsonb would reorder keys, and the log keeps the exact bytes.
    // The primary key on (workshop_id, seq) is what stops two nodes from writing the same seq.
    postgres: `
CREATE TABLE IF NOT EXISTS workshops (
  id TEXT PRIMARY KEY,
  join_code TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  at BIGINT NOT NULL,
  by TEXT,
  scope TEXT,
  op_key TEXT,
  body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
);
CREATE INDEX IF NOT EXISTS events_op ON events (workshop_id, op_key) WHERE op_key IS NOT NULL;
CREATE TABLE IF NOT EXISTS credentials (
  token_hash TEXT PRIMARY KEY,
  workshop_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  kind TEXT NOT NULL
);`,
  },
  {
    version: 2,
    name: 'snapshots',
    sqlite: `
CREATE TABLE snapshots (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
) WITHOUT ROWID;`,
    postgres: `
CREATE TABLE snapshots (
  workshop_id TEXT NOT NULL,
  seq INTEGER NOT NULL,
  body TEXT NOT NULL,
  PRIMARY KEY (workshop_id, seq)
);`,
  },
  {
    // Delegation review links expire and can be revoked (ms since epoch; NULL = never / not
    // revoked / issued before this version). Existing rows keep NULLs: links already handed out
    // stay valid until someone revokes them.
    version: 3,
    name: 'credential issue, expiry and revocation times',
    sqlite: `
ALTER TABLE credentials ADD COLUMN issued_at INTEGER;
ALTER TABLE credentials ADD COLUMN expires_at INTEGER;
ALTER TABLE credentials ADD COLUMN revoked_at INTEGER;`,
    postgres: `
ALTER TABLE credentials ADD COLUMN issued_at BIGINT;
ALTER TABLE credentials ADD COLUMN expires_at BIGINT;
ALTER TABLE credentials ADD COLUMN revoked_at BIGINT;`,
  },
  {
    // Facilitator accounts (issue 17): passkeys, one-time recovery codes (hashed), browser
    // sessions (only the hash of the cookie's secret), WebAuthn challenges waiting for their
    // answer (in the database so any node can finish a ceremony another node began), and each
    // account's role in a workshop. Delegates never have accounts.
    version: 4,
    name: 'facilitator accounts, passkeys, sessions, workshop roles',
    sqlite: SQL_V4('INTEGER'),
    postgres: SQL_V4('BIGINT'),
  },
  {
    // Templates (issue 17): a facilitator account's saved workshop setups. `body` is the setup as
    // JSON (parsed with templateSetupSchema when read), so a new setup field needs no migration.
    version: 5,
    name: 'account templates',
    sqlite: SQL_V5('INTEGER'),
    postgres: SQL_V5('BIGINT'),
  },
  {
    // Co-facilitators (issue 17 item 4): single-use invitation links (only the hash of the
    // secret), and which account each facilitator key issued through "open" belongs to, so removing
    // a co-facilitator ends exactly their keys (co-facilitators act as the workshop's facilitator
    // participant, whose other keys stay valid).
    version: 6,
    name: 'co-facilitator invitations, facilitator keys per account',
    sqlite: SQL_V6('INTEGER'),
    postgres: SQL_V6('BIGINT'),
  },
  {
    // Organisation sign-in (issue 17): an OpenID Connect identity, named by the provider's issuer
    // and its stable subject, belongs to one account; an account may link several.
    // And each person's devices: a browser (its own random id) seen with a personal link (by the
    // link's hash, so a reissued link starts with no devices), for the facilitator's people list.
    version: 7,
    name: 'OpenID Connect identities of accounts; devices of personal links',
    sqlite: SQL_V7('INTEGER'),
    postgres: SQL_V7('BIGINT'),
  },
  {
    // Snapshots in parts (format version 2, see server/src/realtime/committedView.ts): a head row in
    // `snapshots` and its parts here, each part written in its own group commit, so a snapshot of a
    // big workshop never holds the writer for one multi-MB transaction. SQLite: a rowid table (the
    // bodies are large, and pruning deletes orphan parts a few rowids at a time).
    version: 8,
    name: 'snapshot parts',
    sqlite: SQL_V8,
    postgres: SQL_V8,
  },
];

/** Version 7's tables. */
function SQL_V7(time: 'INTEGER' | 'BIGINT'): string {
  return `
CREATE TABLE oidc_identities (
  issuer TEXT NOT NULL,
  subject TEXT NOT NULL,
  account_id TEXT NOT NULL,
  email TEXT,
  created_at ${time} NOT NULL,
  last_used_at ${time} NOT NULL,
  PRIMARY KEY (issuer, subject)
);
CREATE INDEX oidc_identities_account ON oidc_identities (account_id);
CREATE TABLE participant_devices (
  token_hash TEXT NOT NULL,
  device_id TEXT NOT NULL,
  workshop_id TEXT NOT NULL,
  participant_id TEXT NOT NULL,
  user_agent TEXT NOT NULL,
  first_seen_at ${time} NOT NULL,
  last_seen_at ${time} NOT NULL,
  PRIMARY KEY (token_hash, device_id)
);
CREATE INDEX participant_devices_workshop ON participant_devices (workshop_id, participant_id);`;
}

export const MIGRATIONS_TABLE_SQL = {
  sqlite: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
  postgres: 'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at BIGINT NOT NULL)',
} as const;

export interface MigrationResult {
  /** Versions applied by this call (empty when the database was up to date). */
  applied: number[];
  /** The database's version afterwards. */
  version: number;
}

/**
 * The migrations still to run, in order. Refuses a database that has a version this code does not
 * know (a newer server migrated it): running against it could write rows the schema no longer fits.
 */
export function pendingMigrations(applied: Iterable<number>, all: readonly Migration[] = MIGRATIONS): Migration[] {
  const done = new Set(applied);
  const known = new Set(all.map((m) => m.version));
  const newest = Math.max(0, ...all.map((m) => m.version));
  for (const v of done) {
    if (!known.has(v))
      throw new Error(
        `the database has schema version ${v}, which this server does not know (it knows up to ${newest}): upgrade the server`,
      );
  }
  // Versions are unique positive integers in ascending order, not necessarily contiguous: features
  // built in parallel reserve their numbers, and a lower version merged later runs when it arrives
  // (each version's SQL touches only its own tables, and a hole in what was applied is filled).
  const sorted = [...all].sort((a, b) => a.version - b.version);
  sorted.forEach((m, i) => {
    if (!Number.isInteger(m.version) || m.version < 1 || (i > 0 && m.version === sorted[i - 1]!.version))
      throw new Error(`migration versions must be unique positive integers; found ${m.version} at position ${i + 1}`);
  });
  return sorted.filter((m) => !done.has(m.version));
}
