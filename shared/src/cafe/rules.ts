// Building blocks of decide(): the decision type, the rule context and the common rules.
import type { Role, WorkshopState } from './model';
import type { CommandOf, CommandType, DomainEvent, ErrorCode, StaleCurrent } from './protocol';

export interface Rejection {
  code: ErrorCode;
  message: string;
  /** Only on a stale edit's `conflict`: what won, so the loser can reconcile without waiting. */
  current?: StaleCurrent;
}
export type Decision = { ok: true; events: DomainEvent[] } | { ok: false; error: Rejection };

export const reject = (code: ErrorCode, message: string): Decision => ({ ok: false, error: { code, message } });
export const accept = (...events: DomainEvent[]): Decision => ({ ok: true, events });

export interface RuleCtx {
  state: WorkshopState;
  role: Role;
  actorId: string;
  seat: string | undefined;
}
export type Rule<T extends CommandType> = (ctx: RuleCtx, cmd: CommandOf<T>) => Rejection | null;

export const FORBIDDEN = (message: string): Rejection => ({ code: 'forbidden', message });

export const facilitatorOnly = (ctx: RuleCtx): Rejection | null =>
  ctx.role === 'facilitator' ? null : FORBIDDEN('only a facilitator may do this');

export const notObserver = (ctx: RuleCtx): Rejection | null =>
  ctx.role === 'observer' ? FORBIDDEN('observers can read but not write') : null;

/** Drops undefined keys so events carry only what changed (and survive JSON the same). */
export function defined<T extends Record<string, unknown>>(o: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as { [K in keyof T]?: Exclude<T[K], undefined> };
}
