// Property tests of the harvest (fast-check, fixed seeds so CI is deterministic):
// - dot-vote budgets hold under any order of votes from several people, two devices of one
//   person, and members of a delegation sharing one budget;
// - concurrent goal edits from clients holding stale copies converge on every client and in the
//   log, and no acknowledged edit is lost;
// - a merged goal's provenance is the union of its parts;
// - a note is in at most one cluster whatever the grouping.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Actor, GoalItem, WorkshopState } from '../cafe/model';
import { GOAL_LISTS } from '../cafe/model';
import type { Command, DomainEvent, Envelope } from '../cafe/protocol';
import { decide } from '../cafe/decide';
import { applyEnvelopes } from '../cafe/reduce';
import { viewFor, visibleTo } from '../cafe/scope';
import { LATER, N, P, SYSTEM, as, cmd, envelopes, joinCommand, run, standardWorkshop, type CommandBody } from '../testing/fixtures';
import { voteTally } from './votes';

const fac = as(P.facilitator);
const runAs = (state: WorkshopState, body: CommandBody, actor: Actor = fac) => run(state, cmd(body), actor, LATER);

/** decide + fold as the server does (consecutive seqs, scoped envelopes). */
function step(state: WorkshopState, command: Command, actor: Actor) {
  const d = decide(state, command, actor, { now: LATER });
  if (!d.ok) return { state, d, envs: [] as Envelope[] };
  const envs = envelopes(state, d.events, actor.kind === 'participant' ? actor.participantId : null, LATER);
  return { state: applyEnvelopes(state, envs), d, envs };
}

// ---------------------------------------------------------------------------------------------
// Vote budgets

const ITEMS = ['c1', 'c2', 'c3'] as const;
const NO_DEL = 'nodel';
/** host1 + del1 share thai; del2 + del3 share jp; nodel has no delegation. */
const VOTERS = [P.host, P.d1, P.d2, P.d3, NO_DEL] as const;

function ballotBase(): WorkshopState {
  let s = standardWorkshop('harvest');
  s = run(s, joinCommand(NO_DEL, 'Nobody', null), SYSTEM, LATER);
  s = runAs(s, { type: 'cluster:create', clusterId: 'c1', name: 'One', noteIds: [N.host] });
  s = runAs(s, { type: 'cluster:create', clusterId: 'c2', name: 'Two', noteIds: [N.d1] });
  s = runAs(s, { type: 'cluster:create', clusterId: 'c3', name: 'Three', noteIds: [N.d2] });
  return s;
}
const BALLOT_BASE = ballotBase();

interface VoteConfig {
  per: 'participant' | 'delegation';
  budget: number;
  maxPerItem: number;
}
const voteConfig: fc.Arbitrary<VoteConfig> = fc
  .record({ per: fc.constantFrom('participant' as const, 'delegation' as const), budget: fc.integer({ min: 1, max: 6 }) })
  .chain(({ per, budget }) => fc.integer({ min: 1, max: budget }).map((maxPerItem) => ({ per, budget, maxPerItem })));

function openVote(cfg: VoteConfig): WorkshopState {
  return runAs(BALLOT_BASE, { type: 'vote:open', voteId: 'v', kind: 'cluster', ...cfg });
}

function keyOf(state: WorkshopState, per: VoteConfig['per'], who: string): string | null {
  if (per === 'participant') return `p:${who}`;
  const d = state.participants[who]?.delegationId;
  return d ? `d:${d}` : null;
}

/** Budget, per-item cap and non-negativity for every voter key; the tally matches the ballots. */
function checkBudgets(state: WorkshopState, cfg: VoteConfig) {
  const vote = state.harvest.votes.v!;
  for (const [key, ballot] of Object.entries(vote.ballots)) {
    const dots = Object.values(ballot);
    const sum = dots.reduce((a, b) => a + b, 0);
    expect(sum, `${key} spent ${sum} of ${cfg.budget}`).toBeLessThanOrEqual(cfg.budget);
    for (const [item, n] of Object.entries(ballot)) {
      expect(n, `${key} on ${item}`).toBeGreaterThanOrEqual(0);
      expect(n, `${key} on ${item}`).toBeLessThanOrEqual(cfg.maxPerItem);
      expect(Number.isInteger(n)).toBe(true);
      expect(ITEMS as readonly string[]).toContain(item);
    }
    if (cfg.per === 'participant') expect(key).toMatch(/^p:/);
    else expect(key).toMatch(/^d:/);
  }
}

