// HTTP edge: create a workshop, look up a join code, join. Each goes through the same
// decide/append pipeline as socket commands, as a system command.
import express, { type Request, type Response } from 'express';
import { customAlphabet } from 'nanoid';
import { RateLimiterMemory } from 'rate-limiter-flexible';
import type { Logger } from 'pino';
import {
  type Ack,
  type ErrorCode,
  JOIN_CODE_ALPHABET,
  JOIN_CODE_LENGTH,
  createWorkshopSchema,
  issueInviteSchema,
  joinSchema,
  normaliseJoinCode,
  type SystemCommand,
  viewFor,
} from '@world-cafe/shared';
import type { Credential, EventStore } from '../store/eventStore';
import type { RejectionLog } from '../rejections';
import { type AddressLimits, DEFAULT_ADDRESS_LIMITS, perMinute } from './limits';
import { joinIdentity } from './joinId';
import type { ExecuteExtra, Rooms } from '../realtime/workshopRoom';
import { parseImport } from './importParse';
import { hashToken, newToken } from '../auth';
import { INVITE_ID_LENGTH } from '../store/credentials';
import { EXPORT_FORMATS, PdfUnavailableError, isExportFormat, renderExport } from '../export/index';
import { isLocale } from '@world-cafe/shared/export';
import { type LinkExpiry, NEVER_EXPIRES } from '../linkExpiry';

const joinCode = customAlphabet(JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH);
const newId = customAlphabet('0123456789abcdefghijklmnopqrstuvwxyz', 16);

const STATUS: Record<ErrorCode, number> = {
  invalid_payload: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  wrong_phase: 409,
  table_full: 409,
  rate_limited: 429,
  overloaded: 503,
  unavailable: 503,
  too_large: 413,
  internal: 500,
};

function sendError(res: Response, code: ErrorCode, message: string) {
  res.status(STATUS[code]).json({ error: { code, message } });
}

function sendAck(res: Response, ack: Ack & { ok: false }) {
  sendError(res, ack.error.code, ack.error.message);
}

export interface ApiDeps {
  store: EventStore;
  rooms: Rooms;
  logger: Logger;
  /** Per client IP; generous, because a whole venue often shares one NAT address. */
  limits?: { createsPerMinute: number };
  addressLimits?: AddressLimits;
  rejections: RejectionLog;
  /** Default lifetime of a delegation review link, in days. */
  inviteTtlDays: number;
  /** True once a graceful shutdown began (GET /api/ready answers 503). */
  stopping: () => boolean;
  /** Cluster mode: Redis must answer too for the node to be ready. */
  redisPing?: () => Promise<void>;
  /** How long after a join its joinId still answers a retry (JOIN_RETRY_SECONDS). */
  joinRetryMs?: number;
  /** Personal links that expired after their workshop closed (LINK_TTL_DAYS_AFTER_CLOSE); default: none do. */
  linkExpiry?: LinkExpiry;
}

/** Default for joinRetryMs: the bundled client retries within seconds; ten minutes leaves room for a slow network. */
export const JOIN_RETRY_MS = 10 * 60_000;

const DAY_MS = 24 * 60 * 60 * 1000;

function withTimeout(p: Promise<void> | undefined, ms: number): Promise<void> {
  if (!p) return Promise.resolve();
  let timer: NodeJS.Timeout;
  return Promise.race([p, new Promise<void>((_, reject) => (timer = setTimeout(() => reject(new Error('timed out')), ms)))]).finally(() =>
    clearTimeout(timer),
  );
}

/** Why a review link does not admit anyone, or null when it does. */
function inviteProblem(invite: Credential | undefined, workshopId: string, now: number): 'unknown' | 'expired' | 'revoked' | null {
  if (!invite || invite.kind !== 'invite' || invite.workshopId !== workshopId) return 'unknown';
  if (invite.revokedAt != null) return 'revoked';
  if (invite.expiresAt != null && invite.expiresAt <= now) return 'expired';
  return null;
}

