// decide(): the only place that says yes or no. Pure: state + command + actor + now -> events.
// Authorization is a rule map with one rule per command (after Parabol's permissions map);
// invariants (existence, uniqueness, capacity, phase) follow in the per-command branch.
import type { Actor, Phase, WorkshopState } from './model';
import { tableCount } from './seatCounts';
import type { Command, CommandType, DomainEvent, SystemCommand } from './protocol';
import { type Decision, type Rejection, type Rule, type RuleCtx, FORBIDDEN, accept, defined, facilitatorOnly, reject } from './rules';
import { type HarvestCommand, decideHarvest, harvestPermissions, isHarvestCommand } from '../harvest/decide';
import { type ReviewCommand, decideReview, isReviewCommand, reviewPermissions } from '../review/decide';
import { assertNever } from '../assert';
import { reduce } from './reduce';
import { bestTableFor, movesForRound, planFor, seatsAtStart } from './clock';
import type { PlanResult } from '../seating';

export type { Decision, Rejection } from './rules';

/** Phases in which people may write on table boards. */
const WRITING_PHASES: readonly Phase[] = ['setup', 'cafe'];

function noteWriter(ctx: RuleCtx, tableId: string): Rejection | null {
  if (ctx.role === 'facilitator') return null;
  if (ctx.role === 'observer') return FORBIDDEN('observers can read but not write');
  if (!WRITING_PHASES.includes(ctx.state.phase)) return FORBIDDEN('the table boards are closed for writing');
  if (ctx.seat !== tableId) return FORBIDDEN('you can only write at the table where you sit');
  return null;
}

function ownNote(ctx: RuleCtx, noteId: string): Rejection | null {
  const note = ctx.state.notes[noteId];
  if (!note) return null; // existence is checked by the command itself, with a clearer code
  const seatRule = noteWriter(ctx, note.tableId);
  if (seatRule) return seatRule;
  if (ctx.role === 'facilitator' || ctx.role === 'host') return null;
  return note.authorId === ctx.actorId ? null : FORBIDDEN('you can only change your own notes');
}

export const permissions: { [T in CommandType]: Rule<T> } = {
  'workshop:update': facilitatorOnly,
  'workshop:set-phase': facilitatorOnly,
  'theme:add': facilitatorOnly,
  'theme:rename': facilitatorOnly,
  'theme:remove': facilitatorOnly,
  'table:add': facilitatorOnly,
  'table:update': facilitatorOnly,
  'table:remove': facilitatorOnly,
  'delegation:add': facilitatorOnly,
  'delegation:remove': facilitatorOnly,
  'participant:set-role': facilitatorOnly,
  'seat:assign': (ctx, cmd) => {
    if (ctx.role === 'facilitator') return null;
    if (cmd.participantId !== ctx.actorId) return FORBIDDEN('only a facilitator may seat someone else');
    if (ctx.state.phase === 'setup' || ctx.seat === undefined) return null;
    return FORBIDDEN('once the café runs, the facilitator moves people between tables');
  },
  'note:create': (ctx, cmd) => noteWriter(ctx, cmd.tableId),
  'note:edit': (ctx, cmd) => ownNote(ctx, cmd.noteId),
  'note:recolor': (ctx, cmd) => ownNote(ctx, cmd.noteId),
  'note:delete': (ctx, cmd) => ownNote(ctx, cmd.noteId),
  // The board's arrangement is shared: anyone writing at the table may tidy it.
  'note:move': (ctx, cmd) => {
    const note = ctx.state.notes[cmd.noteId];
    return note ? noteWriter(ctx, note.tableId) : null;
  },
  'cafe:configure': facilitatorOnly,
  'plan:generate': facilitatorOnly,
  'plan:clear': facilitatorOnly,
  'round:start': facilitatorOnly,
  'round:pause': facilitatorOnly,
  'round:resume': facilitatorOnly,
  'round:extend': facilitatorOnly,
  'round:end': facilitatorOnly,
  'round:rotate': facilitatorOnly,
  'participant:set-absent': facilitatorOnly,
  'message:broadcast': facilitatorOnly,
  // Anyone with a seat card may say they have moved; the command checks there is a card.
  'seat:confirm-move': () => null,
  // The table host writes the carry-forward summary of their own table.
  'summary:write': (ctx, cmd) => {
    if (ctx.role === 'facilitator') return null;
    if (ctx.role !== 'host') return FORBIDDEN('only the table host writes the summary');
    return ctx.seat === cmd.tableId ? null : FORBIDDEN('you can only summarise the table you host');
  },
  ...harvestPermissions,
  ...reviewPermissions,
};

