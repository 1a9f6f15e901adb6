import { isPostgresUrl } from './store/pgSchema';
import path from 'node:path';
import { HEAP_GROWING_PERCENT_DEFAULT } from './gcTuning';
import { type AddressLimits, DEFAULT_ADDRESS_LIMITS, type TrustFn, parseTrustProxy } from './http/limits';
import { type AdmissionLimits, DEFAULT_ADMISSION } from './realtime/admission';
import { JOIN_RETRY_MS } from './http/api';
import { LINK_TTL_DAYS_DEFAULT } from '@world-cafe/shared';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://... selects PostgreSQL; undefined = the SQLite file in dataDir. */
  databaseUrl: string | undefined;
  /** redis://HOST:PORT: several nodes (cluster mode); needs databaseUrl. */
  redisUrl: string | undefined;
  /** Prefix of the Redis channels the nodes talk on (REDIS_KEY_PREFIX): two clusters on one Redis use two. */
  redisKeyPrefix: string;
  logLevel: string;
  /** Extra browser origins allowed to open sockets (the app's own origin is always allowed). */
  allowedOrigins: string[];
  sync: 'full' | 'normal';
  clientDir: string;
  rateLimit: { perSecond: number; burst: number };
  /** Which proxy hops' X-Forwarded-For is believed for per-address limits (TRUST_PROXY). */
  trustProxy: TrustFn;
  /** Bearer token that opens GET /metrics; empty = the endpoint is off. */
  metricsToken: string;
  /** Default lifetime of a delegation review link, in days. */
  inviteTtlDays: number;
  /** Per-address limits per minute (LIMIT_LOOKUPS_PER_MIN, LIMIT_INVITES_PER_MIN, LIMIT_HANDSHAKES_PER_MIN, LIMIT_JOINS_PER_MIN). */
  addressLimits: AddressLimits;
  /** PUBLIC_ORIGIN (https://cafe.example.org): passkeys' relying party and the session cookie's security; unset = each request's own host. */
  publicOrigin: string | undefined;
  /** Account sign-in requests per address per minute (LIMIT_AUTH_PER_MIN, default 60). */
  authPerMinute: number;
  /** Template requests (/api/me/templates/*) per address per minute (LIMIT_TEMPLATES_PER_MIN, default 300). */
  templatesPerMinute: number;
  /**
   * V8's old-generation growing factor, as a percentage over 1 (GC_HEAP_GROWING_PERCENT; 0 leaves it
   * to V8). See gcTuning.ts.
   */
  heapGrowingPercent: number;
  /** When commands are refused as `overloaded` (OVERLOAD_LAG_MS, OVERLOAD_MAX_PENDING). */
  admission: AdmissionLimits;
  /** How long a repeated joinId is answered after the first join (JOIN_RETRY_SECONDS). */
  joinRetryMs: number;
  /** LINK_TTL_DAYS_AFTER_CLOSE: personal links stop this many days after their workshop closed (default 30; 0 = never). */
  linkTtlDays: number;
  /** RETENTION_DAYS_AFTER_CLOSE: closed workshops are deleted this many days after closing; null (unset, default) = never. */
  retentionDays: number | null;
  /** Organisation sign-in over OpenID Connect (OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET); undefined = off. */
  oidc: OidcConfig | undefined;
}

export interface OidcConfig {
  /** The provider's issuer identifier (its discovery document is at ISSUER/.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_REDIRECT_URL; undefined = PUBLIC_ORIGIN (or the request's origin) + /api/auth/oidc/callback. */
  redirectUrl: string | undefined;
}

