// The harvest's half of reduce().
import type { Goal, GoalAction, GoalItem, HarvestState, WorkshopState } from '../cafe/model';
import type { DomainEvent, EventOf } from '../cafe/protocol';
import { assertNever } from '../assert';
import { unique, without } from '../cafe/records';

export const HARVEST_EVENTS = [
  'harvest:configured',
  'cluster:created',
  'cluster:renamed',
  'cluster:notes-added',
  'cluster:note-removed',
  'cluster:deleted',
  'suggestion:dismissed',
  'spotlight:set',
  'vote:opened',
  'vote:cast',
  'vote:revealed',
  'vote:closed',
  'goal:created',
  'goal:set',
  'goal:status-set',
  'goal:item-added',
  'goal:item-set',
  'goal:item-removed',
  'goal:reordered',
  'goal:merged',
  'goal:deleted',
] as const;
export type HarvestEvent = EventOf<(typeof HARVEST_EVENTS)[number]>;
const harvestEventSet: ReadonlySet<string> = new Set(HARVEST_EVENTS);
export const isHarvestEvent = (e: DomainEvent): e is HarvestEvent => harvestEventSet.has(e.type);

const withHarvest = (state: WorkshopState, patch: Partial<HarvestState>): WorkshopState => ({
  ...state,
  harvest: { ...state.harvest, ...patch },
});

function withGoal(state: WorkshopState, id: string, f: (g: Goal) => Goal): WorkshopState {
  const goal = state.goals[id];
  return goal ? { ...state, goals: { ...state.goals, [id]: f(goal) } } : state;
}

/** A note belongs to at most one cluster: adding it somewhere takes it out of the others. */
function takeNotesOut(clusters: HarvestState['clusters'], noteIds: readonly string[], except: string) {
  const moving = new Set(noteIds);
  const out: HarvestState['clusters'] = {};
  for (const [id, c] of Object.entries(clusters)) {
    out[id] = id === except || !c.noteIds.some((n) => moving.has(n)) ? c : { ...c, noteIds: c.noteIds.filter((n) => !moving.has(n)) };
  }
  return out;
}

const unionIds = (a: readonly string[], b: readonly string[]) => unique([...a, ...b]);
function unionItems<T extends GoalItem>(a: readonly T[], b: readonly T[]): T[] {
  const seen = new Set(a.map((i) => i.id));
  return [...a, ...b.filter((i) => !seen.has(i.id))];
}