/** Planner time budgets: a facilitator's click may take a second, a late arrival must not stall the room. */
export const PLAN_BUDGET_MS = { generate: 1000, replan: 150 } as const;

export interface DecideContext {
  now: number;
}

export function decide(state: WorkshopState, cmd: Command | SystemCommand, actor: Actor, { now }: DecideContext): Decision {
  if (cmd.type === 'workshop:create' || cmd.type === 'participant:join' || cmd.type === 'round:timeup' || cmd.type === 'workshop:import') {
    if (actor.kind !== 'system') return reject('forbidden', 'this command is reserved to the server');
    return decideSystem(state, cmd, now);
  }
  if (actor.kind !== 'participant') return reject('forbidden', 'a participant must issue this command');
  if (!state.id) return reject('not_found', 'workshop not found');
  const me = state.participants[actor.participantId];
  if (!me) return reject('unauthorized', 'unknown participant');
  if (state.phase === 'closed') return reject('wrong_phase', 'the workshop is closed and read-only');

  const ctx: RuleCtx = { state, role: me.role, actorId: me.id, seat: state.seats[me.id] };
  const rule = permissions[cmd.type] as Rule<CommandType>;
  const denied = rule(ctx, cmd);
  if (denied) return { ok: false, error: denied };
  return decideCommand(state, cmd, me.id, now);
}

function decideSystem(state: WorkshopState, cmd: SystemCommand, now: number): Decision {
  switch (cmd.type) {
    case 'workshop:create': {
      if (state.id) return reject('conflict', 'workshop already exists');
      const { input } = cmd;
      const dup = firstDuplicate([
        ...input.themes.map((t) => t.id),
        ...input.tables.map((t) => t.id),
        ...input.delegations.map((d) => d.id),
        cmd.facilitatorId,
      ]);
      if (dup) return reject('conflict', `duplicate id ${dup}`);
      const themeIds = new Set(input.themes.map((t) => t.id));
      const badTheme = input.tables.find((t) => t.themeId !== null && !themeIds.has(t.themeId));
      if (badTheme) return reject('not_found', `table ${badTheme.name} refers to an unknown theme`);
      // A template's café and harvest settings follow as the events their commands would make.
      const setup: DomainEvent[] = [];
      if (input.cafe) setup.push({ type: 'cafe:configured', ...input.cafe });
      if (input.harvest) setup.push({ type: 'harvest:configured', grouping: input.harvest.grouping });
      return accept(
        {
          type: 'workshop:created',
          workshop: {
            id: cmd.workshopId,
            title: input.title,
            purpose: input.purpose,
            language: input.language,
            joinCode: cmd.joinCode,
            createdAt: now,
          },
          themes: input.themes,
          tables: input.tables,
          delegations: input.delegations,
          planYears: input.planYears ?? defaultPlanYears(now),
          facilitator: {
            id: cmd.facilitatorId,
            name: input.facilitatorName,
            delegationId: null,
            role: 'facilitator',
            joinedAt: now,
          },
        },
        ...setup,
      );
    }
    case 'participant:join': {
      if (!state.id) return reject('not_found', 'workshop not found');
      if (state.phase === 'closed') return reject('wrong_phase', 'the workshop is closed');
      if (state.phase === 'review' && !cmd.viaInvite)
        return reject('wrong_phase', 'the live session is over: ask the facilitator for your delegation’s review link');
      if (state.participants[cmd.participantId]) return reject('conflict', 'participant already exists');
      const events: DomainEvent[] = [];
      let delegationId = cmd.delegationId;
      if (cmd.newDelegation) {
        const wanted = cmd.newDelegation;
        // Typing "TH" when Thailand is already listed should land in the same delegation.
        const existing = Object.values(state.delegations).find(
          (d) => d.code.toLowerCase() === wanted.code.toLowerCase() || d.name.toLowerCase() === wanted.name.toLowerCase(),
        );
        if (existing) delegationId = existing.id;
        else {
          if (Object.keys(state.delegations).length >= 100) return reject('conflict', 'too many delegations');
          events.push({ type: 'delegation:added', delegation: wanted });
          delegationId = wanted.id;
        }
      } else if (delegationId !== null && !state.delegations[delegationId]) {
        return reject('not_found', 'unknown delegation');
      }
      events.push({
        type: 'participant:joined',
        participant: { id: cmd.participantId, name: cmd.name, delegationId, role: cmd.role, joinedAt: now },
      });
      if (state.phase === 'cafe' && cmd.role === 'delegate') events.push(...seatLateArrival(fold(state, events), cmd.participantId));
      return { ok: true, events };
    }
    case 'workshop:import': {
      if (state.id) return reject('conflict', 'workshop already exists');
      const facilitators = Object.values(cmd.state.participants).filter((p) => p.role === 'facilitator');
      if (!facilitators.some((p) => p.id === cmd.facilitatorId)) return reject('invalid_payload', 'the export has no facilitator');
      return accept({
        type: 'workshop:imported',
        workshop: { id: cmd.workshopId, joinCode: cmd.joinCode, createdAt: now },
        state: cmd.state as unknown as Record<string, unknown>,
      });
    }
    case 'round:timeup': {
      const { cafe } = state;
      if (state.phase !== 'cafe' || cafe.clock.status !== 'running' || cafe.clock.endsAt === null)
        return reject('conflict', 'no round is running');
      // timers fire a little early or late; within 250 ms counts as zero
      if (cafe.clock.endsAt - now > 250) return reject('conflict', 'the round has time left');
      const events: DomainEvent[] = [{ type: 'round:ended', early: false }];
      if (cafe.autoRotate && state.round < cafe.rounds) events.push(rotation(fold(state, events)));
      return { ok: true, events };
    }
    default:
      return assertNever(cmd);
  }
}

