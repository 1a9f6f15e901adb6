// The review's half of decide(): after the live session each delegation reviews the draft goals,
// adds national details and proposes amendments; the facilitator decides them and closes.
import type { ReviewEntry, WorkshopState } from '../cafe/model';
import { reviewKey } from '../cafe/model';
import type { Command, CommandOf } from '../cafe/protocol';
import { LIMITS } from '../cafe/protocol';
import { charCount } from '../text';
import { assertNever } from '../assert';
import { type Decision, type Rejection, type Rule, type RuleCtx, FORBIDDEN, accept, defined, facilitatorOnly, reject } from '../cafe/rules';
import { incompleteDelegations } from './matrix';

export const REVIEW_COMMANDS = [
  'review:open',
  'review:set-deadline',
  'review:record',
  'amendment:propose',
  'amendment:decide',
  'review:remind',
  'review:close',
] as const;
export type ReviewCommandType = (typeof REVIEW_COMMANDS)[number];
export type ReviewCommand = CommandOf<ReviewCommandType>;
const reviewSet: ReadonlySet<string> = new Set(REVIEW_COMMANDS);
export const isReviewCommand = (cmd: Command): cmd is ReviewCommand => reviewSet.has(cmd.type);

/** A delegation member speaks for their delegation; observers and people without one do not. */
const delegationMember = (ctx: RuleCtx): Rejection | null => {
  if (ctx.role === 'observer') return FORBIDDEN('observers can read but not write');
  if (!ctx.state.participants[ctx.actorId]?.delegationId) return FORBIDDEN('only members of a delegation review goals');
  return null;
};

export const reviewPermissions: { [T in ReviewCommandType]: Rule<T> } = {
  'review:open': facilitatorOnly,
  'review:set-deadline': facilitatorOnly,
  'review:record': delegationMember,
  'amendment:propose': delegationMember,
  'amendment:decide': facilitatorOnly,
  'review:remind': facilitatorOnly,
  'review:close': facilitatorOnly,
};

export function decideReview(state: WorkshopState, cmd: ReviewCommand, actorId: string, now: number): Decision {
  const r = state.review;
  if (cmd.type === 'review:open') {
    if (state.phase !== 'harvest') return reject('wrong_phase', 'the review opens after the harvest');
    if (state.goalOrder.length === 0) return reject('conflict', 'draft at least one goal first');
    if (cmd.deadline !== null && cmd.deadline <= now) return reject('invalid_payload', 'the deadline must be in the future');
    return accept({ type: 'workshop:phase-changed', phase: 'review' }, { type: 'review:opened', at: now, deadline: cmd.deadline });
  }
  if (state.phase !== 'review') return reject('wrong_phase', 'the review is not open');
  const delegationId = state.participants[actorId]?.delegationId ?? null;
  switch (cmd.type) {
    case 'review:set-deadline':
      if (cmd.deadline !== null && cmd.deadline <= now) return reject('invalid_payload', 'the deadline must be in the future');
      return accept({ type: 'review:deadline-set', deadline: cmd.deadline });
    case 'review:record': {
      if (!delegationId) return reject('forbidden', 'only members of a delegation review goals');
      if (!state.goals[cmd.goalId]) return reject('not_found', 'goal not found');
      if (cmd.partners?.some((d) => !state.delegations[d] || d === delegationId))
        return reject('invalid_payload', 'partners must be other delegations of this workshop');
      const { stance, situation, needs, resources, feasibility, partners, comments } = cmd;
      const patch = defined({ stance, situation, needs, resources, feasibility, partners, comments });
      if (Object.keys(patch).length === 0) return reject('invalid_payload', 'nothing to record');
      const before: ReviewEntry = r.entries[reviewKey(cmd.goalId, delegationId)] ?? {
        goalId: cmd.goalId,
        delegationId,
        stance: null,
        situation: '',
        needs: '',
        resources: '',
        feasibility: null,
        partners: [],
        comments: '',
        updatedBy: actorId,
        updatedAt: now,
      };
      return accept({ type: 'review:recorded', entry: { ...before, ...patch, updatedBy: actorId, updatedAt: now } });
    }
    case 'amendment:propose': {
      if (!delegationId) return reject('forbidden', 'only members of a delegation propose amendments');
      const goal = state.goals[cmd.goalId];
      if (!goal) return reject('not_found', 'goal not found');
      if (r.amendments[cmd.amendmentId]) return reject('conflict', 'an amendment with this id exists');
      if (goal[cmd.field] === cmd.text) return reject('conflict', 'the amendment does not change the text');
      if (cmd.field === 'title' && charCount(cmd.text) > LIMITS.goalTitleChars)
        return reject('invalid_payload', `a goal title has at most ${LIMITS.goalTitleChars} characters`);
      return accept({
        type: 'amendment:proposed',
        amendment: {
          id: cmd.amendmentId,
          goalId: goal.id,
          delegationId,
          field: cmd.field,
          baseText: goal[cmd.field],
          proposed: cmd.text,
          status: 'open',
          by: actorId,
          at: now,
          decidedBy: null,
          decidedAt: null,
          replaced: null,
        },
      });
    }
    case 'amendment:decide': {
      const a = r.amendments[cmd.amendmentId];
      if (!a) return reject('not_found', 'amendment not found');
      if (a.status !== 'open') return reject('conflict', `already ${a.status}`);
      const goal = state.goals[a.goalId];
      if (!goal) return reject('not_found', 'the goal no longer exists');
      if (!cmd.accept)
        return accept({ type: 'amendment:decided', amendmentId: a.id, accepted: false, by: actorId, at: now, replaced: null });
      return accept(
        { type: 'amendment:decided', amendmentId: a.id, accepted: true, by: actorId, at: now, replaced: goal[a.field] },
        { type: 'goal:set', goalId: goal.id, field: a.field, value: a.proposed, version: goal.versions[a.field] + 1, at: now },
      );
    }
    case 'review:remind': {
      const pending = incompleteDelegations(state);
      const ids = cmd.delegationIds ?? pending;
      if (ids.length === 0) return reject('conflict', 'every delegation has finished its review');
      if (ids.some((d) => !state.delegations[d])) return reject('not_found', 'delegation not found');
      return accept({ type: 'review:reminded', delegationIds: ids, at: now });
    }
    case 'review:close': {
      const pending = incompleteDelegations(state);
      const pastDeadline = r.deadline !== null && now >= r.deadline;
      if (pending.length > 0 && !pastDeadline && !cmd.force)
        return reject('conflict', `${pending.length} delegation(s) have not finished and the deadline has not passed`);
      return accept({ type: 'workshop:phase-changed', phase: 'closed' });
    }
    default:
      return assertNever(cmd);
  }
}
