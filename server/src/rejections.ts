// Rejections leave a trace without flooding the log or leaking what was sent: every one is
// counted (worldcafe_rejections_total), and per (where, code) the first in each window is logged
// with ids and the command type only, never payload text; the next log line of that kind says
// how many were counted but not logged meanwhile.
import type { Logger } from 'pino';
import { metrics, typeLabel } from './metrics';

export type RejectionWhere = 'command' | 'http' | 'handshake';

/** What may be logged about a rejection: identifiers and types, never text. */
export interface RejectionContext {
  workshopId?: string;
  participantId?: string;
  /** A command type (validated against the schema's list) or an HTTP route name. */
  type?: string;
  address?: string;
  reason?: string;
}

/** Codes that say something about the client or an attack, not the ordinary back-and-forth of a session. */
const EDGE_CODES: ReadonlySet<string> = new Set(['invalid_payload', 'too_large', 'rate_limited', 'unauthorized', 'unsupported_media_type']);

export interface RejectionLog {
  record(where: RejectionWhere, code: string, ctx?: RejectionContext): void;
  /** A socket command's outcome: metrics for every command, a sampled log line for edge rejections. */
  command(
    input: unknown,
    ack: { ok: boolean; duplicate?: boolean; error?: { code: string } },
    startedMs: number,
    ctx: RejectionContext,
  ): void;
}

export function createRejectionLog(logger: Logger, windowMs = 60_000): RejectionLog {
  const windows = new Map<string, { start: number; suppressed: number }>();

  function record(where: RejectionWhere, code: string, ctx: RejectionContext = {}) {
    metrics.rejection(where, code);
    if (!EDGE_CODES.has(code)) return; // decided refusals (conflict, forbidden...) are logged by the pipeline
    const key = `${where}:${code}`;
    const now = Date.now();
    const w = windows.get(key);
    if (w && now - w.start < windowMs) {
      w.suppressed++;
      return;
    }
    windows.set(key, { start: now, suppressed: 0 });
    logger.warn({ where, code, ...ctx, ...(w?.suppressed ? { suppressedBefore: w.suppressed } : {}) }, 'request rejected');
  }

  return {
    record,
    command(input, ack, startedMs, ctx) {
      const outcome = ack.ok ? (ack.duplicate ? 'duplicate' : 'ok') : (ack.error?.code ?? 'internal');
      metrics.command(input, outcome, (performance.now() - startedMs) / 1000);
      if (!ack.ok) record('command', outcome, { ...ctx, type: typeLabel(input) });
    },
  };
}