export function createApi(opts: ApiDeps) {
  const { store, rooms, logger, limits, addressLimits = DEFAULT_ADDRESS_LIMITS, rejections, inviteTtlDays, stopping } = opts;
  const joinRetryMs = opts.joinRetryMs ?? JOIN_RETRY_MS;
  const linkExpiry = opts.linkExpiry ?? NEVER_EXPIRES;
  /** 401 for a personal link past LINK_TTL_DAYS_AFTER_CLOSE, with `reason` so a client can say why. */
  function sendExpired(res: Response, at: number) {
    res.status(401).json({
      error: {
        code: 'unauthorized',
        reason: 'link_expired',
        expiredAt: at,
        message: 'this personal link expired after the workshop closed; ask the facilitator for the outcome',
      },
    });
  }
  const router = express.Router();
  const createLimiter = new RateLimiterMemory({ points: limits?.createsPerMinute ?? 30, duration: 60 });
  // documents are costly to render (the PDF starts a browser)
  const exportLimiter = new RateLimiterMemory({ points: 30, duration: 60 });
  const joinLimiter = new RateLimiterMemory({ points: addressLimits.joinsPerMinute, duration: 60 });

  const limited = (limiter: RateLimiterMemory) => async (req: Request, res: Response, next: () => void) => {
    try {
      await limiter.consume(req.ip ?? 'unknown');
      next();
    } catch {
      rejections.record('http', 'rate_limited', { type: req.path.slice(0, 60), address: req.ip ?? '' });
      sendError(res, 'rate_limited', 'too many requests; wait a minute and retry');
    }
  };
  // Join-code lookups and invite checks, per client address (see limits.ts and TRUST_PROXY).
  const lookupAllowed = perMinute(addressLimits.lookupsPerMinute);
  const inviteAllowed = perMinute(addressLimits.invitesPerMinute);
  /** A request that looks up a join code, and an invite when it carries one; false = refused (answered). */
  async function lookupBudget(req: Request, res: Response, hasInvite: boolean): Promise<boolean> {
    const address = req.ip ?? 'unknown';
    const ok = (await lookupAllowed(address)) && (!hasInvite || (await inviteAllowed(address)));
    if (ok) return true;
    rejections.record('http', 'rate_limited', { type: hasInvite ? 'invite check' : 'join-code lookup', address });
    res.setHeader('Retry-After', '60');
    sendError(res, 'rate_limited', 'too many attempts from this address; wait a minute and retry');
    return false;
  }

  /**
   * A new workshop (created or imported): fresh id and join code, its first event and the
   * facilitator's key stored in one commit; a refused creation leaves nothing behind.
   */
  async function startWorkshop(
    res: Response,
    facilitatorId: string,
    command: (workshopId: string, joinCode: string) => SystemCommand,
    preEncoded?: ExecuteExtra['preEncoded'],
  ) {
    const workshopId = newId();
    const facilitatorKey = newToken();
    // A code collision is astronomically rare (31^8), but the unique index would reject it: retry once.
    let code = joinCode();
    if (await store.findWorkshopByCode(code)) code = joinCode();
    const room = rooms.create(workshopId);
    const ack = await room.execute(command(workshopId, code), { kind: 'system' }, null, {
      workshop: { id: workshopId, joinCode: code, createdAt: Date.now() },
      credential: { tokenHash: hashToken(facilitatorKey), workshopId, participantId: facilitatorId, kind: 'facilitator' },
      preEncoded,
    });
    if (!ack.ok) {
      rooms.forget(workshopId);
      return sendAck(res, ack);
    }
    logger.info({ workshopId }, 'workshop started');
    res.status(201).json({ workshopId, joinCode: code, participantId: facilitatorId, facilitatorKey });
  }

  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  /** Ready = not shutting down, the store answers, and (cluster mode) Redis answers. */
  router.get('/ready', async (_req, res) => {
    if (stopping()) return res.status(503).json({ ok: false, reason: 'shutting down' });
    try {
      await store.ping();
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'readiness check failed: store unreachable');
      return res.status(503).json({ ok: false, reason: 'store unreachable' });
    }
    try {
      await withTimeout(opts.redisPing?.(), 2000);
    } catch (err) {
      logger.warn({ err: (err as Error).message }, 'readiness check failed: Redis unreachable');
      return res.status(503).json({ ok: false, reason: 'redis unreachable' });
    }
    res.json({ ok: true });
  });

  router.post('/workshops', limited(createLimiter), async (req, res) => {
    const parsed = createWorkshopSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'invalid_payload', describe(parsed.error.issues));
    const facilitatorId = newId();
    await startWorkshop(res, facilitatorId, (workshopId, code) => ({
      type: 'workshop:create',
      workshopId,
      joinCode: code,
      facilitatorId,
      input: parsed.data,
    }));
  });

  router.get('/join/:code', async (req, res) => {
    const inviteToken = typeof req.query.invite === 'string' && req.query.invite.length >= 16 ? req.query.invite : null;
    if (!(await lookupBudget(req, res, inviteToken !== null))) return;
    const record = await store.findWorkshopByCode(normaliseJoinCode(req.params.code ?? ''));
    if (!record) return sendError(res, 'not_found', 'no workshop has this code');
    const s = (await rooms.get(record.id)).committed;
    // a delegation review link names its delegation, so the join screen can show it
    let invitedDelegationId: string | null = null;
    let inviteStatus: 'valid' | 'unknown' | 'expired' | 'revoked' | null = null;
    if (inviteToken) {
      const invite = await store.findCredential(hashToken(inviteToken));
      const problem = inviteProblem(invite, record.id, Date.now());
      inviteStatus = problem ?? 'valid';
      if (!problem) invitedDelegationId = invite!.participantId;
    }
    res.json({
      workshopId: s.id,
      title: s.title,
      purpose: s.purpose,
      language: s.language,
      phase: s.phase,
      joinCode: s.joinCode,
      delegations: Object.values(s.delegations),
      invitedDelegationId,
      inviteStatus,
    });
  });

  router.post('/join', limited(joinLimiter), async (req, res) => {
    const parsed = joinSchema.safeParse(req.body);
    if (!parsed.success) {
      rejections.record('http', 'invalid_payload', { type: 'join', address: req.ip ?? '' });
      return sendError(res, 'invalid_payload', describe(parsed.error.issues));
    }
    const input = parsed.data;
    if (!(await lookupBudget(req, res, input.invite !== undefined))) return;
    const record = await store.findWorkshopByCode(normaliseJoinCode(input.code));
    if (!record) return sendError(res, 'not_found', 'no workshop has this code');
    const room = await rooms.get(record.id);
    // A retry of a join that already happened (same joinId) gets the same person back, before
    // any other check: the invite may have expired or the phase moved on since the first attempt.
    // Only for a while (joinRetryMs): a join id is a secret, and one found later must not hand out the token.
    const identity = input.joinId ? joinIdentity(record.id, input.joinId) : null;
    const earlier = identity ? room.committed.participants[identity.participantId] : undefined;
    if (identity && earlier) {
      if (Date.now() - earlier.joinedAt > joinRetryMs) {
        rejections.record('http', 'conflict', { type: 'join id expired', workshopId: record.id, address: req.ip ?? '' });
        return sendError(res, 'conflict', 'this join was completed earlier; open the join link again to join anew');
      }
      const expiry = await linkExpiry.check({ workshopId: record.id, participantId: identity.participantId, kind: 'participant' });
      if (expiry.expired) return sendExpired(res, expiry.at);
      return res.status(200).json({ workshopId: record.id, participantId: identity.participantId, token: identity.token, duplicate: true });
    }
    // A delegation review link fixes the delegation and admits people after the live session.
    let invitedTo: string | null = null;
    if (input.invite) {
      const invite = await store.findCredential(hashToken(input.invite));
      const problem = inviteProblem(invite, record.id, Date.now());
      if (problem) {
        rejections.record('http', 'unauthorized', { type: `invite ${problem}`, workshopId: record.id, address: req.ip ?? '' });
        const why = problem === 'unknown' ? 'is not valid for this workshop' : problem === 'expired' ? 'has expired' : 'has been revoked';
        return sendError(res, 'unauthorized', `this review link ${why}; ask the facilitator for a new one`);
      }
      invitedTo = invite!.participantId;
    }
    const participantId = identity?.participantId ?? newId();
    const token = identity?.token ?? newToken();
    const ack = await room.execute(
      {
        type: 'participant:join',
        participantId,
        name: input.name,
        delegationId: invitedTo ?? input.delegationId ?? null,
        ...(input.newDelegation && !invitedTo ? { newDelegation: { id: newId(), ...input.newDelegation } } : {}),
        role: input.role,
        viaInvite: invitedTo !== null,
      },
      { kind: 'system' },
      // concurrent retries of one joinId share the first attempt's result (and it survives a restart)
      identity ? `${participantId}:join` : null,
      { credential: { tokenHash: hashToken(token), workshopId: record.id, participantId, kind: 'participant' } },
    );
    if (!ack.ok) return sendAck(res, ack);
    if (ack.duplicate) return res.status(200).json({ workshopId: record.id, participantId, token, duplicate: true });
    res.status(201).json({ workshopId: record.id, participantId, token });
  });

  /**
   * Bearer token → who is asking, for endpoints outside the socket (invites, exports); undefined
   * after answering 401 (`missing` says what to send; an expired personal link says so).
   */
  async function caller(req: Request, res: Response, missing: string) {
    const workshopId = String(req.params.id ?? '');
    const header = req.headers.authorization ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const cred = token.length < 16 ? undefined : await store.findCredential(hashToken(token));
    if (!cred || cred.kind === 'invite' || cred.workshopId !== workshopId) return void sendError(res, 'unauthorized', missing);
    const room = await rooms.get(workshopId);
    const participant = room.committed.participants[cred.participantId];
    if (!participant) return void sendError(res, 'unauthorized', missing);
    const expiry = await linkExpiry.check(cred);
    if (expiry.expired) return void sendExpired(res, expiry.at);
    return { room, participant };
  }

  router.post('/workshops/:id/invites', limited(createLimiter), async (req, res) => {
    const who = await caller(req, res, 'send the facilitator key as a Bearer token');
    if (!who) return;
    if (who.participant.role !== 'facilitator') return sendError(res, 'forbidden', 'only a facilitator issues review links');
    const parsed = issueInviteSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'invalid_payload', describe(parsed.error.issues));
    const { delegationId } = parsed.data;
    const state = who.room.committed;
    if (!Object.hasOwn(state.delegations, delegationId)) return sendError(res, 'not_found', 'delegation not found');
    if (state.phase === 'closed') return sendError(res, 'wrong_phase', 'the workshop is closed');
    const invite = newToken();
    const tokenHash = hashToken(invite);
    const issuedAt = Date.now();
    const expiresAt = parsed.data.expiresAt ?? Math.round(issuedAt + (parsed.data.expiresInDays ?? inviteTtlDays) * DAY_MS);
    if (expiresAt <= issuedAt || expiresAt > issuedAt + 366 * DAY_MS)
      return sendError(res, 'invalid_payload', 'expiresAt must be in the future and at most a year ahead');
    await store.append({
      workshopId: state.id,
      opKey: null,
      envelopes: [],
      credential: { tokenHash, workshopId: state.id, participantId: delegationId, kind: 'invite', issuedAt, expiresAt },
    });
    logger.info({ workshopId: state.id, delegationId, expiresAt }, 'delegation review link issued');
    res.status(201).json({
      id: tokenHash.slice(0, INVITE_ID_LENGTH),
      delegationId,
      invite,
      path: `/join/${state.joinCode}#invite=${invite}`,
      issuedAt,
      expiresAt,
      revokedAt: null,
    });
  });

  /** The review links issued so far (without their secrets), for the facilitator's console. */
  router.get('/workshops/:id/invites', async (req, res) => {
    const who = await caller(req, res, 'send the facilitator key as a Bearer token');
    if (!who) return;
    if (who.participant.role !== 'facilitator') return sendError(res, 'forbidden', 'only a facilitator sees review links');
    res.setHeader('Cache-Control', 'no-store');
    res.json({ invites: await store.listInvites(who.room.id), now: Date.now() });
  });

  /** Revokes a review link: it admits nobody from now on (people who joined with it stay). */
  router.delete('/workshops/:id/invites/:inviteId', limited(createLimiter), async (req, res) => {
    const who = await caller(req, res, 'send the facilitator key as a Bearer token');
    if (!who) return;
    if (who.participant.role !== 'facilitator') return sendError(res, 'forbidden', 'only a facilitator revokes review links');
    const id = String(req.params.inviteId ?? '');
    const found = (await store.listInvites(who.room.id)).find((i) => i.id === id);
    if (!found) return sendError(res, 'not_found', 'no such review link');
    if (found.revokedAt === null) {
      const at = Date.now();
      await store.append({ workshopId: who.room.id, opKey: null, envelopes: [], revokeInvite: { id, at } });
      found.revokedAt = at;
      logger.info({ workshopId: who.room.id, delegationId: found.delegationId }, 'delegation review link revoked');
    }
    res.json(found);
  });

  // Facilitators and table hosts download the outcome; the body is built from the committed state.
  router.get('/workshops/:id/export', limited(exportLimiter), async (req, res) => {
    const who = await caller(req, res, 'send the facilitator key or a host token as a Bearer token');
    if (!who) return;
    if (who.participant.role !== 'facilitator' && who.participant.role !== 'host')
      return sendError(res, 'forbidden', 'facilitators and table hosts export');
    const format = req.query.format;
    if (!isExportFormat(format)) return sendError(res, 'invalid_payload', `format must be one of ${EXPORT_FORMATS.join(', ')}`);
    const locale = isLocale(req.query.locale) ? req.query.locale : undefined;
    try {
      // Until the workshop closes, a host's export holds only what the host may see (reviews stay
      // with their delegation and the chair); the facilitator's is complete.
      const state = who.room.committed;
      const full = who.participant.role === 'facilitator' || state.phase === 'closed';
      const file = await renderExport(full ? state : viewFor(state, who.participant.id), format, locale ? { locale } : {});
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `attachment; filename="${file.filename}"`);
      res.setHeader('Cache-Control', 'no-store');
      res.send(file.body);
    } catch (err) {
      if (err instanceof PdfUnavailableError) return sendError(res, 'internal', err.message);
      throw err;
    }
  });

  router.post('/workshops/import', limited(createLimiter), async (req, res) => {
    // the body arrives as text (app.ts): it is parsed where its size allows (importParse.ts)
    if (typeof req.body !== 'string') return sendError(res, 'invalid_payload', 'send the export as JSON (Content-Type: application/json)');
    const parsed = await parseImport(req.body);
    if (!parsed.ok) return sendError(res, 'invalid_payload', parsed.message);
    const { state, json } = parsed;
    const facilitatorId = Object.values(state.participants).find((p) => p.role === 'facilitator')?.id;
    if (!facilitatorId) return sendError(res, 'invalid_payload', 'not a World Café export with a facilitator');
    await startWorkshop(
      res,
      facilitatorId,
      (workshopId, code) => ({ type: 'workshop:import', workshopId, joinCode: code, facilitatorId, state }),
      // the imported state's JSON from the parsing thread: the event is stored without serialising it again
      json === undefined ? undefined : { value: state, json },
    );
  });

  router.use((_req, res) => sendError(res, 'not_found', 'no such endpoint'));
  return router;
}

function describe(issues: ReadonlyArray<{ path: PropertyKey[]; message: string }>): string {
  return issues
    .slice(0, 3)
    .map((i) => `${i.path.map(String).join('.') || 'body'}: ${i.message}`)
    .join('; ');
}
