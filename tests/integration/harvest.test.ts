// A harvest run end to end against the real server and real socket.io clients: notes written at
// two tables in the café, the facilitator opens the harvest (every board opens to everyone),
// clusters (hosts only, then everyone), a private dot vote with budgets (two sockets of one
// person racing), a goal drafted from the winning cluster, two people editing the same field at
// once (one wins, the other gets `conflict` and re-submits), presence, and a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack, Envelope, Presence, WorkshopState } from '@world-cafe/shared';
import { type RunningServer, startServer, tempDataDir } from '../helpers/server';
import { Bot, type CreatedWorkshop, type Joined, connect, createWorkshop, join } from '../helpers/bots';

const env = { RATE_LIMIT_PER_SEC: '1000', RATE_LIMIT_BURST: '1000' };
const dataDir = tempDataDir('wc-harvest-');
const servers: RunningServer[] = [];
let srv: RunningServer;
let ws: CreatedWorkshop;
let fac: Bot;
/** hana hosts t1 (Thailand); ann sits at t1 (Thailand); ben and chai sit at t2 (Philippines). */
let hana: Bot, ann: Bot, ben: Bot, chai: Bot;
/** A second socket of ann (same token): a phone next to the laptop. */
let annPhone: Bot;
const joined: Record<string, Joined> = {};
const bots = () => [fac, hana, ann, ben, chai];

const ok = (ack: Ack) => expect(ack).toMatchObject({ ok: true });
const refused = (ack: Ack, code: string) => expect(ack).toMatchObject({ ok: false, error: { code } });

/** A workshop-wide event everyone receives: once a bot has it, it has everything before it meant for it. */
async function syncPoint(label: string, who: Bot[] = bots()) {
  ok(await fac.send({ type: 'workshop:update', purpose: `sync ${label}` }));
  await Promise.all(who.map((b) => b.until((x) => x.state.purpose === `sync ${label}`)));
}

/** What every participant must agree on (ballots differ by design: each holds only its own). */
function shared(s: WorkshopState) {
  const votes = Object.fromEntries(Object.entries(s.harvest.votes).map(([id, v]) => [id, { ...v, ballots: null }]));
  return {
    phase: s.phase,
    notes: s.notes,
    clusters: s.harvest.clusters,
    clusterOrder: s.harvest.clusterOrder,
    grouping: s.harvest.grouping,
    spotlight: s.harvest.spotlight,
    votes,
    voteOrder: s.harvest.voteOrder,
    goals: s.goals,
    goalOrder: s.goalOrder,
  };
}

const NOTES = {
  'n-a1': ['ann', 't1', 'Open data portals for citizens'],
  'n-h1': ['hana', 't1', 'Train civil servants in digital skills'],
  'n-a2': ['ann', 't1', 'One-stop service counters'],
  'n-b1': ['ben', 't2', 'Open government data standards'],
  'n-c1': ['chai', 't2', 'A regional digital skills academy'],
  'n-b2': ['ben', 't2', 'Mobile public services for rural areas'],
} as const;
const T1_NOTES = Object.keys(NOTES).filter((id) => NOTES[id as keyof typeof NOTES][1] === 't1');
const T2_NOTES = Object.keys(NOTES).filter((id) => NOTES[id as keyof typeof NOTES][1] === 't2');

const connectAll = async (): Promise<[Bot, Bot, Bot, Bot]> => [
  await connect(srv.url, joined.hana!),
  await connect(srv.url, joined.ann!),
  await connect(srv.url, joined.ben!),
  await connect(srv.url, joined.chai!),
];

