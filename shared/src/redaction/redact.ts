// What a delete takes out of the stored log. The log is append-only, but free text someone
// deleted (a note, a cluster's name, a goal, a goal's item) must not stay in it: when the delete
// commits, the events that carried that text are rewritten with the text blanked. Everything
// else of them stays (ids, author, table, times, seq), so the log still folds to the same state:
// the entity is created with empty text, changed, and deleted as before.
//
// Only text that the delete removes from the state is redacted; whatever the state still holds
// (an amendment's text, a table summary) stays, so a reload from the redacted log yields exactly
// the state the server had in memory.
import type { DomainEvent, Envelope } from '../cafe/protocol';
import type { Goal, WorkshopState } from '../cafe/model';

export type RedactTarget =
  | { kind: 'note'; id: string }
  | { kind: 'cluster'; id: string }
  | { kind: 'goal'; id: string }
  | { kind: 'goal-item'; goalId: string; id: string };

/** The free text this event deletes (none for most events). */
export function redactionsOf(e: DomainEvent): RedactTarget[] {
  switch (e.type) {
    case 'note:deleted':
      return [{ kind: 'note', id: e.noteId }];
    case 'cluster:deleted':
      return [{ kind: 'cluster', id: e.clusterId }];
    case 'goal:deleted':
      return [{ kind: 'goal', id: e.goalId }];
    case 'goal:item-removed':
      return [{ kind: 'goal-item', goalId: e.goalId, id: e.itemId }];
    default:
      return [];
  }
}

/**
 * A string every stored event body that may carry the target's text contains (its id as a JSON
 * string), so a store can find the candidates with a substring search before parsing them.
 */
export function needleOf(t: RedactTarget): string {
  return JSON.stringify(t.id);
}

export interface Redacted {
  event: DomainEvent;
  /** Text of other entities that went with this one (a goal merged into a deleted goal). */
  also: RedactTarget[];
}

/** The event with the target's text blanked, or null when it carries none of it. */
export function redactEvent(e: DomainEvent, t: RedactTarget): Redacted | null {
  const one = (event: DomainEvent, also: RedactTarget[] = []): Redacted => ({ event, also });
  switch (t.kind) {
    case 'note':
      if (e.type === 'note:created' && e.note.id === t.id && e.note.text !== '') return one({ ...e, note: { ...e.note, text: '' } });
      if (e.type === 'note:edited' && e.noteId === t.id && e.text !== '') return one({ ...e, text: '' });
      break;
    case 'cluster':
      if (e.type === 'cluster:created' && e.cluster.id === t.id && e.cluster.name !== '')
        return one({ ...e, cluster: { ...e.cluster, name: '' } });
      if (e.type === 'cluster:renamed' && e.clusterId === t.id && e.name !== '') return one({ ...e, name: '' });
      break;
    case 'goal':
      if (e.type === 'goal:created' && e.goal.id === t.id) return changed(e, { ...e, goal: blankGoal(e.goal) });
      if (e.type === 'goal:set' && e.goalId === t.id && e.field !== 'themeId' && e.value) return one({ ...e, value: '' });
      if ((e.type === 'goal:item-added' || e.type === 'goal:item-set') && e.goalId === t.id && e.item.text !== '')
        return one({ ...e, item: { ...e.item, text: '' } });
      // the other goal's text lives on in this one, and goes with it
      if (e.type === 'goal:merged' && e.goalId === t.id) return one(e, [{ kind: 'goal', id: e.otherId }]);
      break;
    case 'goal-item':
      if ((e.type === 'goal:item-added' || e.type === 'goal:item-set') && e.goalId === t.goalId && e.item.id === t.id && e.item.text !== '')
        return one({ ...e, item: { ...e.item, text: '' } });
      // an item merged in from another goal keeps its id: its text came from that goal's events
      if (e.type === 'goal:merged' && e.goalId === t.goalId) return one(e, [{ kind: 'goal-item', goalId: e.otherId, id: t.id }]);
      break;
  }
  if (e.type === 'workshop:imported') {
    const state = redactState(e.state as unknown as WorkshopState, t);
    if (state) return one({ ...e, state: state as unknown as Record<string, unknown> });
  }
  return null;
}

function changed(before: DomainEvent, after: DomainEvent): Redacted | null {
  return JSON.stringify(before) === JSON.stringify(after) ? null : { event: after, also: [] };
}

function blankGoal<G extends Pick<Goal, 'title' | 'rationale' | 'objectives' | 'actions' | 'indicators'>>(g: G): G {
  const blank = <I extends { text: string }>(items: readonly I[]) => items.map((i) => ({ ...i, text: '' }));
  return { ...g, title: '', rationale: '', objectives: blank(g.objectives), actions: blank(g.actions), indicators: blank(g.indicators) };
}

