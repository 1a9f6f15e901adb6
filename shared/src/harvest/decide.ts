// The harvest's half of decide(): clusters, suggestions, spotlight, dot votes and goals.
import type { Goal, GoalAction, GoalItem, WorkshopState } from '../cafe/model';
import type { Command, CommandOf, StaleCurrent } from '../cafe/protocol';
import { LIMITS } from '../cafe/protocol';
import { assertNever } from '../assert';
import { charCount, cleanText, isBlank } from '../text';
import {
  type Decision,
  type Rejection,
  type Rule,
  type RuleCtx,
  FORBIDDEN,
  accept,
  facilitatorOnly,
  notObserver,
  reject,
} from '../cafe/rules';
import { voteTally, voterKey } from './votes';
import { unique } from '../cafe/records';

export const HARVEST_COMMANDS = [
  'harvest:configure',
  'cluster:create',
  'cluster:rename',
  'cluster:add-notes',
  'cluster:remove-note',
  'cluster:delete',
  'suggestion:dismiss',
  'spotlight:set',
  'vote:open',
  'vote:cast',
  'vote:reveal',
  'vote:close',
  'goal:create',
  'goal:set',
  'goal:set-status',
  'goal:item-add',
  'goal:item-set',
  'goal:item-remove',
  'goal:reorder',
  'goal:merge',
  'goal:delete',
] as const;
export type HarvestCommandType = (typeof HARVEST_COMMANDS)[number];
export type HarvestCommand = CommandOf<HarvestCommandType>;

const harvestSet: ReadonlySet<string> = new Set(HARVEST_COMMANDS);
export function isHarvestCommand(cmd: Command): cmd is HarvestCommand {
  return harvestSet.has(cmd.type);
}

/** Grouping notes and drafting goals: facilitators, plus hosts or everyone by the facilitator's setting. */
export function mayGroup(ctx: RuleCtx): Rejection | null {
  if (ctx.role === 'facilitator') return null;
  if (ctx.role === 'observer') return FORBIDDEN('observers can read but not write');
  if (ctx.state.harvest.grouping === 'everyone' || ctx.role === 'host') return null;
  return FORBIDDEN('the facilitator and table hosts group notes');
}

const voter = (ctx: RuleCtx): Rejection | null =>
  ctx.role === 'delegate' || ctx.role === 'host' ? null : FORBIDDEN('only delegates and table hosts vote');

export const harvestPermissions: { [T in HarvestCommandType]: Rule<T> } = {
  'harvest:configure': facilitatorOnly,
  'cluster:create': mayGroup,
  'cluster:rename': mayGroup,
  'cluster:add-notes': mayGroup,
  'cluster:remove-note': mayGroup,
  'cluster:delete': mayGroup,
  'suggestion:dismiss': mayGroup,
  'spotlight:set': facilitatorOnly,
  'vote:open': facilitatorOnly,
  'vote:cast': voter,
  'vote:reveal': facilitatorOnly,
  'vote:close': facilitatorOnly,
  'goal:create': mayGroup,
  'goal:set': notObserver,
  'goal:set-status': facilitatorOnly,
  'goal:item-add': notObserver,
  'goal:item-set': notObserver,
  'goal:item-remove': notObserver,
  'goal:reorder': facilitatorOnly,
  'goal:merge': facilitatorOnly,
  'goal:delete': facilitatorOnly,
};

/** A stale edit's rejection carries what won (see StaleCurrent): the ack may arrive before its event. */
const STALE = (what: string, current: StaleCurrent): Decision => ({
  ok: false,
  error: {
    code: 'conflict',
    message: `stale edit: someone changed the ${what} since you started; compare both texts and save again`,
    current,
  },
});

function inHarvest(state: WorkshopState, actorIsFacilitator: boolean): Rejection | null {
  if (state.phase === 'harvest') return null;
  // the facilitator keeps tidying goals while delegations review them
  if (actorIsFacilitator && state.phase === 'review') return null;
  return { code: 'wrong_phase', message: 'this is done during the harvest' };
}