/** The reference model of one ballot box: what decide must accept, and what the ballots must be. */
class BallotModel {
  ballots = new Map<string, Map<string, number>>();
  constructor(readonly cfg: VoteConfig) {}
  predict(key: string | null, item: string, delta: 1 | -1): 'ok' | 'forbidden' | 'conflict' {
    if (key === null) return 'forbidden';
    const b = this.ballots.get(key) ?? new Map<string, number>();
    const next = (b.get(item) ?? 0) + delta;
    const spent = [...b.values()].reduce((a, x) => a + x, 0);
    if (next < 0 || next > this.cfg.maxPerItem) return 'conflict';
    if (delta > 0 && spent >= this.cfg.budget) return 'conflict';
    return 'ok';
  }
  apply(key: string, item: string, delta: 1 | -1) {
    const b = this.ballots.get(key) ?? new Map<string, number>();
    b.set(item, (b.get(item) ?? 0) + delta);
    this.ballots.set(key, b);
  }
  asRecord(): Record<string, Record<string, number>> {
    return Object.fromEntries([...this.ballots].map(([k, b]) => [k, Object.fromEntries(b)]));
  }
}

interface Cast {
  who: (typeof VOTERS)[number];
  item: (typeof ITEMS)[number];
  delta: 1 | -1;
}
const castArb: fc.Arbitrary<Omit<Cast, 'who'>> = fc.record({
  item: fc.constantFrom(...ITEMS),
  // more +1 than -1, so budgets are actually reached
  delta: fc.constantFrom<1 | -1>(1, 1, 1, -1),
});

/** Outcomes seen across all runs, to check the generators reach full budgets and caps. */
const seen = { ok: 0, conflict: 0, forbidden: 0, full: 0 };

/** Plays one cast against both the real decide/reduce and the model, checking after the step. */
function playCast(state: WorkshopState, model: BallotModel, c: Cast): WorkshopState {
  const key = keyOf(state, model.cfg.per, c.who);
  const want = model.predict(key, c.item, c.delta);
  seen[want]++;
  if (want === 'conflict' && c.delta > 0) seen.full++;
  const r = step(state, cmd({ type: 'vote:cast', voteId: 'v', itemId: c.item, delta: c.delta }), as(c.who));
  expect(r.d.ok ? 'ok' : r.d.error.code, JSON.stringify(c)).toBe(want);
  if (r.d.ok) {
    model.apply(key!, c.item, c.delta);
    expect(r.envs).toHaveLength(1);
    // the ballot event is scoped to its voter key (private until the reveal)
    expect(r.envs[0]!.scope).toBe(key);
  }
  checkBudgets(r.state, model.cfg);
  expect(r.state.harvest.votes.v!.ballots).toEqual(model.asRecord());
  return r.state;
}

/** What every viewer sees of the ballots: only their own key (and their delegation's). */
function checkPrivacy(state: WorkshopState) {
  for (const who of [...VOTERS, P.observer]) {
    const own = new Set([`p:${who}`, ...(state.participants[who]?.delegationId ? [`d:${state.participants[who].delegationId}`] : [])]);
    const seen = Object.keys(viewFor(state, who).harvest.votes.v!.ballots);
    for (const k of seen) expect(own.has(k), `${who} sees ${k}`).toBe(true);
  }
}

function checkReveal(state: WorkshopState, cfg: VoteConfig) {
  const r = step(state, cmd({ type: 'vote:reveal', voteId: 'v' }), fac);
  expect(r.d.ok).toBe(true);
  const results = r.state.harvest.votes.v!.results!;
  const ballots = Object.values(state.harvest.votes.v!.ballots);
  for (const item of ITEMS) expect(results.totals[item]).toBe(ballots.reduce((a, b) => a + (b[item] ?? 0), 0));
  const total = Object.values(results.totals).reduce((a, b) => a + b, 0);
  expect(total).toBeLessThanOrEqual(cfg.budget * ballots.length);
  // byDelegation splits the same dots
  for (const item of ITEMS) {
    const split = Object.values(results.byDelegation[item] ?? {}).reduce((a, b) => a + b, 0);
    expect(split).toBe(results.totals[item]);
  }
  expect(results).toEqual(voteTally(state, state.harvest.votes.v!));
}

