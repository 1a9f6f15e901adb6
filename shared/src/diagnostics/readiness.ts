// GET /api/ready's answer. A node that starts while PostgreSQL or Redis is down does not exit and
// does not hang silently: it listens at once, answers /api/health, and /api/ready names the
// services it is waiting for and since when, until they answer and it starts serving.
import { z } from 'zod';

export const WAITED_SERVICES = ['postgresql', 'redis'] as const;
export type WaitedService = (typeof WAITED_SERVICES)[number];

const waitingSchema = z.strictObject({
  service: z.enum(WAITED_SERVICES),
  /** ISO 8601 (UTC): when this node first failed to reach the service. */
  since: z.iso.datetime(),
  /** The last connection error, for the operator (e.g. "connect ECONNREFUSED 10.0.0.5:5432"). */
  error: z.string().max(300).nullable(),
});

export const readinessSchema = z.union([
  z.strictObject({ ok: z.literal(true) }),
  z.strictObject({
    ok: z.literal(false),
    /** One line for a person: "starting: waiting for PostgreSQL since 2026-12-07T00:12:03.000Z". */
    reason: z.string().max(300),
    /** Only while the node starts: the services it waits for (absent for a running node's failure). */
    waitingFor: z.array(waitingSchema).optional(),
  }),
]);
export type Readiness = z.infer<typeof readinessSchema>;
export type ServiceWait = z.infer<typeof waitingSchema>;

const SERVICE_NAMES: Record<WaitedService, string> = { postgresql: 'PostgreSQL', redis: 'Redis' };

/** The readiness of a node still waiting for `waits` at start (an empty list: nothing to wait for). */
export function startingReadiness(waits: ServiceWait[]): Readiness {
  if (waits.length === 0) return { ok: false, reason: 'starting' };
  const sorted = [...waits].sort((a, b) => WAITED_SERVICES.indexOf(a.service) - WAITED_SERVICES.indexOf(b.service));
  const reason = `starting: waiting for ${sorted.map((w) => `${SERVICE_NAMES[w.service]} since ${w.since}`).join(' and ')}`;
  return { ok: false, reason, waitingFor: sorted };
}