function decideCommand(state: WorkshopState, cmd: Command, actorId: string, now: number): Decision {
  if (isHarvestCommand(cmd)) return decideHarvest(state, cmd, actorId, now);
  if (isReviewCommand(cmd)) return decideReview(state, cmd, actorId, now);
  return decideCore(state, cmd, actorId, now);
}

type CoreCommand = Exclude<Command, HarvestCommand | ReviewCommand>;

function decideCore(state: WorkshopState, cmd: CoreCommand, actorId: string, now: number): Decision {
  switch (cmd.type) {
    case 'workshop:update': {
      const { title, purpose, language, planYears } = cmd;
      if ([title, purpose, language, planYears].every((v) => v === undefined)) return reject('invalid_payload', 'nothing to update');
      return accept({ type: 'workshop:updated', ...defined({ title, purpose, language, planYears }) });
    }
    case 'workshop:set-phase': {
      if (!canMoveToPhase(state.phase, cmd.phase)) return reject('wrong_phase', `cannot go from ${state.phase} to ${cmd.phase}`);
      // the review has its own rules (goals to review, a deadline, who has finished)
      if (cmd.phase === 'review') return reject('wrong_phase', 'open the review with review:open');
      if (cmd.phase === 'closed') return reject('wrong_phase', 'close the workshop with review:close');
      const { status } = state.cafe.clock;
      // leaving the café stops a running clock, so no timer fires in another phase
      if (status === 'running' || status === 'paused')
        return accept({ type: 'round:ended', early: true }, { type: 'workshop:phase-changed', phase: cmd.phase });
      return accept({ type: 'workshop:phase-changed', phase: cmd.phase });
    }
    case 'theme:add': {
      if (exists(state, cmd.theme.id)) return reject('conflict', 'id already in use');
      if (state.themeOrder.length >= 30) return reject('conflict', 'too many themes');
      return accept({ type: 'theme:added', theme: cmd.theme });
    }
    case 'theme:rename':
      if (!state.themes[cmd.themeId]) return reject('not_found', 'theme not found');
      return accept({ type: 'theme:renamed', themeId: cmd.themeId, name: cmd.name });
    case 'theme:remove':
      if (!state.themes[cmd.themeId]) return reject('not_found', 'theme not found');
      return accept({ type: 'theme:removed', themeId: cmd.themeId });
    case 'table:add': {
      if (exists(state, cmd.table.id)) return reject('conflict', 'id already in use');
      if (state.tableOrder.length >= 200) return reject('conflict', 'too many tables');
      if (cmd.table.themeId !== null && !state.themes[cmd.table.themeId]) return reject('not_found', 'theme not found');
      return accept({ type: 'table:added', table: cmd.table });
    }
    case 'table:update': {
      const table = state.tables[cmd.tableId];
      if (!table) return reject('not_found', 'table not found');
      if (cmd.themeId && !state.themes[cmd.themeId]) return reject('not_found', 'theme not found');
      if (cmd.capacity !== undefined && cmd.capacity < tableCount(state, cmd.tableId))
        return reject('conflict', 'more people sit at this table than the new capacity');
      const { name, themeId, question, capacity } = cmd;
      if ([name, themeId, question, capacity].every((v) => v === undefined)) return reject('invalid_payload', 'nothing to update');
      return accept({ type: 'table:updated', tableId: cmd.tableId, ...defined({ name, themeId, question, capacity }) });
    }
    case 'table:remove': {
      if (!state.tables[cmd.tableId]) return reject('not_found', 'table not found');
      if (tableCount(state, cmd.tableId) > 0) return reject('conflict', 'people still sit at this table');
      if (Object.values(state.notes).some((n) => n.tableId === cmd.tableId)) return reject('conflict', 'this table has notes');
      return accept({ type: 'table:removed', tableId: cmd.tableId });
    }
    case 'delegation:add': {
      if (exists(state, cmd.delegation.id)) return reject('conflict', 'id already in use');
      if (Object.keys(state.delegations).length >= 100) return reject('conflict', 'too many delegations');
      return accept({ type: 'delegation:added', delegation: cmd.delegation });
    }
    case 'delegation:remove': {
      if (!state.delegations[cmd.delegationId]) return reject('not_found', 'delegation not found');
      if (Object.values(state.participants).some((p) => p.delegationId === cmd.delegationId))
        return reject('conflict', 'participants belong to this delegation');
      return accept({ type: 'delegation:removed', delegationId: cmd.delegationId });
    }
    case 'participant:set-role': {
      const p = state.participants[cmd.participantId];
      if (!p) return reject('not_found', 'participant not found');
      if (p.role === 'facilitator' && cmd.role !== 'facilitator') {
        const facilitators = Object.values(state.participants).filter((x) => x.role === 'facilitator').length;
        if (facilitators <= 1) return reject('conflict', 'the workshop needs at least one facilitator');
      }
      return accept({ type: 'participant:role-set', participantId: p.id, role: cmd.role });
    }
    case 'seat:assign': {
      if (!state.participants[cmd.participantId]) return reject('not_found', 'participant not found');
      if (cmd.tableId !== null) {
        const table = state.tables[cmd.tableId];
        if (!table) return reject('not_found', 'table not found');
        if (state.seats[cmd.participantId] === cmd.tableId) return reject('conflict', 'already seated at this table');
        if (tableCount(state, cmd.tableId) >= table.capacity) return reject('table_full', `${table.name} is full`);
      } else if (state.seats[cmd.participantId] === undefined) {
        return reject('conflict', 'not seated');
      }
      return accept({
        type: 'seat:assigned',
        participantId: cmd.participantId,
        tableId: cmd.tableId,
        from: state.seats[cmd.participantId] ?? null,
      });
    }
    case 'note:create': {
      if (!state.tables[cmd.tableId]) return reject('not_found', 'table not found');
      if (state.notes[cmd.noteId]) return reject('conflict', 'a note with this id exists');
      const author = state.participants[actorId];
      return accept({
        type: 'note:created',
        note: {
          id: cmd.noteId,
          tableId: cmd.tableId,
          text: cmd.text,
          color: cmd.color,
          x: cmd.x,
          y: cmd.y,
          authorId: actorId,
          delegationId: author?.delegationId ?? null,
          round: state.round,
          createdAt: now,
          editedAt: now,
        },
      });
    }
    case 'note:edit': {
      const note = state.notes[cmd.noteId];
      if (!note) return reject('not_found', 'note not found');
      return accept({ type: 'note:edited', tableId: note.tableId, noteId: note.id, text: cmd.text, editedAt: now });
    }
    case 'note:move': {
      const note = state.notes[cmd.noteId];
      if (!note) return reject('not_found', 'note not found');
      return accept({ type: 'note:moved', tableId: note.tableId, noteId: note.id, x: cmd.x, y: cmd.y });
    }
    case 'note:recolor': {
      const note = state.notes[cmd.noteId];
      if (!note) return reject('not_found', 'note not found');
      return accept({ type: 'note:recolored', tableId: note.tableId, noteId: note.id, color: cmd.color, editedAt: now });
    }
    case 'note:delete': {
      const note = state.notes[cmd.noteId];
      if (!note) return reject('not_found', 'note not found');
      return accept({ type: 'note:deleted', tableId: note.tableId, noteId: note.id });
    }
    case 'cafe:configure': {
      if (state.phase !== 'setup' && state.phase !== 'cafe') return reject('wrong_phase', 'the café is over');
      const { rounds, roundSeconds, autoRotate, questionMode, roundQuestions } = cmd;
      if ([rounds, roundSeconds, autoRotate, questionMode, roundQuestions].every((v) => v === undefined))
        return reject('invalid_payload', 'nothing to configure');
      if (rounds !== undefined && rounds < Math.max(state.round, state.cafe.history.length))
        return reject('conflict', 'cannot have fewer rounds than have been played');
      return accept({ type: 'cafe:configured', ...defined({ rounds, roundSeconds, autoRotate, questionMode, roundQuestions }) });
    }
    case 'plan:generate': {
      if (state.phase !== 'setup' && state.phase !== 'cafe') return reject('wrong_phase', 'the café is over');
      const outcome = planFor(state, cmd.seed, PLAN_BUDGET_MS.generate);
      if (!outcome.ok) return reject('conflict', outcome.message);
      return accept(planSet(outcome.result, cmd.seed));
    }
    case 'plan:clear':
      if (!state.cafe.plan) return reject('conflict', 'there is no plan');
      return accept({ type: 'plan:set', plan: null, seed: state.cafe.planSeed });
    case 'round:start': {
      if (state.phase !== 'cafe') return reject('wrong_phase', 'open the café first');
      if (state.cafe.clock.status !== 'idle') return reject('conflict', 'this round has already started');
      const seats = seatsAtStart(state);
      const moved = Object.keys(seats).filter((p) => state.seats[p] !== seats[p]);
      return accept({ type: 'round:started', round: state.round, endsAt: now + state.cafe.clock.remainingMs, seats, moved });
    }
    case 'round:pause': {
      const { clock } = state.cafe;
      if (clock.status !== 'running' || clock.endsAt === null) return reject('conflict', 'no round is running');
      return accept({ type: 'round:paused', remainingMs: Math.max(0, clock.endsAt - now) });
    }
    case 'round:resume': {
      const { clock } = state.cafe;
      if (clock.status !== 'paused') return reject('conflict', 'the round is not paused');
      return accept({ type: 'round:resumed', endsAt: now + clock.remainingMs });
    }
    case 'round:extend': {
      const { clock } = state.cafe;
      const extra = cmd.minutes * 60_000;
      if (state.phase !== 'cafe') return reject('wrong_phase', 'open the café first');
      switch (clock.status) {
        case 'running':
          return accept({ type: 'round:extended', endsAt: (clock.endsAt ?? now) + extra, remainingMs: 0 });
        case 'ended':
          // time ran out but the room wants more: the round runs again
          return accept({ type: 'round:extended', endsAt: now + extra, remainingMs: 0 });
        case 'paused':
        case 'idle':
          return accept({ type: 'round:extended', endsAt: null, remainingMs: clock.remainingMs + extra });
        default:
          return assertNever(clock.status);
      }
    }
    case 'round:end': {
      const { status } = state.cafe.clock;
      if (status !== 'running' && status !== 'paused') return reject('conflict', 'no round is running');
      return accept({ type: 'round:ended', early: true });
    }
    case 'round:rotate': {
      if (state.phase !== 'cafe') return reject('wrong_phase', 'open the café first');
      if (state.cafe.clock.status !== 'ended') return reject('conflict', 'end the round before rotating');
      if (state.round >= state.cafe.rounds) return reject('conflict', 'this was the last round');
      return accept(rotation(state));
    }
    case 'seat:confirm-move': {
      const target = state.cafe.moves[actorId];
      if (!target) return reject('conflict', 'you have no move to confirm');
      const table = state.tables[target];
      if (!table) return reject('not_found', 'table not found');
      // people about to leave this table for theirs do not hold a seat against the arrivals
      const staying = Object.entries(state.seats).filter(([p, t]) => t === target && (state.cafe.moves[p] ?? t) === t).length;
      if (staying >= table.capacity) return reject('table_full', `${table.name} is full`);
      return accept({ type: 'seat:assigned', participantId: actorId, tableId: target, from: state.seats[actorId] ?? null });
    }
    case 'participant:set-absent': {
      const p = state.participants[cmd.participantId];
      if (!p) return reject('not_found', 'participant not found');
      if (Boolean(state.cafe.absent[p.id]) === cmd.absent) return reject('conflict', cmd.absent ? 'already absent' : 'not absent');
      const events: DomainEvent[] = [{ type: 'participant:absent-set', participantId: p.id, absent: cmd.absent }];
      if (cmd.absent && state.seats[p.id])
        events.push({ type: 'seat:assigned', participantId: p.id, tableId: null, from: state.seats[p.id] });
      if (!cmd.absent && state.phase === 'cafe') events.push(...seatLateArrival(fold(state, events), p.id));
      else if (state.cafe.plan) {
        const outcome = planFor(fold(state, events), state.cafe.planSeed, PLAN_BUDGET_MS.replan);
        if (outcome.ok) events.push(planSet(outcome.result, state.cafe.planSeed));
      }
      return { ok: true, events };
    }
    case 'message:broadcast':
      return accept({ type: 'message:broadcast', text: cmd.text, at: now });
    case 'summary:write': {
      if (!state.tables[cmd.tableId]) return reject('not_found', 'table not found');
      if (cmd.round > state.round) return reject('conflict', 'that round has not happened yet');
      return accept({ type: 'summary:written', tableId: cmd.tableId, round: cmd.round, text: cmd.text, by: actorId, at: now });
    }
    default:
      return assertNever(cmd);
  }
}