export function configFromEnv(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got ${env.PORT}`);
  const sync = (env.DB_SYNC ?? 'full').toLowerCase();
  if (sync !== 'full' && sync !== 'normal') throw new Error(`DB_SYNC must be full or normal, got ${env.DB_SYNC}`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !isPostgresUrl(databaseUrl))
    throw new Error(`DATABASE_URL must be a postgres:// or postgresql:// URL (unset it to use SQLite in DATA_DIR)`);
  return {
    port,
    databaseUrl,
    redisUrl: env.REDIS_URL?.trim() || undefined,
    redisKeyPrefix: redisKeyPrefix(env.REDIS_KEY_PREFIX),
    host: env.HOST ?? '0.0.0.0',
    dataDir: path.resolve(env.DATA_DIR ?? 'data'),
    logLevel: env.LOG_LEVEL ?? 'info',
    allowedOrigins: (env.ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    sync,
    rateLimit: {
      perSecond: positive(env.RATE_LIMIT_PER_SEC, 20, 'RATE_LIMIT_PER_SEC'),
      burst: positive(env.RATE_LIMIT_BURST, 40, 'RATE_LIMIT_BURST'),
    },
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    metricsToken: metricsToken(env.METRICS_TOKEN),
    inviteTtlDays: positive(env.INVITE_TTL_DAYS, 30, 'INVITE_TTL_DAYS'),
    addressLimits: {
      lookupsPerMinute: positive(env.LIMIT_LOOKUPS_PER_MIN, DEFAULT_ADDRESS_LIMITS.lookupsPerMinute, 'LIMIT_LOOKUPS_PER_MIN'),
      invitesPerMinute: positive(env.LIMIT_INVITES_PER_MIN, DEFAULT_ADDRESS_LIMITS.invitesPerMinute, 'LIMIT_INVITES_PER_MIN'),
      handshakesPerMinute: positive(env.LIMIT_HANDSHAKES_PER_MIN, DEFAULT_ADDRESS_LIMITS.handshakesPerMinute, 'LIMIT_HANDSHAKES_PER_MIN'),
      joinsPerMinute: positive(env.LIMIT_JOINS_PER_MIN, DEFAULT_ADDRESS_LIMITS.joinsPerMinute, 'LIMIT_JOINS_PER_MIN'),
    },
    linkTtlDays: days(env.LINK_TTL_DAYS_AFTER_CLOSE, LINK_TTL_DAYS_DEFAULT, 'LINK_TTL_DAYS_AFTER_CLOSE'),
    retentionDays: env.RETENTION_DAYS_AFTER_CLOSE?.trim()
      ? positive(env.RETENTION_DAYS_AFTER_CLOSE, 0, 'RETENTION_DAYS_AFTER_CLOSE')
      : null,
    joinRetryMs: positive(env.JOIN_RETRY_SECONDS, JOIN_RETRY_MS / 1000, 'JOIN_RETRY_SECONDS') * 1000,
    admission: {
      lagMs: positive(env.OVERLOAD_LAG_MS, DEFAULT_ADMISSION.lagMs, 'OVERLOAD_LAG_MS'),
      maxUnpublished: positive(env.OVERLOAD_MAX_PENDING, DEFAULT_ADMISSION.maxUnpublished, 'OVERLOAD_MAX_PENDING'),
    },
    publicOrigin: publicOrigin(env.PUBLIC_ORIGIN),
    authPerMinute: positive(env.LIMIT_AUTH_PER_MIN, 60, 'LIMIT_AUTH_PER_MIN'),
    oidc: oidcConfig(env),
    templatesPerMinute: positive(env.LIMIT_TEMPLATES_PER_MIN, 300, 'LIMIT_TEMPLATES_PER_MIN'),
    heapGrowingPercent: heapGrowingPercent(env.GC_HEAP_GROWING_PERCENT),
    clientDir: path.resolve(env.CLIENT_DIR ?? path.join(import.meta.dirname, '../../client/dist')),
  };
}

function publicOrigin(raw: string | undefined): string | undefined {
  const v = (raw ?? '').trim();
  if (!v) return undefined;
  let u: URL;
  try {
    u = new URL(v);
  } catch {
    throw new Error(`PUBLIC_ORIGIN must be an origin like https://cafe.example.org, got ${raw}`);
  }
  if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.origin !== v.replace(/\/$/, ''))
    throw new Error(`PUBLIC_ORIGIN must be an origin (scheme, host and port only) like https://cafe.example.org, got ${raw}`);
  return u.origin;
}