describe('vote budgets hold under any interleaving', () => {
  it('several people, two devices of one person, and delegation members sharing one budget, in any order', () => {
    // A device is one client connection: its casts, in its own order. Two devices of the same
    // person are forced in; the server decides one command at a time, so any permutation of all
    // the commands is a possible arrival order.
    const device = fc.record({ who: fc.constantFrom(...VOTERS), casts: fc.array(castArb, { maxLength: 10 }) });
    const scenario = fc
      .record({
        cfg: voteConfig,
        twin: fc.constantFrom(...VOTERS),
        a: fc.array(castArb, { minLength: 1, maxLength: 10 }),
        b: fc.array(castArb, { minLength: 1, maxLength: 10 }),
        others: fc.array(device, { maxLength: 4 }),
      })
      .chain((sc) => {
        const devices = [{ who: sc.twin, casts: sc.a }, { who: sc.twin, casts: sc.b }, ...sc.others];
        const all: Cast[] = devices.flatMap((d) => d.casts.map((c) => ({ who: d.who, ...c })));
        return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }).map((order) => ({ cfg: sc.cfg, order }));
      });
    fc.assert(
      fc.property(scenario, ({ cfg, order }) => {
        let s = openVote(cfg);
        const model = new BallotModel(cfg);
        for (const c of order) s = playCast(s, model, c);
        checkPrivacy(s);
        checkReveal(s, cfg);
      }),
      { seed: 20240601, numRuns: 300 },
    );
    // the generated runs did reach full budgets and per-item caps, and refused people without a delegation
    expect(seen.full).toBeGreaterThan(100);
    expect(seen.forbidden).toBeGreaterThan(10);
    expect(seen.ok).toBeGreaterThan(1000);
  });

  it('model-based (fc.commands): casts, interleaved with reveal-free reads, always agree with the model', () => {
    class CastCommand implements fc.Command<BallotModel, { state: WorkshopState }> {
      constructor(readonly c: Cast) {}
      check() {
        return true;
      }
      run(model: BallotModel, real: { state: WorkshopState }) {
        real.state = playCast(real.state, model, this.c);
      }
      toString() {
        return `cast(${this.c.who},${this.c.item},${this.c.delta})`;
      }
    }
    class SpentCommand implements fc.Command<BallotModel, { state: WorkshopState }> {
      constructor(readonly who: (typeof VOTERS)[number]) {}
      check() {
        return true;
      }
      run(model: BallotModel, real: { state: WorkshopState }) {
        // what this voter's client would show: its own ballot only, matching the model
        const key = keyOf(real.state, model.cfg.per, this.who);
        const view = viewFor(real.state, this.who).harvest.votes.v!.ballots;
        expect(view).toEqual(key && model.ballots.has(key) ? { [key]: model.asRecord()[key] } : {});
      }
      toString() {
        return `view(${this.who})`;
      }
    }
    const commands = fc.commands(
      [
        fc
          .record({ who: fc.constantFrom(...VOTERS), item: fc.constantFrom(...ITEMS), delta: fc.constantFrom<1 | -1>(1, 1, -1) })
          .map((c) => new CastCommand(c)),
        fc.constantFrom(...VOTERS).map((w) => new SpentCommand(w)),
      ],
      { maxCommands: 40 },
    );
    fc.assert(
      fc.property(voteConfig, commands, (cfg, cmds) => {
        const real = { state: openVote(cfg) };
        fc.modelRun(() => ({ model: new BallotModel(cfg), real }), cmds);
        checkReveal(real.state, cfg);
      }),
      { seed: 7331, numRuns: 200 },
    );
  });

  it('a delegation’s members can never spend more than the delegation’s budget together', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.constantFrom(P.host, P.d1), { minLength: 1, maxLength: 20 }),
        (budget, who) => {
          const cfg: VoteConfig = { per: 'delegation', budget, maxPerItem: budget };
          let s = openVote(cfg);
          let ok = 0;
          for (const w of who) {
            const r = step(s, cmd({ type: 'vote:cast', voteId: 'v', itemId: 'c1', delta: 1 }), as(w));
            s = r.state;
            if (r.d.ok) ok++;
            else expect(r.d.error.code).toBe('conflict');
          }
          expect(ok).toBe(Math.min(budget, who.length));
          expect(s.harvest.votes.v!.ballots).toEqual({ 'd:thai': { c1: Math.min(budget, who.length) } });
        },
      ),
      { seed: 42, numRuns: 100 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Concurrent goal edits

type Target = 'title' | 'rationale' | 'o1';
const TARGETS: readonly Target[] = ['title', 'rationale', 'o1'];
const CLIENTS = [P.facilitator, P.host, P.d1, P.d2] as const;
type ClientId = (typeof CLIENTS)[number];

function goalBase(): WorkshopState {
  let s = standardWorkshop('harvest');
  s = runAs(s, { type: 'goal:create', goalId: 'g', title: 'Start', themeId: null, noteIds: [N.d1] });
  s = runAs(s, { type: 'goal:item-add', goalId: 'g', list: 'objectives', itemId: 'o1', text: 'start' });
  return s;
}
const GOAL_BASE = goalBase();

function versionOf(state: WorkshopState, t: Target): number {
  const g = state.goals.g!;
  return t === 'o1' ? g.objectives.find((o) => o.id === 'o1')!.version : g.versions[t];
}
function valueOf(state: WorkshopState, t: Target): string {
  const g = state.goals.g!;
  return t === 'o1' ? g.objectives.find((o) => o.id === 'o1')!.text : g[t];
}

interface Intent {
  id: number;
  client: ClientId;
  target: Target;
  text: string;
}

interface Client {
  id: ClientId;
  /** Built from the initial snapshot and the envelopes delivered so far (its possibly stale copy). */
  state: WorkshopState;
  /** Index of the next server log entry to deliver to this client. */
  cursor: number;
  /** Edits not yet acknowledged, in the order the person made them (a rejected one goes back to the front). */
  todo: Intent[];
  /** Sent, not yet decided by the server: [intent, baseVersion]. */
  inbox: Array<{ intent: Intent; base: number }>;
}

type Op = { kind: 'send'; client: number } | { kind: 'process'; client: number } | { kind: 'deliver'; client: number; n: number };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('send' as const), client: fc.nat({ max: CLIENTS.length - 1 }) }),
  fc.record({ kind: fc.constant('process' as const), client: fc.nat({ max: CLIENTS.length - 1 }) }),
  fc.record({ kind: fc.constant('deliver' as const), client: fc.nat({ max: CLIENTS.length - 1 }), n: fc.integer({ min: 1, max: 4 }) }),
);

