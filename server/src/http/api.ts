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
  joinSchema,
  normaliseJoinCode,
} from '@world-cafe/shared';
import type { EventStore } from '../store/eventStore';
import type { RoomRegistry } from '../realtime/workshopRoom';
import { hashToken, newToken } from '../auth';

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
  rooms: RoomRegistry;
  logger: Logger;
  /** Per client IP; generous, because a whole venue often shares one NAT address. */
  limits?: { createsPerMinute: number; joinsPerMinute: number };
}

export function createApi({ store, rooms, logger, limits }: ApiDeps) {
  const router = express.Router();
  const createLimiter = new RateLimiterMemory({ points: limits?.createsPerMinute ?? 30, duration: 60 });
  const joinLimiter = new RateLimiterMemory({ points: limits?.joinsPerMinute ?? 2000, duration: 60 });

  const limited = (limiter: RateLimiterMemory) => async (req: Request, res: Response, next: () => void) => {
    try {
      await limiter.consume(req.ip ?? 'unknown');
      next();
    } catch {
      sendError(res, 'rate_limited', 'too many requests; wait a minute and retry');
    }
  };

  router.get('/health', (_req, res) => {
    res.json({ ok: true });
  });

  router.post('/workshops', limited(createLimiter), async (req, res) => {
    const parsed = createWorkshopSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'invalid_payload', describe(parsed.error.issues));
    const workshopId = newId();
    const facilitatorId = newId();
    const facilitatorKey = newToken();
    // A code collision is astronomically rare (31^8), but the unique index would reject it: retry once.
    let code = joinCode();
    if (await store.findWorkshopByCode(code)) code = joinCode();
    const room = rooms.create(workshopId);
    const ack = await room.execute(
      { type: 'workshop:create', workshopId, joinCode: code, facilitatorId, input: parsed.data },
      { kind: 'system' },
      null,
      {
        workshop: { id: workshopId, joinCode: code, createdAt: Date.now() },
        credential: { tokenHash: hashToken(facilitatorKey), workshopId, participantId: facilitatorId, kind: 'facilitator' },
      },
    );
    if (!ack.ok) return sendAck(res, ack);
    logger.info({ workshopId }, 'workshop created');
    res.status(201).json({ workshopId, joinCode: code, participantId: facilitatorId, facilitatorKey });
  });

  router.get('/join/:code', async (req, res) => {
    const record = await store.findWorkshopByCode(normaliseJoinCode(req.params.code ?? ''));
    if (!record) return sendError(res, 'not_found', 'no workshop has this code');
    const s = (await rooms.get(record.id)).committed;
    res.json({
      workshopId: s.id,
      title: s.title,
      purpose: s.purpose,
      language: s.language,
      phase: s.phase,
      joinCode: s.joinCode,
      delegations: Object.values(s.delegations),
    });
  });

  router.post('/join', limited(joinLimiter), async (req, res) => {
    const parsed = joinSchema.safeParse(req.body);
    if (!parsed.success) return sendError(res, 'invalid_payload', describe(parsed.error.issues));
    const input = parsed.data;
    const record = await store.findWorkshopByCode(normaliseJoinCode(input.code));
    if (!record) return sendError(res, 'not_found', 'no workshop has this code');
    const room = await rooms.get(record.id);
    const participantId = newId();
    const token = newToken();
    const ack = await room.execute(
      {
        type: 'participant:join',
        participantId,
        name: input.name,
        delegationId: input.delegationId ?? null,
        ...(input.newDelegation ? { newDelegation: { id: newId(), ...input.newDelegation } } : {}),
        role: input.role,
      },
      { kind: 'system' },
      null,
      { credential: { tokenHash: hashToken(token), workshopId: record.id, participantId, kind: 'participant' } },
    );
    if (!ack.ok) return sendAck(res, ack);
    res.status(201).json({ workshopId: record.id, participantId, token });
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