export function decideHarvest(state: WorkshopState, cmd: HarvestCommand, actorId: string, now: number): Decision {
  const isFacilitator = state.participants[actorId]?.role === 'facilitator';
  const phase = inHarvest(state, isFacilitator);
  if (phase && cmd.type !== 'harvest:configure') return { ok: false, error: phase };
  const h = state.harvest;
  switch (cmd.type) {
    case 'harvest:configure':
      return accept({ type: 'harvest:configured', grouping: cmd.grouping });
    case 'cluster:create': {
      if (h.clusters[cmd.clusterId]) return reject('conflict', 'a cluster with this id exists');
      const missing = cmd.noteIds.find((id) => !state.notes[id]);
      if (missing) return reject('not_found', 'note not found');
      return accept({
        type: 'cluster:created',
        cluster: { id: cmd.clusterId, name: cmd.name, noteIds: unique(cmd.noteIds), createdBy: actorId, createdAt: now },
      });
    }
    case 'cluster:rename':
      if (!h.clusters[cmd.clusterId]) return reject('not_found', 'cluster not found');
      return accept({ type: 'cluster:renamed', clusterId: cmd.clusterId, name: cmd.name });
    case 'cluster:add-notes': {
      const cluster = h.clusters[cmd.clusterId];
      if (!cluster) return reject('not_found', 'cluster not found');
      if (cmd.noteIds.some((id) => !state.notes[id])) return reject('not_found', 'note not found');
      const fresh = unique(cmd.noteIds).filter((id) => !cluster.noteIds.includes(id));
      if (fresh.length === 0) return reject('conflict', 'already in this cluster');
      if (cluster.noteIds.length + fresh.length > LIMITS.clusterNotes) return reject('conflict', 'the cluster is full');
      return accept({ type: 'cluster:notes-added', clusterId: cluster.id, noteIds: fresh });
    }
    case 'cluster:remove-note': {
      const cluster = h.clusters[cmd.clusterId];
      if (!cluster) return reject('not_found', 'cluster not found');
      if (!cluster.noteIds.includes(cmd.noteId)) return reject('not_found', 'note not in this cluster');
      return accept({ type: 'cluster:note-removed', clusterId: cluster.id, noteId: cmd.noteId });
    }
    case 'cluster:delete':
      if (!h.clusters[cmd.clusterId]) return reject('not_found', 'cluster not found');
      return accept({ type: 'cluster:deleted', clusterId: cmd.clusterId });
    case 'suggestion:dismiss':
      if (h.dismissed.includes(cmd.key)) return reject('conflict', 'already dismissed');
      return accept({ type: 'suggestion:dismissed', key: cmd.key });
    case 'spotlight:set': {
      const t = cmd.target;
      if (t && !targetExists(state, t.kind, t.id)) return reject('not_found', `${t.kind} not found`);
      return accept({ type: 'spotlight:set', target: t });
    }
    case 'vote:open': {
      if (h.votes[cmd.voteId]) return reject('conflict', 'a vote with this id exists');
      if (h.voteOrder.some((id) => h.votes[id]?.status === 'open')) return reject('conflict', 'close the open vote first');
      const items = unique(cmd.items ?? allTargets(state, cmd.kind));
      if (items.length === 0) return reject('conflict', `there are no ${cmd.kind}s to vote on`);
      if (items.length > LIMITS.voteItems) return reject('conflict', 'too many items for one vote');
      if (items.some((id) => !targetExists(state, cmd.kind, id))) return reject('not_found', `${cmd.kind} not found`);
      if (cmd.maxPerItem > cmd.budget) return reject('invalid_payload', 'dots per item cannot exceed the budget');
      return accept({
        type: 'vote:opened',
        vote: {
          id: cmd.voteId,
          kind: cmd.kind,
          items,
          budget: cmd.budget,
          per: cmd.per,
          maxPerItem: cmd.maxPerItem,
          status: 'open',
          openedAt: now,
          ballots: {},
          results: null,
        },
      });
    }
    case 'vote:cast': {
      const vote = h.votes[cmd.voteId];
      if (!vote) return reject('not_found', 'vote not found');
      if (vote.status !== 'open') return reject('wrong_phase', 'the vote is closed');
      // dots after the reveal would make the published tally wrong
      if (vote.results) return reject('wrong_phase', 'the results are out');
      if (!vote.items.includes(cmd.itemId)) return reject('not_found', 'not on the ballot');
      const key = voterKey(state, vote, actorId);
      if (!key) return reject('forbidden', 'you need a delegation to vote in a vote by delegation');
      const ballot = vote.ballots[key] ?? {};
      const current = ballot[cmd.itemId] ?? 0;
      const next = current + cmd.delta;
      if (next < 0) return reject('conflict', 'no dot on this item to take back');
      if (next > vote.maxPerItem) return reject('conflict', `at most ${vote.maxPerItem} dots on one item`);
      const spent = Object.values(ballot).reduce((a, b) => a + b, 0);
      if (cmd.delta > 0 && spent >= vote.budget) return reject('conflict', `all ${vote.budget} dots are used`);
      return accept({ type: 'vote:cast', voteId: vote.id, voter: key, itemId: cmd.itemId, dots: next });
    }
    case 'vote:reveal': {
      const vote = h.votes[cmd.voteId];
      if (!vote) return reject('not_found', 'vote not found');
      if (vote.results) return reject('conflict', 'already revealed');
      return accept({ type: 'vote:revealed', voteId: vote.id, results: voteTally(state, vote) });
    }
    case 'vote:close': {
      const vote = h.votes[cmd.voteId];
      if (!vote) return reject('not_found', 'vote not found');
      if (vote.status === 'closed') return reject('conflict', 'already closed');
      return accept({ type: 'vote:closed', voteId: vote.id });
    }
    case 'goal:create': {
      if (state.goals[cmd.goalId]) return reject('conflict', 'a goal with this id exists');
      if (cmd.themeId && !state.themes[cmd.themeId]) return reject('not_found', 'theme not found');
      if (cmd.clusterIds.some((id) => !h.clusters[id])) return reject('not_found', 'cluster not found');
      if (cmd.noteIds.some((id) => !state.notes[id])) return reject('not_found', 'note not found');
      const goal: Goal = {
        id: cmd.goalId,
        title: cmd.title,
        themeId: cmd.themeId,
        rationale: draftRationale(state, cmd.clusterIds, cmd.noteIds),
        objectives: [],
        actions: [],
        indicators: [],
        status: 'draft',
        // the cluster's notes are copied in, so provenance survives regrouping or deleting the cluster
        sources: {
          noteIds: unique([...cmd.clusterIds.flatMap((c) => h.clusters[c]?.noteIds ?? []), ...cmd.noteIds]),
          clusterIds: unique(cmd.clusterIds),
        },
        versions: { title: 1, rationale: 1, themeId: 1 },
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      };
      return accept({ type: 'goal:created', goal });
    }
    case 'goal:set': {
      const goal = state.goals[cmd.goalId];
      if (!goal) return reject('not_found', 'goal not found');
      if (goal.versions[cmd.field] !== cmd.baseVersion)
        return STALE(cmd.field, { version: goal.versions[cmd.field], value: goal[cmd.field] });
      let value: string | null = cmd.value === null ? null : cleanText(cmd.value);
      if (cmd.field === 'themeId') {
        if (value !== null && !state.themes[value]) return reject('not_found', 'theme not found');
      } else {
        if (value === null) return reject('invalid_payload', `${cmd.field} cannot be empty`);
        const max = cmd.field === 'title' ? LIMITS.goalTitleChars : LIMITS.goalTextChars;
        if (charCount(value) > max) return reject('invalid_payload', `at most ${max} characters`);
        if (cmd.field === 'title' && isBlank(value)) return reject('invalid_payload', 'the title cannot be empty');
        value = value ?? '';
      }
      return accept({ type: 'goal:set', goalId: goal.id, field: cmd.field, value, version: cmd.baseVersion + 1, at: now });
    }
    case 'goal:set-status': {
      const goal = state.goals[cmd.goalId];
      if (!goal) return reject('not_found', 'goal not found');
      if (goal.status === cmd.status) return reject('conflict', `already ${cmd.status}`);
      return accept({ type: 'goal:status-set', goalId: goal.id, status: cmd.status, at: now });
    }
    case 'goal:item-add': {
      const goal = state.goals[cmd.goalId];
      if (!goal) return reject('not_found', 'goal not found');
      const list = goal[cmd.list] as GoalItem[];
      if (list.length >= LIMITS.goalItems) return reject('conflict', 'this list is full');
      if (list.some((i) => i.id === cmd.itemId)) return reject('conflict', 'an item with this id exists');
      const item = withTimeline(state, cmd.list, { id: cmd.itemId, text: cmd.text, version: 1 }, cmd);
      if ('code' in item) return { ok: false, error: item };
      return accept({ type: 'goal:item-added', goalId: goal.id, list: cmd.list, item, at: now });
    }
    case 'goal:item-set': {
      const goal = state.goals[cmd.goalId];
      if (!goal) return reject('not_found', 'goal not found');
      const current = (goal[cmd.list] as Array<GoalItem | GoalAction>).find((i) => i.id === cmd.itemId);
      if (!current) return reject('not_found', 'item not found');
      if (current.version !== cmd.baseVersion)
        return STALE(cmd.list.replace(/s$/, ''), { version: current.version, value: current.text, item: { ...current } });
      const merged = { ...current, ...(cmd.text !== undefined ? { text: cmd.text } : {}), version: current.version + 1 };
      const item = withTimeline(state, cmd.list, merged, cmd);
      if ('code' in item) return { ok: false, error: item };
      return accept({ type: 'goal:item-set', goalId: goal.id, list: cmd.list, item, at: now });
    }
    case 'goal:item-remove': {
      const goal = state.goals[cmd.goalId];
      if (!goal) return reject('not_found', 'goal not found');
      if (!(goal[cmd.list] as GoalItem[]).some((i) => i.id === cmd.itemId)) return reject('not_found', 'item not found');
      return accept({ type: 'goal:item-removed', goalId: goal.id, list: cmd.list, itemId: cmd.itemId });
    }
    case 'goal:reorder': {
      const ids = cmd.goalIds;
      const same = ids.length === state.goalOrder.length && new Set(ids).size === ids.length && ids.every((id) => state.goals[id]);
      if (!same) return reject('conflict', 'the new order must list every goal once');
      return accept({ type: 'goal:reordered', goalIds: ids });
    }
    case 'goal:merge': {
      if (cmd.goalId === cmd.otherId) return reject('invalid_payload', 'cannot merge a goal into itself');
      if (!state.goals[cmd.goalId] || !state.goals[cmd.otherId]) return reject('not_found', 'goal not found');
      return accept({ type: 'goal:merged', goalId: cmd.goalId, otherId: cmd.otherId, at: now });
    }
    case 'goal:delete':
      if (!state.goals[cmd.goalId]) return reject('not_found', 'goal not found');
      return accept({ type: 'goal:deleted', goalId: cmd.goalId });
    default:
      return assertNever(cmd);
  }
}