function editCommand(intent: Intent, base: number): Command {
  return intent.target === 'o1'
    ? cmd({ type: 'goal:item-set', goalId: 'g', list: 'objectives', itemId: 'o1', text: intent.text, baseVersion: base })
    : cmd({ type: 'goal:set', goalId: 'g', field: intent.target, value: intent.text, baseVersion: base });
}

/** The server plus clients, each holding a possibly stale copy; the server decides in some order. */
class Room {
  server: WorkshopState = GOAL_BASE;
  log: Envelope[] = [];
  clients: Client[];
  /** intent id -> the version its accepted edit produced. */
  acked = new Map<number, number>();
  rejections: string[] = [];
  /** Edits sent from a copy that was already behind the server. */
  staleSends = 0;
  constructor(intents: Intent[]) {
    this.clients = CLIENTS.map((id) => ({
      id,
      state: viewFor(GOAL_BASE, id),
      cursor: 0,
      todo: intents.filter((i) => i.client === id),
      inbox: [],
    }));
  }
  send(c: Client) {
    const intent = c.todo.shift();
    if (!intent) return;
    // the client bases its edit on the version it knows
    const base = versionOf(c.state, intent.target);
    if (base < versionOf(this.server, intent.target)) this.staleSends++;
    c.inbox.push({ intent, base });
  }
  process(c: Client) {
    const next = c.inbox.shift();
    if (!next) return;
    const r = step(this.server, editCommand(next.intent, next.base), as(c.id));
    if (r.d.ok) {
      expect(this.acked.has(next.intent.id)).toBe(false);
      this.server = r.state;
      this.log.push(...r.envs);
      this.acked.set(next.intent.id, versionOf(this.server, next.intent.target));
    } else {
      this.rejections.push(r.d.error.code);
      // the person sees the conflict and saves again (on whatever version they then know)
      c.todo.unshift(next.intent);
    }
  }
  deliver(c: Client, n = Infinity) {
    const upTo = Math.min(this.log.length, c.cursor + n);
    const batch = this.log.slice(c.cursor, upTo).filter((env) => visibleTo(env, this.server, c.id));
    c.state = applyEnvelopes(c.state, batch);
    c.cursor = upTo;
  }
  pending(): boolean {
    return this.clients.some((c) => c.todo.length > 0 || c.inbox.length > 0);
  }
}