/** All three of OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, or none: half a configuration is a typo, not "off". */
export function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER?.trim() ?? '';
  const clientId = env.OIDC_CLIENT_ID?.trim() ?? '';
  const clientSecret = env.OIDC_CLIENT_SECRET?.trim() ?? '';
  const redirect = env.OIDC_REDIRECT_URL?.trim() ?? '';
  const set = [issuer, clientId, clientSecret].filter(Boolean).length;
  if (set === 0) {
    if (redirect) throw new Error('OIDC_REDIRECT_URL is set but OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are not');
    return undefined;
  }
  if (set < 3) throw new Error('OpenID Connect sign-in needs all of OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET (or none of them)');
  const url = (name: string, v: string) => {
    let u: URL;
    try {
      u = new URL(v);
    } catch {
      throw new Error(`${name} must be a URL, got ${v}`);
    }
    // plain http only to a provider on this machine (a test or a local Keycloak): tokens never cross a network in clear
    if (u.protocol !== 'https:' && !(u.protocol === 'http:' && isLoopback(u.hostname)))
      throw new Error(`${name} must be an https:// URL (http:// only for localhost), got ${v}`);
    return u;
  };
  url('OIDC_ISSUER', issuer);
  if (redirect) {
    let u: URL | undefined;
    try {
      u = new URL(redirect);
    } catch {
      /* answered below */
    }
    if (!u || !/^https?:$/.test(u.protocol)) throw new Error(`OIDC_REDIRECT_URL must be an absolute http(s) URL, got ${redirect}`);
  }
  return { issuer, clientId, clientSecret, redirectUrl: redirect || undefined };
}

export const isLoopback = (hostname: string) => ['localhost', '127.0.0.1', '[::1]', '::1'].includes(hostname);

function metricsToken(raw: string | undefined): string {
  const token = (raw ?? '').trim();
  if (token !== '' && token.length < 16) throw new Error('METRICS_TOKEN must be at least 16 characters (or unset to turn /metrics off)');
  return token;
}

function positive(raw: string | undefined, fallback: number, name: string): number {
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got ${raw}`);
  return n;
}

/**
 * A number from the environment that may be 0, `fallback` when unset or blank: days
 * (LINK_TTL_DAYS_AFTER_CLOSE=0: never) or a whole percentage up to `max` (GC_HEAP_GROWING_PERCENT=0:
 * V8's own choice). `what` says what a valid value is, in the error.
 */
function zeroOrMore(
  raw: string | undefined,
  fallback: number,
  name: string,
  what: string,
  bound: { max?: number; whole?: boolean } = {},
): number {
  if (raw === undefined || raw.trim() === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0 || n > (bound.max ?? Infinity) || (bound.whole && !Number.isInteger(n)))
    throw new Error(`${name} must be ${what}, got ${raw}`);
  return n;
}

const days = (raw: string | undefined, fallback: number, name: string) => zeroOrMore(raw, fallback, name, 'a number of days (0 or more)');

const heapGrowingPercent = (raw: string | undefined) =>
  zeroOrMore(raw, HEAP_GROWING_PERCENT_DEFAULT, 'GC_HEAP_GROWING_PERCENT', "a whole number from 0 (V8's own choice) to 1000", {
    max: 1000,
    whole: true,
  });

function redisKeyPrefix(raw: string | undefined): string {
  const v = raw?.trim() || 'worldcafe';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(v)) throw new Error(`REDIS_KEY_PREFIX must be 1-64 letters, digits or _ . : -, got ${raw}`);
  return v;
}