function withTimeline(
  state: WorkshopState,
  list: 'objectives' | 'actions' | 'indicators',
  base: GoalItem & Partial<GoalAction>,
  patch: { leads?: string[]; start?: number; end?: number },
): (GoalItem & Partial<GoalAction>) | Rejection {
  if (list !== 'actions') {
    if (patch.leads || patch.start !== undefined || patch.end !== undefined)
      return { code: 'invalid_payload', message: 'only actions have leads and a timeline' };
    return base;
  }
  const { start: first, end: last } = state.planYears;
  const item = {
    ...base,
    leads: patch.leads ?? base.leads ?? [],
    start: patch.start ?? base.start ?? first,
    end: patch.end ?? base.end ?? last,
  };
  if (item.leads.some((d) => !state.delegations[d])) return { code: 'not_found', message: 'lead delegation not found' };
  if (item.start > item.end) return { code: 'invalid_payload', message: 'an action cannot end before it starts' };
  if (item.start < first || item.end > last) return { code: 'invalid_payload', message: `the timeline must fall within ${first}–${last}` };
  return item;
}

function allTargets(state: WorkshopState, kind: 'cluster' | 'note' | 'goal'): string[] {
  if (kind === 'cluster') return state.harvest.clusterOrder;
  if (kind === 'goal') return state.goalOrder;
  return Object.keys(state.notes);
}

function targetExists(state: WorkshopState, kind: 'cluster' | 'note' | 'goal', id: string): boolean {
  if (kind === 'cluster') return id in state.harvest.clusters;
  if (kind === 'goal') return id in state.goals;
  return id in state.notes;
}

/** "Draft a goal" pre-fills the rationale with the ideas it grew from. */
function draftRationale(state: WorkshopState, clusterIds: string[], noteIds: string[]): string {
  const ids = unique([...clusterIds.flatMap((c) => state.harvest.clusters[c]?.noteIds ?? []), ...noteIds]);
  const lines = ids
    .map((id) => state.notes[id])
    .filter((n) => n !== undefined)
    .map((n) => `• ${n.text}`);
  let out = lines.join('\n');
  while (charCount(out) > LIMITS.goalTextChars && lines.length > 0) {
    lines.pop();
    out = `${lines.join('\n')}\n…`;
  }
  return out;
}