/** Applies events decided so far, so later steps of one command see their effect. */
function fold(state: WorkshopState, events: DomainEvent[]): WorkshopState {
  return events.reduce(reduce, state);
}

function planSet(result: PlanResult, seed: number): DomainEvent {
  const m = result.metrics;
  return {
    type: 'plan:set',
    plan: result.rounds,
    seed,
    metrics: {
      repeats: m.repeats,
      repeatsLowerBound: m.lowerBounds.repeats,
      sameDelegationPairs: m.sameDelegationPairs,
      sameDelegationLowerBound: m.lowerBounds.sameDelegationPairs,
      violations: m.violations.total,
    },
  };
}

function rotation(state: WorkshopState): DomainEvent {
  return { type: 'round:rotated', round: state.round + 1, moves: movesForRound(state, state.round + 1) };
}

/**
 * A late arrival (or a returning absentee) is seated at once: during a round at the best-fitting
 * table, between rounds by the re-planned seat card; the rest of the plan is re-planned around them.
 */
function seatLateArrival(state: WorkshopState, participantId: string): DomainEvent[] {
  const events: DomainEvent[] = [];
  const inRound = state.cafe.clock.status !== 'idle';
  if (inRound || !state.cafe.plan) {
    const table = bestTableFor(state, state.participants[participantId]?.delegationId ?? null, state.seats);
    if (table) events.push({ type: 'seat:assigned', participantId, tableId: table, from: state.seats[participantId] ?? null });
  }
  if (state.cafe.plan) {
    const after = fold(state, events);
    const outcome = planFor(after, state.cafe.planSeed, PLAN_BUDGET_MS.replan);
    if (outcome.ok) events.push(planSet(outcome.result, state.cafe.planSeed));
  }
  return events;
}

/** A five-year plan starting next year, like the 2016–2020 ACCSM work plan drafted in 2015. */
export function defaultPlanYears(now: number): { start: number; end: number } {
  const next = new Date(now).getUTCFullYear() + 1;
  return { start: next, end: next + 4 };
}

const PHASE_ORDER: readonly Phase[] = ['setup', 'cafe', 'harvest', 'review', 'closed'];

/** One step forward, or one step back to undo a mistake; closed is final. */
export function canMoveToPhase(from: Phase, to: Phase): boolean {
  if (from === 'closed') return false;
  const d = PHASE_ORDER.indexOf(to) - PHASE_ORDER.indexOf(from);
  return d === 1 || d === -1;
}

function exists(state: WorkshopState, id: string): boolean {
  return id in state.themes || id in state.tables || id in state.delegations || id in state.participants;
}

function firstDuplicate(ids: string[]): string | undefined {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) return id;
    seen.add(id);
  }
  return undefined;
}

export type { Role } from './model';