describe('concurrent goal edits converge', () => {
  const scenario = fc.record({
    intents: fc.array(fc.record({ client: fc.nat({ max: CLIENTS.length - 1 }), target: fc.constantFrom(...TARGETS) }), {
      minLength: 2,
      maxLength: 14,
      size: 'max',
    }),
    ops: fc.array(opArb, { minLength: 10, maxLength: 60, size: 'max' }),
  });

  it('every client and the log agree with the server; every edit lands; acked edits are only overwritten by higher versions', () => {
    let conflicts = 0;
    let staleSends = 0;
    fc.assert(
      fc.property(scenario, ({ intents: raw, ops }) => {
        const intents: Intent[] = raw.map((r, id) => ({
          id,
          client: CLIENTS[r.client]!,
          target: r.target,
          text: `${CLIENTS[r.client]} edit ${id}`,
        }));
        const room = new Room(intents);
        for (const op of ops) {
          const c = room.clients[op.client]!;
          if (op.kind === 'send') room.send(c);
          else if (op.kind === 'process') room.process(c);
          else room.deliver(c, op.n);
        }
        // then everyone keeps going until all their edits are acknowledged
        for (let round = 0; room.pending(); round++) {
          expect(round).toBeLessThan(intents.length + 2);
          for (const c of room.clients) room.deliver(c);
          for (const c of room.clients) while (c.todo.length > 0) room.send(c);
          for (const c of room.clients) while (c.inbox.length > 0) room.process(c);
        }
        for (const c of room.clients) room.deliver(c);
        conflicts += room.rejections.length;
        staleSends += room.staleSends;

        // only stale-version conflicts are ever refused
        expect(new Set(room.rejections)).toEqual(new Set(room.rejections.length ? ['conflict'] : []));
        // every edit was acknowledged exactly once
        expect([...room.acked.keys()].sort((a, b) => a - b)).toEqual(intents.map((i) => i.id));

        // every client holds the server's state (its own view of it)
        for (const c of room.clients) expect(c.state, c.id).toEqual(viewFor(room.server, c.id));
        // the store: replaying the log from the base gives the same state, and so does a fresh client
        expect(applyEnvelopes(GOAL_BASE, room.log)).toEqual(room.server);
        expect(room.log.map((e) => e.seq)).toEqual(room.log.map((_, i) => GOAL_BASE.seq + i + 1));

        for (const t of TARGETS) {
          const mine = intents.filter((i) => i.target === t);
          const versions = mine.map((i) => room.acked.get(i.id)!).sort((a, b) => a - b);
          // each acknowledged edit got its own version: none was silently overwritten at the same version
          expect(versions).toEqual(mine.map((_, k) => k + 2));
          expect(versionOf(room.server, t)).toBe(mine.length + 1);
          // the final text is the acked edit with the highest version; every other acked edit is in the log
          const last = mine.find((i) => room.acked.get(i.id) === mine.length + 1);
          expect(valueOf(room.server, t)).toBe(last ? last.text : valueOf(GOAL_BASE, t));
          for (const i of mine) {
            const v = room.acked.get(i.id)!;
            const inLog = room.log.some(({ e }) =>
              t === 'o1'
                ? e.type === 'goal:item-set' && e.item.id === 'o1' && e.item.text === i.text && e.item.version === v
                : e.type === 'goal:set' && e.field === t && e.value === i.text && e.version === v,
            );
            expect(inLog, `${i.text} (v${v}) in the log`).toBe(true);
          }
        }
      }),
      { seed: 1984, numRuns: 250 },
    );
    // the schedules did produce stale copies and refused stale edits
    expect(conflicts).toBeGreaterThan(100);
    expect(staleSends).toBeGreaterThan(100);
  });
});

