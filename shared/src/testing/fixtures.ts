// Test fixtures for the pure domain. Every fixture state is built by running real commands
// through decide() and folding the events with applyEnvelopes(), so fixtures cannot drift
// from the reducer: if decide or reduce change, the fixtures change with them.
import type { Actor, Phase, WorkshopState } from '../cafe/model';
import { reduce } from '../cafe/reduce';
import { PHASES, emptyState } from '../cafe/model';
import type { Command, CommandInput, CreateWorkshopInput, DomainEvent, Envelope, SystemCommand } from '../cafe/protocol';
import { commandSchema, createWorkshopSchema } from '../cafe/protocol';
import { decide } from '../cafe/decide';
import { applyEnvelopes } from '../cafe/reduce';
import { scopeOf } from '../cafe/scope';
import { exportJson } from '../export/json';

/** Clock used when building fixtures. Tests that decide on top of a fixture use LATER. */
export const NOW = 1_700_000_000_000;
export const LATER = NOW + 60_000;

/** Participant ids in the standard workshop. */
export const P = {
  facilitator: 'fac',
  /** Host of table t1 (joined as a delegate of Thailand, promoted to host). */
  host: 'host1',
  /** Delegate of Thailand at t1. */
  d1: 'del1',
  /** Delegate of Japan at t2. */
  d2: 'del2',
  /** Delegate of Japan, not seated. */
  d3: 'del3',
  /** Observer, seated at t1 (so t1 is full: host1, del1, obs). */
  observer: 'obs',
  /** Not a participant of the workshop. */
  ghost: 'ghost',
} as const;

/** Note ids in the standard workshop. */
export const N = {
  /** Written by the host at t1. */
  host: 'n-host',
  /** Written by d1 at t1. */
  d1: 'n-d1',
  /** Written by d2 at t2. */
  d2: 'n-d2',
} as const;

export const SYSTEM: Actor = { kind: 'system' };
export const as = (participantId: string): Actor => ({ kind: 'participant', participantId });

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
export type CommandBody = DistributiveOmit<CommandInput, 'clientOpId'>;

let opCounter = 0;
/** A validated command (through the real zod schema, so text is normalised as on the wire). */
export function cmd(body: CommandBody, clientOpId?: string): Command {
  return commandSchema.parse({ clientOpId: clientOpId ?? `op-${String(++opCounter).padStart(8, '0')}`, ...body });
}

export const STANDARD_CREATE: CreateWorkshopInput = {
  title: 'ASCC café',
  purpose: 'Talk about the blueprint',
  language: 'en',
  facilitatorName: 'Fran',
  themes: [
    { id: 'th1', name: 'Inclusive' },
    { id: 'th2', name: 'Sustainable' },
  ],
  tables: [
    { id: 't1', name: 'Table 1', themeId: 'th1', question: 'Who is left out?', capacity: 3 },
    { id: 't2', name: 'Table 2', themeId: 'th2', question: 'What lasts?', capacity: 3 },
    { id: 't3', name: 'Table 3', themeId: null, question: '', capacity: 3 },
  ],
  delegations: [
    { id: 'thai', name: 'Thailand', code: 'TH' },
    { id: 'jp', name: 'Japan', code: 'JP' },
    { id: 'vn', name: 'Viet Nam', code: 'VN' },
  ],
};

export function createCommand(input: CreateWorkshopInput = STANDARD_CREATE, facilitatorId = P.facilitator): SystemCommand {
  return {
    type: 'workshop:create',
    workshopId: 'ws1',
    joinCode: 'ABCD2345',
    facilitatorId,
    input: createWorkshopSchema.parse(input),
  };
}

export function joinCommand(
  participantId: string,
  name: string,
  delegationId: string | null,
  role: 'delegate' | 'observer' = 'delegate',
  newDelegation?: { id: string; name: string; code: string },
): SystemCommand {
  return { type: 'participant:join', participantId, name, delegationId, role, ...(newDelegation ? { newDelegation } : {}) };
}

/** Wraps events as the server would: consecutive seqs after state.seq, scoped by scopeOf. */
export function envelopes(state: WorkshopState, events: readonly DomainEvent[], by: string | null, at = NOW): Envelope[] {
  return events.map((e, i) => ({ seq: state.seq + i + 1, at, by, scope: scopeOf(e), e }));
}

/** decide + applyEnvelopes; throws with the rejection if decide says no. */
export function run(state: WorkshopState, command: Command | SystemCommand, actor: Actor, now = NOW): WorkshopState {
  const d = decide(state, command, actor, { now });
  if (!d.ok) throw new Error(`fixture command ${command.type} rejected: ${d.error.code} ${d.error.message}`);
  return applyEnvelopes(state, envelopes(state, d.events, actor.kind === 'participant' ? actor.participantId : null, now));
}

/** Facilitator moves the workshop one step at a time until it reaches `phase`. */
export function toPhase(state: WorkshopState, phase: Phase): WorkshopState {
  let s = state;
  const target = PHASES.indexOf(phase);
  while (PHASES.indexOf(s.phase) < target) {
    const next = PHASES[PHASES.indexOf(s.phase) + 1]!;
    // review and closed are entered through the review's own commands, which need goals and
    // reviews; fixtures only need the phase, so they apply the phase event directly
    if (next === 'review' || next === 'closed') s = { ...reduce(s, { type: 'workshop:phase-changed', phase: next }), seq: s.seq + 1 };
    else s = run(s, cmd({ type: 'workshop:set-phase', phase: next }), as(P.facilitator));
  }
  return s;
}

/** Just the created workshop: facilitator, themes th1/th2, tables t1/t2/t3, delegations. */
export function createdWorkshop(): WorkshopState {
  return run(emptyState(), createCommand(), SYSTEM);
}

