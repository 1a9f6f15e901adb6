// The stale-edit promise of PROTOCOL.md ("Stale edits"): when two people save the same goal field
// (or list item) from the same version at the same instant, the loser's `conflict` ack carries the
// winning value and version, so resending on top of it is never a second, spurious conflict, even
// though the ack usually reaches the loser before the winner's event does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Ack } from '@world-cafe/shared';
import { type RunningServer, startServer } from '../helpers/server';
import { type Bot, connect, createWorkshop, join } from '../helpers/bots';

let srv: RunningServer;
let fac: Bot;
let del: Bot;
const TRIALS = 100;

beforeAll(async () => {
  // 2 commands per trial per person, back to back: the per-person limit would otherwise pace the test
  srv = await startServer({ env: { RATE_LIMIT_PER_SEC: '1000', RATE_LIMIT_BURST: '2000' } });
  const ws = await createWorkshop(srv.url);
  fac = await connect(srv.url, { token: ws.facilitatorKey, participantId: ws.participantId });
  del = await connect(srv.url, await join(srv.url, ws.joinCode, 'Somchai', 'th'));
  for (const phase of ['cafe', 'harvest'] as const)
    expect(await fac.send({ type: 'workshop:set-phase', phase })).toMatchObject({ ok: true });
  expect(
    await fac.send({ type: 'goal:create', goalId: 'g1', title: 'Leadership', themeId: null, clusterIds: [], noteIds: [] }),
  ).toMatchObject({ ok: true });
  expect(await fac.send({ type: 'goal:item-add', goalId: 'g1', list: 'objectives', itemId: 'o1', text: 'Train' })).toMatchObject({
    ok: true,
  });
  await del.until((b) => b.state.goals.g1?.objectives.length === 1);
}, 60_000);

afterAll(async () => {
  fac?.close();
  del?.close();
  await srv?.stop();
});

interface Trial {
  lost: Ack & { ok: false };
  loser: Bot;
  winnerValue: string;
  version: number;
  /** Whether the loser's state already held the winner's version when its ack arrived. */
  stateAhead: boolean;
}

/** Both save from the same version at once; returns the loser's ack and what won. */
async function race(i: number, versionOf: (b: Bot) => number, save: (b: Bot, value: string, base: number) => Promise<Ack>): Promise<Trial> {
  // both start from the same version: the latest either of them has seen
  const target = Math.max(versionOf(fac), versionOf(del));
  await Promise.all([fac, del].map((b) => b.until((x) => versionOf(x) === target, 10_000))).catch((err) => {
    throw new Error(
      `trial ${i}: versions ${versionOf(fac)} (facilitator) and ${versionOf(del)} (delegate) never reached ${target}: ${err}`,
    );
  });
  const base = versionOf(fac);
  const values = [`fac ${i}`, `del ${i}`];
  const seenAtAck: boolean[] = [false, false];
  const acks = await Promise.all(
    [fac, del].map((b, k) =>
      save(b, values[k]!, base).then((ack) => {
        seenAtAck[k] = versionOf(b) > base;
        return ack;
      }),
    ),
  );
  const winners = acks.filter((a) => a.ok).length;
  expect(winners, `trial ${i}: exactly one save wins`).toBe(1);
  const k = acks[0]!.ok ? 1 : 0;
  const lost = acks[k]! as Ack & { ok: false };
  return { lost, loser: [fac, del][k]!, winnerValue: values[1 - k]!, version: base + 1, stateAhead: seenAtAck[k]! };
}

describe(`${TRIALS} simultaneous edits across two sockets`, () => {
  it('goal:set: every conflict ack carries the winning value and version; resending on it is accepted', async () => {
    let held = 0;
    let ackBeforeEvent = 0;
    const versionOf = (b: Bot) => b.state.goals.g1?.versions.rationale ?? 0;
    for (let i = 0; i < TRIALS; i++) {
      const t = await race(i, versionOf, (b, value, base) =>
        b.send({ type: 'goal:set', goalId: 'g1', field: 'rationale', value, baseVersion: base }),
      );
      expect(t.lost.error.code).toBe('conflict');
      expect(t.lost.error.current).toEqual({ version: t.version, value: t.winnerValue });
      if (!t.stateAhead) ackBeforeEvent++;
      // the loser reconciles from the ack alone and saves on top of the winner
      const again = await t.loser.send({
        type: 'goal:set',
        goalId: 'g1',
        field: 'rationale',
        value: `merged ${i}`,
        baseVersion: t.lost.error.current!.version,
      });
      expect(again, `trial ${i}: resend on the ack's version`).toMatchObject({ ok: true });
      held++;
    }
    console.log(`goal:set: ${held}/${TRIALS} held; the conflict ack arrived before the winner's event in ${ackBeforeEvent}/${TRIALS}`);
    expect(held).toBe(TRIALS);
  }, 120_000);

  it('goal:item-set: the conflict ack carries the winning item and version; resending on it is accepted', async () => {
    let held = 0;
    const versionOf = (b: Bot) => b.state.goals.g1?.objectives.find((o) => o.id === 'o1')?.version ?? 0;
    for (let i = 0; i < TRIALS; i++) {
      const t = await race(i, versionOf, (b, text, base) =>
        b.send({ type: 'goal:item-set', goalId: 'g1', list: 'objectives', itemId: 'o1', text, baseVersion: base }),
      );
      expect(t.lost.error.code).toBe('conflict');
      expect(t.lost.error.current).toMatchObject({
        version: t.version,
        value: t.winnerValue,
        item: { id: 'o1', text: t.winnerValue, version: t.version },
      });
      const again = await t.loser.send({
        type: 'goal:item-set',
        goalId: 'g1',
        list: 'objectives',
        itemId: 'o1',
        text: `merged ${i}`,
        baseVersion: t.lost.error.current!.version,
      });
      expect(again, `trial ${i}: resend on the ack's version`).toMatchObject({ ok: true });
      held++;
    }
    console.log(`goal:item-set: ${held}/${TRIALS} held`);
    expect(held).toBe(TRIALS);
  }, 120_000);
});