beforeAll(async () => {
  srv = await startServer({ dataDir, env });
  servers.push(srv);
  ws = await createWorkshop(srv.url);
  fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
  for (const [name, delegation] of [
    ['hana', 'th'],
    ['ann', 'th'],
    ['ben', 'ph'],
    ['chai', 'ph'],
  ] as const) {
    joined[name] = await join(srv.url, ws.joinCode, name, delegation);
  }
  [hana, ann, ben, chai] = await connectAll();
  for (const [bot, table] of [
    [hana, 't1'],
    [ann, 't1'],
    [ben, 't2'],
    [chai, 't2'],
  ] as const) {
    ok(await bot.send({ type: 'seat:assign', participantId: bot.participantId, tableId: table }));
    await bot.until((b) => b.state.seats[b.participantId] === table);
  }
  ok(await fac.send({ type: 'participant:set-role', participantId: hana.participantId, role: 'host' }));
  await hana.until((b) => b.state.participants[b.participantId]?.role === 'host');
  ok(await fac.send({ type: 'workshop:set-phase', phase: 'cafe' }));
  await Promise.all(bots().map((b) => b.until((x) => x.state.phase === 'cafe')));
});

afterAll(async () => {
  for (const b of [...bots(), annPhone]) b?.close();
  for (const s of servers) await s.stop();
});

