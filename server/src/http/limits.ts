// Per-address limits at the edge: join-code lookups, invite checks and socket handshakes, each
// counted per client address. Which address that is depends on TRUST_PROXY: by default only the
// TCP peer counts, so no client can rotate X-Forwarded-For to escape its limit.
import type { IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';
import { RateLimiterMemory } from 'rate-limiter-flexible';

/** Requests per address per minute. Generous: a whole venue often shares one NAT address. */
export interface AddressLimits {
  /** GET /api/join/:code and POST /api/join (without an invite). */
  lookupsPerMinute: number;
  /** Requests carrying a delegation review link's secret (GET ?invite=, POST /api/join with invite). */
  invitesPerMinute: number;
  /** New Socket.IO connections (engine handshakes), before any token is checked. */
  handshakesPerMinute: number;
  /** POST /api/join (checked first of all, before the body is read). */
  joinsPerMinute: number;
}

export const DEFAULT_ADDRESS_LIMITS: AddressLimits = {
  // a plenary of 1,000+ people behind one NAT can all look up the code and join within a minute
  // (each join is a lookup too); guessing one of 31^8 codes at 40 per second still takes centuries
  lookupsPerMinute: 2400,
  invitesPerMinute: 60,
  // a venue-wide reconnect after the wifi drops: every socket of the room at once, some twice
  handshakesPerMinute: 6000,
  joinsPerMinute: 2000,
};

/** Whether a proxy hop may be believed: (address, hop index) → trust. */
export type TrustFn = (addr: string, i: number) => boolean;

/**
 * TRUST_PROXY: unset/`false` trusts no proxy (the TCP peer is the client); `true` every hop
 * (only behind a proxy that overwrites X-Forwarded-For); a number = that many hops; otherwise a
 * comma-separated list of addresses, CIDR subnets or `loopback` / `linklocal` / `uniquelocal`.
 */
export function parseTrustProxy(raw: string | undefined): TrustFn {
  const v = (raw ?? '').trim();
  if (v === '' || v.toLowerCase() === 'false') return () => false;
  if (v.toLowerCase() === 'true') return () => true;
  if (/^\d+$/.test(v)) {
    const hops = Number(v);
    return (_a, i) => i < hops;
  }
  try {
    return proxyAddr.compile(
      v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    );
  } catch (err) {
    throw new Error(`TRUST_PROXY must be true, false, a hop count or addresses/subnets, got ${raw}: ${(err as Error).message}`);
  }
}

/** The client's address under the trust setting (same rule as Express's req.ip). */
export function clientAddress(req: IncomingMessage, trust: TrustFn): string {
  try {
    return proxyAddr(req, trust);
  } catch {
    return req.socket.remoteAddress ?? 'unknown';
  }
}

/** A fixed-window counter per key: resolves true when the key is still within its allowance. */
export function perMinute(points: number): (key: string) => Promise<boolean> {
  const limiter = new RateLimiterMemory({ points, duration: 60 });
  return (key) =>
    limiter.consume(key).then(
      () => true,
      () => false,
    );
}