/**
 * A state (a snapshot, an imported workshop) with the target's text blanked, or null when it does
 * not hold the target. Tolerates partial states: an import carries whatever its file had.
 */
export function redactState(state: WorkshopState, t: RedactTarget): WorkshopState | null {
  switch (t.kind) {
    case 'note': {
      const note = state.notes?.[t.id];
      if (!note || note.text === '') return null;
      return { ...state, notes: { ...state.notes, [t.id]: { ...note, text: '' } } };
    }
    case 'cluster': {
      const cluster = state.harvest?.clusters?.[t.id];
      if (!cluster || cluster.name === '') return null;
      return { ...state, harvest: { ...state.harvest, clusters: { ...state.harvest.clusters, [t.id]: { ...cluster, name: '' } } } };
    }
    case 'goal': {
      const goal = state.goals?.[t.id];
      if (!goal) return null;
      const blank = blankGoal(goal);
      return JSON.stringify(blank) === JSON.stringify(goal) ? null : { ...state, goals: { ...state.goals, [t.id]: blank } };
    }
    case 'goal-item': {
      const goal = state.goals?.[t.goalId];
      if (!goal) return null;
      const blankItem = <I extends { id: string; text: string }>(items: readonly I[] = []) =>
        items.map((i) => (i.id === t.id ? { ...i, text: '' } : i));
      const next: Goal = {
        ...goal,
        objectives: blankItem(goal.objectives),
        actions: blankItem(goal.actions),
        indicators: blankItem(goal.indicators),
      };
      return JSON.stringify(next) === JSON.stringify(goal) ? null : { ...state, goals: { ...state.goals, [t.goalId]: next } };
    }
  }
}

/** A snapshot body (`{"v":…,"state":…}`) with the target's text blanked, or null when untouched. */
export function redactSnapshotBody(body: string, t: RedactTarget): string | null {
  const parsed = JSON.parse(body) as { state?: WorkshopState };
  if (!parsed.state) return null;
  const state = redactState(parsed.state, t);
  return state ? JSON.stringify({ ...parsed, state }) : null;
}

/** A stored row: an event or snapshot body at a seq (and, for a snapshot's part, its part number). */
export interface BodyRow {
  seq: number;
  body: string;
  /** Rows of a snapshot's parts only: which part of the snapshot at `seq`. */
  part?: number;
}

/**
 * One pass of a store's redaction: given the rows that contain the target's needle, the rows to
 * rewrite (event bodies are DomainEvent JSON) and the further targets that go with this one.
 */
export function redactEventRows(rows: readonly BodyRow[], t: RedactTarget): { updates: BodyRow[]; also: RedactTarget[] } {
  const updates: BodyRow[] = [];
  const also: RedactTarget[] = [];
  for (const row of rows) {
    const r = redactEvent(JSON.parse(row.body) as DomainEvent, t);
    if (!r) continue;
    also.push(...r.also);
    const body = JSON.stringify(r.event);
    if (body !== row.body) updates.push({ seq: row.seq, body });
  }
  return { updates, also };
}

/**
 * The targets a store works through, each once: the ones a batch's deletes name, then those that
 * go with them (redactEventRows' `also`). A store loops `for (let t = q.next(); t; t = q.next())`
 * with its own reads and writes (synchronous inside SQLite's transaction, async for PostgreSQL).
 */
export class RedactionQueue {
  private seen = new Set<string>();
  private todo: RedactTarget[] = [];

  constructor(targets: Iterable<RedactTarget> = []) {
    this.add(targets);
  }

  add(targets: Iterable<RedactTarget>) {
    for (const t of targets) {
      const key = JSON.stringify(t);
      if (this.seen.has(key)) continue;
      this.seen.add(key);
      this.todo.push(t);
    }
  }

  next(): RedactTarget | undefined {
    return this.todo.shift();
  }
}

/**
 * Events kept in memory (a server's catch-up window) with the targets' text blanked in those
 * before seq `before` (the delete's: an id may be used again by a later entity): a new array
 * when anything changed (the envelopes that carried text are replaced, never mutated, since the
 * old ones may still be on their way to a socket), else the same array.
 */
export function redactEnvelopes(envelopes: readonly Envelope[], targets: Iterable<RedactTarget>, before: number): readonly Envelope[] {
  let out: Envelope[] | null = null;
  const q = new RedactionQueue(targets);
  for (let t = q.next(); t; t = q.next()) {
    const list: readonly Envelope[] = out ?? envelopes;
    for (let i = 0; i < list.length && list[i]!.seq < before; i++) {
      const r = redactEvent(list[i]!.e, t);
      if (!r) continue;
      q.add(r.also);
      if (r.event === list[i]!.e) continue;
      out ??= [...envelopes];
      out[i] = { ...list[i]!, e: r.event };
    }
  }
  return out ?? envelopes;
}