describe('a harvest with a facilitator and four participants', () => {
  it('during the café each table sees only its own notes', async () => {
    const by: Record<string, Bot> = { ann, hana, ben, chai };
    for (const [id, [who, tableId, text]] of Object.entries(NOTES))
      ok(await by[who]!.send({ type: 'note:create', noteId: id, tableId, text, color: 'yellow', x: 10, y: 10 }));
    await syncPoint('cafe');
    for (const b of [hana, ann]) expect(Object.keys(b.state.notes).sort()).toEqual([...T1_NOTES].sort());
    for (const b of [ben, chai]) expect(Object.keys(b.state.notes).sort()).toEqual([...T2_NOTES].sort());
    expect(Object.keys(fac.state.notes)).toHaveLength(6);
  });

  it('moving to the harvest opens every board: a delegate gets the other table’s notes in a snapshot', async () => {
    const annSyncs = ann.syncs.length;
    ok(await fac.send({ type: 'workshop:set-phase', phase: 'harvest' }));
    await Promise.all(bots().map((b) => b.until((x) => x.state.phase === 'harvest' && Object.keys(x.state.notes).length === 6)));
    expect(ann.syncs.slice(annSyncs)).toContain('snapshot');
    for (const id of T2_NOTES) expect(ann.state.notes[id]?.text).toBe(NOTES[id as keyof typeof NOTES][2]);
    for (const id of T1_NOTES) expect(ben.state.notes[id]?.text).toBe(NOTES[id as keyof typeof NOTES][2]);
    // the boards are read-only now for delegates
    refused(await ann.send({ type: 'note:create', noteId: 'n-late', tableId: 't1', text: 'late', color: 'pink', x: 0, y: 0 }), 'forbidden');
  });

  it('clusters: a host groups; a delegate is refused under the default setting, allowed once everyone may', async () => {
    ok(await hana.send({ type: 'cluster:create', clusterId: 'c-open', name: 'Open data', noteIds: ['n-a1', 'n-b1'] }));
    refused(await ann.send({ type: 'cluster:create', clusterId: 'c-ann', name: 'Mine', noteIds: ['n-a2'] }), 'forbidden');
    refused(await ann.send({ type: 'cluster:add-notes', clusterId: 'c-open', noteIds: ['n-a2'] }), 'forbidden');

    ok(await fac.send({ type: 'harvest:configure', grouping: 'everyone' }));
    await ann.until((b) => b.state.harvest.grouping === 'everyone');
    ok(await ann.send({ type: 'cluster:create', clusterId: 'c-skills', name: 'Digital skills', noteIds: ['n-h1', 'n-c1'] }));
    ok(await ben.send({ type: 'cluster:create', clusterId: 'c-services', name: 'Services', noteIds: ['n-a2', 'n-b2', 'n-b1'] }));
    // n-b1 moved out of c-open: a note is in at most one cluster
    ok(await chai.send({ type: 'cluster:add-notes', clusterId: 'c-open', noteIds: ['n-b1'] }));
    await Promise.all(bots().map((b) => b.until((x) => x.state.harvest.clusters['c-open']?.noteIds.length === 2)));
    for (const b of bots()) {
      expect(b.state.harvest.clusterOrder).toEqual(['c-open', 'c-skills', 'c-services']);
      expect(b.state.harvest.clusters['c-open']!.noteIds).toEqual(['n-a1', 'n-b1']);
      expect(b.state.harvest.clusters['c-services']!.noteIds).toEqual(['n-a2', 'n-b2']);
    }
  });

  it('dot vote: two sockets of the same person cannot together exceed the budget', async () => {
    ok(await fac.send({ type: 'vote:open', voteId: 'v1', kind: 'cluster', budget: 3, per: 'participant', maxPerItem: 3 }));
    await Promise.all(bots().map((b) => b.until((x) => x.state.harvest.votes.v1?.status === 'open')));
    annPhone = await connect(srv.url, joined.ann!);
    expect(annPhone.participantId).toBe(ann.participantId);

    // six dots fired at once from two sockets of ann: three on each device
    const acks = await Promise.all([
      ...Array.from({ length: 3 }, () => ann.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-open', delta: 1 })),
      ...Array.from({ length: 3 }, () => annPhone.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-skills', delta: 1 })),
    ]);
    expect(acks.filter((a) => a.ok)).toHaveLength(3);
    const losers = acks.filter((a): a is Extract<Ack, { ok: false }> => !a.ok);
    expect(losers).toHaveLength(3);
    for (const l of losers) expect(l.error.code).toBe('conflict');
    refused(await annPhone.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-services', delta: 1 }), 'conflict');

    const key = `p:${ann.participantId}`;
    const spent = (s: WorkshopState) => Object.values(s.harvest.votes.v1?.ballots[key] ?? {}).reduce((a, b) => a + b, 0);
    await fac.until((b) => spent(b.state) === 3);
    // both of ann's sockets show her whole ballot
    await ann.until((b) => spent(b.state) === 3);
    await annPhone.until((b) => spent(b.state) === 3);
    expect(annPhone.state.harvest.votes.v1!.ballots[key]).toEqual(ann.state.harvest.votes.v1!.ballots[key]);

    for (let i = 0; i < 3; i++) ok(await ben.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-open', delta: 1 }));
    refused(await ben.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-open', delta: 1 }), 'conflict');
    ok(await chai.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-open', delta: 1 }));
    ok(await chai.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-open', delta: 1 }));
    ok(await chai.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-services', delta: 1 }));
    ok(await hana.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-skills', delta: 1 }));
    // the facilitator does not vote
    refused(await fac.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-skills', delta: 1 }), 'forbidden');
    await fac.until((b) => Object.keys(b.state.harvest.votes.v1!.ballots).length === 4);
    for (const ballot of Object.values(fac.state.harvest.votes.v1!.ballots))
      expect(Object.values(ballot).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(3);
  });

  it('ballots are private before the reveal: another delegate receives none of ann’s ballot events', async () => {
    await syncPoint('ballots', [...bots(), annPhone]);
    const foreignBallots = (b: Bot, own: string) =>
      b.received.filter((env: Envelope) => env.e.type === 'vote:cast' && env.e.voter !== own).map((env) => env.scope);
    for (const b of [hana, ben, chai]) {
      const own = `p:${b.participantId}`;
      expect(foreignBallots(b, own), `${b.participantId} received others’ ballot events`).toEqual([]);
      expect(Object.keys(b.state.harvest.votes.v1!.ballots), `${b.participantId} holds others’ ballots`).toEqual([own]);
    }
    expect(Object.keys(ann.state.harvest.votes.v1!.ballots)).toEqual([`p:${ann.participantId}`]);
    for (const b of bots()) expect(b.state.harvest.votes.v1!.results).toBeNull();
  });

  it('after the reveal everyone sees the same totals', async () => {
    ok(await fac.send({ type: 'vote:reveal', voteId: 'v1' }));
    await Promise.all(bots().map((b) => b.until((x) => x.state.harvest.votes.v1?.results !== null)));
    const ballots = Object.values(fac.state.harvest.votes.v1!.ballots);
    const expected = Object.fromEntries(['c-open', 'c-skills', 'c-services'].map((c) => [c, ballots.reduce((a, b) => a + (b[c] ?? 0), 0)]));
    expect(Object.values(expected).reduce((a, b) => a + b, 0)).toBe(3 + 3 + 3 + 1);
    for (const b of bots()) expect(b.state.harvest.votes.v1!.results!.totals).toEqual(expected);
    const byDelegation = fac.state.harvest.votes.v1!.results!.byDelegation;
    expect((byDelegation['c-open']?.ph ?? 0) + (byDelegation['c-open']?.th ?? 0)).toBe(expected['c-open']);
    expect(byDelegation['c-open']?.ph).toBe(5);
    ok(await fac.send({ type: 'vote:close', voteId: 'v1' }));
    refused(await ben.send({ type: 'vote:cast', voteId: 'v1', itemId: 'c-open', delta: -1 }), 'wrong_phase');
  });

  it('a goal drafted from the winning cluster carries its notes as sources', async () => {
    const totals = fac.state.harvest.votes.v1!.results!.totals;
    const winner = Object.entries(totals).sort((a, b) => b[1] - a[1])[0]![0];
    expect(winner).toBe('c-open'); // ≥ 5 dots whatever ann's split
    ok(await hana.send({ type: 'goal:create', goalId: 'g1', title: 'Open data by default', themeId: null, clusterIds: [winner] }));
    await Promise.all(bots().map((b) => b.until((x) => x.state.goals.g1 !== undefined)));
    const clusterNotes = fac.state.harvest.clusters[winner]!.noteIds;
    for (const b of bots()) {
      const g = b.state.goals.g1!;
      expect(g.sources).toEqual({ noteIds: clusterNotes, clusterIds: [winner] });
      for (const id of clusterNotes) expect(g.rationale).toContain(NOTES[id as keyof typeof NOTES][2]);
      expect(g.versions).toEqual({ title: 1, rationale: 1, themeId: 1 });
    }
  });

  it('presence: a bot says what it edits, another receives {participantId, editing}', async () => {
    const got: Array<{ participantId: string; editing: Presence }> = [];
    const listener = (m: { participantId: string; editing: Presence }) => got.push(m);
    ben.socket.on('presence', listener);
    try {
      const has = (editing: Presence) => () =>
        got.some((m) => m.participantId === ann.participantId && JSON.stringify(m.editing) === JSON.stringify(editing));
      const wait = async (pred: () => boolean) => {
        for (let i = 0; i < 100 && !pred(); i++) await new Promise((r) => setTimeout(r, 20));
        expect(pred()).toBe(true);
      };
      ann.socket.emit('presence', { goalId: 'g1', field: 'title' });
      await wait(has({ goalId: 'g1', field: 'title' }));
      ann.socket.emit('presence', null);
      await wait(has(null));
      // invalid presence is ignored
      got.length = 0;
      (ann.socket as unknown as { emit: (ev: string, p: unknown) => void }).emit('presence', { goalId: 'bad id!', field: 'title' });
      annPhone.socket.emit('presence', { goalId: 'g1', field: 'rationale' });
      await wait(has({ goalId: 'g1', field: 'rationale' }));
      expect(got.some((m) => JSON.stringify(m.editing).includes('bad id'))).toBe(false);
      // a socket that goes away while editing clears its presence
      annPhone.close();
      await wait(has(null));
    } finally {
      ben.socket.off('presence', listener);
    }
  });

  it('two people save the same field on the same version: one wins, the other gets conflict and re-submits', async () => {
    const base = ann.state.goals.g1!.versions.title;
    expect(base).toBe(1);
    expect(ben.state.goals.g1!.versions.title).toBe(base);
    const annText = 'Open data by default, for every agency';
    const benText = 'Open government data by default';
    const [a, b] = await Promise.all([
      ann.send({ type: 'goal:set', goalId: 'g1', field: 'title', value: annText, baseVersion: base }),
      ben.send({ type: 'goal:set', goalId: 'g1', field: 'title', value: benText, baseVersion: base }),
    ]);
    expect([a.ok, b.ok].filter(Boolean)).toHaveLength(1);
    const [winner, winnerText, loser, loserText, loserAck] = a.ok ? [ann, annText, ben, benText, b] : [ben, benText, ann, annText, a];
    refused(loserAck, 'conflict');

    // the loser sees the winner's text arrive (version 2) and saves again on it
    await loser.until((x) => x.state.goals.g1!.versions.title === base + 1);
    expect(loser.state.goals.g1!.title).toBe(winnerText);
    ok(await loser.send({ type: 'goal:set', goalId: 'g1', field: 'title', value: loserText, baseVersion: base + 1 }));
    // re-sending the winner's now-stale edit is refused
    refused(await winner.send({ type: 'goal:set', goalId: 'g1', field: 'title', value: winnerText, baseVersion: base }), 'conflict');

    // meanwhile different fields and items do not conflict
    const [r1, r2, r3] = await Promise.all([
      chai.send({ type: 'goal:set', goalId: 'g1', field: 'rationale', value: 'Data is a public good', baseVersion: 1 }),
      hana.send({ type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Publish key datasets' }),
      fac.send({ type: 'goal:set-status', goalId: 'g1', status: 'proposed' }),
    ]);
    [r1, r2, r3].forEach(ok);

    const last = Math.max(...[r1, r2, r3].map((r) => (r.ok ? r.seq : 0)));
    await Promise.all(bots().map((x) => x.until((y) => y.state.seq >= last && y.state.goals.g1?.versions.title === base + 2)));
    for (const x of bots()) {
      const g = x.state.goals.g1!;
      expect(g.title).toBe(loserText);
      expect(g.rationale).toBe('Data is a public good');
      expect(g.status).toBe('proposed');
    }
    // both texts' fates are explicit in the history everyone received
    for (const x of bots()) {
      const titles = x.received.flatMap((env) =>
        env.e.type === 'goal:set' && env.e.field === 'title' ? [[env.e.value, env.e.version]] : [],
      );
      expect(titles).toEqual([
        [winnerText, base + 1],
        [loserText, base + 2],
      ]);
    }
  });

  it('every client ends with the same state; after a restart on the same data nothing is lost', async () => {
    await syncPoint('final');
    const head = fac.state.seq;
    const expected = shared(fac.state);
    for (const b of bots()) {
      expect(b.state.seq, b.participantId).toBe(head);
      expect(shared(b.state), b.participantId).toEqual(expected);
    }
    const before = Object.fromEntries(bots().map((b) => [b.participantId, b.state]));

    for (const b of bots()) b.close();
    await srv.stop();
    srv = await startServer({ dataDir, env });
    servers.push(srv);

    fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
    [hana, ann, ben, chai] = await connectAll();
    // the facilitator's live-built state equals the state the restarted server rebuilt from its log
    expect(fac.state).toEqual(before[fac.participantId]);
    for (const b of bots()) {
      expect(b.state.seq).toBe(head);
      expect(shared(b.state), b.participantId).toEqual(expected);
      // each participant's snapshot still holds only their own ballot
      const keys = Object.keys(b.state.harvest.votes.v1!.ballots);
      if (b !== fac) expect(keys).toEqual([`p:${b.participantId}`].filter((k) => k in fac.state.harvest.votes.v1!.ballots));
    }
    expect(Object.keys(fac.state.notes).sort()).toEqual(Object.keys(NOTES).sort());
    expect(fac.state.harvest.clusterOrder).toEqual(['c-open', 'c-skills', 'c-services']);
    expect(fac.state.goals.g1!.versions.title).toBe(3);

    // and editing carries on from where it was
    ok(await ann.send({ type: 'goal:set', goalId: 'g1', field: 'title', value: 'After the restart', baseVersion: 3 }));
    await Promise.all(bots().map((b) => b.until((x) => x.state.goals.g1?.title === 'After the restart')));
  });
});