export function reduceHarvest(state: WorkshopState, e: HarvestEvent): WorkshopState {
  const h = state.harvest;
  switch (e.type) {
    case 'harvest:configured':
      return withHarvest(state, { grouping: e.grouping });
    case 'cluster:created': {
      const clusters = takeNotesOut(h.clusters, e.cluster.noteIds, e.cluster.id);
      return withHarvest(state, {
        clusters: { ...clusters, [e.cluster.id]: e.cluster },
        clusterOrder: [...h.clusterOrder, e.cluster.id],
      });
    }
    case 'cluster:renamed': {
      const c = h.clusters[e.clusterId];
      return c ? withHarvest(state, { clusters: { ...h.clusters, [c.id]: { ...c, name: e.name } } }) : state;
    }
    case 'cluster:notes-added': {
      const c = h.clusters[e.clusterId];
      if (!c) return state;
      const clusters = takeNotesOut(h.clusters, e.noteIds, c.id);
      return withHarvest(state, { clusters: { ...clusters, [c.id]: { ...c, noteIds: unionIds(c.noteIds, e.noteIds) } } });
    }
    case 'cluster:note-removed': {
      const c = h.clusters[e.clusterId];
      if (!c) return state;
      return withHarvest(state, { clusters: { ...h.clusters, [c.id]: { ...c, noteIds: c.noteIds.filter((n) => n !== e.noteId) } } });
    }
    case 'cluster:deleted':
      return withHarvest(state, {
        clusters: without(h.clusters, e.clusterId),
        clusterOrder: h.clusterOrder.filter((id) => id !== e.clusterId),
        spotlight: h.spotlight?.kind === 'cluster' && h.spotlight.id === e.clusterId ? null : h.spotlight,
      });
    case 'suggestion:dismissed':
      return withHarvest(state, { dismissed: [...h.dismissed, e.key] });
    case 'spotlight:set':
      return withHarvest(state, { spotlight: e.target });
    case 'vote:opened':
      return withHarvest(state, { votes: { ...h.votes, [e.vote.id]: e.vote }, voteOrder: [...h.voteOrder, e.vote.id] });
    case 'vote:cast': {
      const v = h.votes[e.voteId];
      if (!v) return state;
      const ballot = { ...(v.ballots[e.voter] ?? {}), [e.itemId]: e.dots };
      return withHarvest(state, { votes: { ...h.votes, [v.id]: { ...v, ballots: { ...v.ballots, [e.voter]: ballot } } } });
    }
    case 'vote:revealed': {
      const v = h.votes[e.voteId];
      return v ? withHarvest(state, { votes: { ...h.votes, [v.id]: { ...v, results: e.results } } }) : state;
    }
    case 'vote:closed': {
      const v = h.votes[e.voteId];
      return v ? withHarvest(state, { votes: { ...h.votes, [v.id]: { ...v, status: 'closed' } } }) : state;
    }
    case 'goal:created':
      return { ...state, goals: { ...state.goals, [e.goal.id]: e.goal }, goalOrder: [...state.goalOrder, e.goal.id] };
    case 'goal:set':
      return withGoal(state, e.goalId, (g) => ({
        ...g,
        [e.field]: e.value,
        versions: { ...g.versions, [e.field]: e.version },
        updatedAt: e.at,
      }));
    case 'goal:status-set':
      return withGoal(state, e.goalId, (g) => ({ ...g, status: e.status, updatedAt: e.at }));
    case 'goal:item-added':
      return withGoal(state, e.goalId, (g) => ({ ...g, [e.list]: [...g[e.list], e.item], updatedAt: e.at }));
    case 'goal:item-set':
      return withGoal(state, e.goalId, (g) => ({
        ...g,
        [e.list]: (g[e.list] as Array<GoalItem | GoalAction>).map((i) => (i.id === e.item.id ? e.item : i)),
        updatedAt: e.at,
      }));
    case 'goal:item-removed':
      return withGoal(state, e.goalId, (g) => ({
        ...g,
        [e.list]: (g[e.list] as GoalItem[]).filter((i) => i.id !== e.itemId),
      }));
    case 'goal:reordered':
      return { ...state, goalOrder: e.goalIds };
    case 'goal:merged': {
      const other = state.goals[e.otherId];
      if (!other) return state;
      const merged = withGoal(state, e.goalId, (g) => ({
        ...g,
        rationale: [g.rationale, other.rationale].filter((t) => t.trim()).join('\n\n'),
        objectives: unionItems(g.objectives, other.objectives),
        actions: unionItems(g.actions, other.actions),
        indicators: unionItems(g.indicators, other.indicators),
        sources: {
          noteIds: unionIds(g.sources.noteIds, other.sources.noteIds),
          clusterIds: unionIds(g.sources.clusterIds, other.sources.clusterIds),
        },
        versions: { ...g.versions, rationale: g.versions.rationale + 1 },
        updatedAt: e.at,
      }));
      return removeGoal(merged, e.otherId);
    }
    case 'goal:deleted':
      return removeGoal(state, e.goalId);
    default:
      return assertNever(e);
  }
}

function removeGoal(state: WorkshopState, id: string): WorkshopState {
  const h = state.harvest;
  return {
    ...state,
    goals: without(state.goals, id),
    goalOrder: state.goalOrder.filter((g) => g !== id),
    harvest: h.spotlight?.kind === 'goal' && h.spotlight.id === id ? { ...h, spotlight: null } : h,
  };
}