// ---------------------------------------------------------------------------------------------
// Merge provenance and cluster membership

const NOTES = [N.host, N.d1, N.d2, 'n-x1', 'n-x2', 'n-x3', 'n-x4'] as const;
const ITEM_IDS = ['i1', 'i2', 'i3', 'i4'] as const;

function notesBase(): WorkshopState {
  let s = standardWorkshop('harvest');
  for (const [k, id] of ['n-x1', 'n-x2', 'n-x3', 'n-x4'].entries())
    s = runAs(s, { type: 'note:create', noteId: id, tableId: k % 2 ? 't1' : 't2', text: `extra ${k}`, color: 'green', x: 0, y: 0 });
  return s;
}
const NOTES_BASE = notesBase();

const subset = <T>(xs: readonly T[]) => fc.subarray([...xs]);

describe('merge provenance', () => {
  const goalSpec = fc.record({
    clusters: subset(['k1', 'k2', 'k3']),
    notes: subset(NOTES),
    items: fc.record({
      objectives: subset(ITEM_IDS),
      actions: subset(ITEM_IDS),
      indicators: subset(ITEM_IDS),
    }),
  });
  const scenario = fc.record({
    // which cluster each note starts in (or none)
    grouping: fc.array(fc.constantFrom<string | null>('k1', 'k2', 'k3', null), { minLength: NOTES.length, maxLength: NOTES.length }),
    a: goalSpec,
    b: goalSpec,
    // regrouping after the goals were drafted must not change their provenance
    later: fc.array(fc.record({ note: fc.constantFrom(...NOTES), to: fc.constantFrom('k1', 'k2', 'k3') }), { maxLength: 5 }),
  });

  it('sources.noteIds and clusterIds of the merged goal are the union; lists are the union by id (merged-into wins)', () => {
    fc.assert(
      fc.property(scenario, ({ grouping, a, b, later }) => {
        let s = NOTES_BASE;
        for (const k of ['k1', 'k2', 'k3'])
          s = runAs(s, { type: 'cluster:create', clusterId: k, name: k, noteIds: NOTES.filter((_, i) => grouping[i] === k) });
        for (const [gid, spec] of [
          ['ga', a],
          ['gb', b],
        ] as const) {
          s = runAs(s, { type: 'goal:create', goalId: gid, title: gid, themeId: null, clusterIds: spec.clusters, noteIds: spec.notes });
          const g = s.goals[gid]!;
          const fromClusters = spec.clusters.flatMap((k) => s.harvest.clusters[k]!.noteIds);
          expect(new Set(g.sources.noteIds)).toEqual(new Set([...fromClusters, ...spec.notes]));
          expect(g.sources.clusterIds).toEqual(spec.clusters);
          for (const list of GOAL_LISTS)
            for (const id of spec.items[list])
              s = runAs(s, { type: 'goal:item-add', goalId: gid, list, itemId: id, text: `${gid} ${list} ${id}` });
        }
        for (const m of later) {
          const r = step(s, cmd({ type: 'cluster:add-notes', clusterId: m.to, noteIds: [m.note] }), fac);
          s = r.state;
        }
        const A = s.goals.ga!;
        const B = s.goals.gb!;
        const merged = runAs(s, { type: 'goal:merge', goalId: 'ga', otherId: 'gb' });
        const g = merged.goals.ga!;
        const union = (x: readonly string[], y: readonly string[]) => [...new Set([...x, ...y])];
        expect(g.sources.noteIds).toEqual(union(A.sources.noteIds, B.sources.noteIds));
        expect(g.sources.clusterIds).toEqual(union(A.sources.clusterIds, B.sources.clusterIds));
        expect(new Set(g.sources.noteIds).size).toBe(g.sources.noteIds.length);
        for (const list of GOAL_LISTS) {
          const mine = g[list] as GoalItem[];
          expect(mine.map((i) => i.id)).toEqual(
            union(
              (A[list] as GoalItem[]).map((i) => i.id),
              (B[list] as GoalItem[]).map((i) => i.id),
            ),
          );
          for (const item of mine) {
            const fromA = (A[list] as GoalItem[]).find((i) => i.id === item.id);
            expect(item).toEqual(fromA ?? (B[list] as GoalItem[]).find((i) => i.id === item.id));
          }
        }
        expect(merged.goals.gb).toBeUndefined();
        expect(merged.goalOrder).toEqual(['ga']);
        expect(g.title).toBe('ga');
      }),
      { seed: 31337, numRuns: 200 },
    );
  });
});