/**
 * The standard workshop:
 * - facilitator `fac`; themes th1, th2; tables t1 (th1), t2 (th2), t3 (no theme), capacity 3 each
 * - delegations thai (TH), jp (JP), vn (VN, no members)
 * - host1 (thai, host) at t1, del1 (thai) at t1, obs (observer, no delegation) at t1 → t1 is full
 * - del2 (jp) at t2, del3 (jp) unseated
 * - notes n-host (host1 @ t1), n-d1 (del1 @ t1), n-d2 (del2 @ t2)
 * Built in setup, then moved step by step to `phase` (default 'cafe').
 */
export function standardWorkshop(phase: Phase = 'cafe'): WorkshopState {
  const fac = as(P.facilitator);
  let s = createdWorkshop();
  s = run(s, joinCommand(P.host, 'Hana', 'thai'), SYSTEM);
  s = run(s, joinCommand(P.d1, 'Dao', 'thai'), SYSTEM);
  s = run(s, joinCommand(P.d2, 'Daiki', 'jp'), SYSTEM);
  s = run(s, joinCommand(P.d3, 'Daisuke', 'jp'), SYSTEM);
  s = run(s, joinCommand(P.observer, 'Olga', null, 'observer'), SYSTEM);
  s = run(s, cmd({ type: 'participant:set-role', participantId: P.host, role: 'host' }), fac);
  s = run(s, cmd({ type: 'seat:assign', participantId: P.host, tableId: 't1' }), fac);
  s = run(s, cmd({ type: 'seat:assign', participantId: P.d1, tableId: 't1' }), as(P.d1)); // self-seat in setup
  s = run(s, cmd({ type: 'seat:assign', participantId: P.d2, tableId: 't2' }), fac);
  s = run(s, cmd({ type: 'seat:assign', participantId: P.observer, tableId: 't1' }), fac);
  const note = (id: string, tableId: string, text: string) =>
    cmd({ type: 'note:create', noteId: id, tableId, text, color: 'yellow', x: 10, y: 20 });
  s = run(s, note(N.host, 't1', 'Host idea'), as(P.host));
  s = run(s, note(N.d1, 't1', 'Delegate idea'), as(P.d1));
  s = run(s, note(N.d2, 't2', 'Other table idea'), as(P.d2));
  return toPhase(s, phase);
}

/**
 * The export (exportJson) of the standard workshop with `extra` more notes at t1, copies of one of
 * its notes: a large import without building thousands of notes through decide().
 */
export function largeExport(extra: number, text = (i: number) => `Imported note ${i}`): string {
  const s = standardWorkshop('cafe');
  const template = s.notes[N.d1]!;
  for (let i = 0; i < extra; i++) s.notes[`bulk-${i}`] = { ...template, id: `bulk-${i}`, text: text(i) };
  return exportJson(s);
}

/** Recursively freezes an object graph so any mutation throws (in strict mode, as ES modules are). */
export function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

/** Structural invariants every reachable state must satisfy. Returns the broken ones. */
export function invariantViolations(s: WorkshopState): string[] {
  const out: string[] = [];
  for (const [pid, tid] of Object.entries(s.seats)) {
    if (!s.tables[tid]) out.push(`seat of ${pid} points to missing table ${tid}`);
    if (!s.participants[pid]) out.push(`seat of missing participant ${pid}`);
  }
  for (const t of Object.values(s.tables)) {
    const n = Object.values(s.seats).filter((x) => x === t.id).length;
    if (n > t.capacity) out.push(`table ${t.id} has ${n} > capacity ${t.capacity}`);
    if (t.themeId !== null && !s.themes[t.themeId]) out.push(`table ${t.id} refers to missing theme ${t.themeId}`);
  }
  for (const [id, n] of Object.entries(s.notes)) {
    if (n.id !== id) out.push(`note keyed ${id} has id ${n.id}`);
    if (!s.tables[n.tableId]) out.push(`note ${id} on missing table ${n.tableId}`);
  }
  for (const [id, p] of Object.entries(s.participants)) {
    if (p.id !== id) out.push(`participant keyed ${id} has id ${p.id}`);
    if (p.delegationId !== null && !s.delegations[p.delegationId]) out.push(`participant ${id} in missing delegation ${p.delegationId}`);
  }
  const sameSet = (order: string[], rec: Record<string, unknown>) =>
    order.length === new Set(order).size && order.length === Object.keys(rec).length && order.every((id) => id in rec);
  if (!sameSet(s.tableOrder, s.tables)) out.push(`tableOrder ${s.tableOrder.join(',')} does not match tables`);
  if (!sameSet(s.themeOrder, s.themes)) out.push(`themeOrder ${s.themeOrder.join(',')} does not match themes`);
  if (s.id && !Object.values(s.participants).some((p) => p.role === 'facilitator')) out.push('no facilitator left');
  return out;
}

/** The smallest café for client/server tests: workshop w1 (code ABCDEFGH), facilitator "fac", tables t1 and t2. */
export function smallCreateCommand(opts: { capacity?: number; delegations?: CreateWorkshopInput['delegations'] } = {}): SystemCommand {
  return {
    type: 'workshop:create',
    workshopId: 'w1',
    joinCode: 'ABCDEFGH',
    facilitatorId: 'fac',
    input: createWorkshopSchema.parse({
      title: 'Café',
      facilitatorName: 'Maria',
      tables: [
        { id: 't1', name: 'One', themeId: null, question: '', capacity: opts.capacity ?? 4 },
        { id: 't2', name: 'Two', themeId: null, question: '', capacity: opts.capacity ?? 4 },
      ],
      delegations: opts.delegations ?? [{ id: 'th', name: 'Thailand', code: 'TH' }],
    }),
  };
}