describe('cluster membership', () => {
  type ClusterOp =
    | { kind: 'create'; cluster: string; notes: string[] }
    | { kind: 'add'; cluster: string; notes: string[] }
    | { kind: 'remove'; cluster: string; note: string }
    | { kind: 'delete'; cluster: string }
    | { kind: 'delete-note'; note: string };
  const cluster = fc.constantFrom('k1', 'k2', 'k3', 'k4');
  const note = fc.constantFrom(...NOTES);
  const opArbC: fc.Arbitrary<ClusterOp> = fc.oneof(
    fc.record({ kind: fc.constant('create' as const), cluster, notes: subset(NOTES) }),
    fc.record({ kind: fc.constant('add' as const), cluster, notes: fc.array(note, { minLength: 1, maxLength: 4 }) }),
    fc.record({ kind: fc.constant('remove' as const), cluster, note }),
    fc.record({ kind: fc.constant('delete' as const), cluster }),
    fc.record({ kind: fc.constant('delete-note' as const), note }),
  );
  const toBody = (op: ClusterOp): CommandBody => {
    switch (op.kind) {
      case 'create':
        return { type: 'cluster:create', clusterId: op.cluster, name: op.cluster, noteIds: op.notes };
      case 'add':
        return { type: 'cluster:add-notes', clusterId: op.cluster, noteIds: op.notes };
      case 'remove':
        return { type: 'cluster:remove-note', clusterId: op.cluster, noteId: op.note };
      case 'delete':
        return { type: 'cluster:delete', clusterId: op.cluster };
      case 'delete-note':
        return { type: 'note:delete', noteId: op.note };
    }
  };

  it('a note is in at most one cluster, clusters list existing notes once, and the log replays to the same state', () => {
    fc.assert(
      fc.property(fc.array(opArbC, { maxLength: 40 }), fc.constantFrom(fac, as(P.host)), (ops, grouper) => {
        let s = NOTES_BASE;
        const log: Envelope[] = [];
        for (const op of ops) {
          // only a facilitator deletes notes in the harvest; the rest is done by the grouper
          const r = step(s, cmd(toBody(op)), op.kind === 'delete-note' ? fac : grouper);
          if (r.d.ok) {
            const e: DomainEvent = r.d.events[0]!;
            if (op.kind === 'add') expect(e.type).toBe('cluster:notes-added');
          } else expect(['not_found', 'conflict']).toContain(r.d.error.code);
          s = r.state;
          log.push(...r.envs);
          const owner = new Map<string, string>();
          for (const id of s.harvest.clusterOrder) {
            const c = s.harvest.clusters[id]!;
            expect(new Set(c.noteIds).size, `${id} lists a note twice`).toBe(c.noteIds.length);
            for (const n of c.noteIds) {
              expect(s.notes[n], `${id} lists deleted note ${n}`).toBeDefined();
              expect(owner.get(n), `${n} in two clusters`).toBeUndefined();
              owner.set(n, id);
            }
          }
          expect(new Set(s.harvest.clusterOrder)).toEqual(new Set(Object.keys(s.harvest.clusters)));
          if (r.d.ok && (op.kind === 'create' || op.kind === 'add')) for (const n of op.notes) expect(owner.get(n)).toBe(op.cluster);
        }
        expect(applyEnvelopes(NOTES_BASE, log)).toEqual(s);
      }),
      { seed: 8080, numRuns: 250 },
    );
  });
});
