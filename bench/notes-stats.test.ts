import { describe, expect, it } from 'vitest';
import type { Ack } from '@world-cafe/shared';
import { analyse, slowNotes, summarize, untilAccepted, type Layout } from './notes-stats';
import { ACK, type WorkerLog } from './notes-wire';

// 4 delegates at 2 tables (0 and 2 at table 0, 1 and 3 at table 1) and one facilitator (bot 4):
// note k is written by delegate k % 4 and owed to its tablemate and the facilitator.
const layout: Layout = { delegates: 4, facilitators: 1, tableOf: (d) => d % 2, recipients: () => 2 };
const tablemate = (k: number) => (k % 4) ^ 2;
const FAC = 4;

type Sent = [k: number, code: number];
type Receipt = [k: number, receiver: number];

function log(sent: Sent[], receipts: Receipt[]): WorkerLog {
  return {
    // sent at 100 k ms, acked 5 ms later; received 10 ms after sending (20 ms at the facilitator)
    sent: Float64Array.from(sent.flatMap(([k, code]) => [k, 100 * k, code === ACK.none ? NaN : 100 * k + 5, code])),
    receipts: Float64Array.from(receipts.flatMap(([k, r]) => [k, r, 100 * k + (r === FAC ? 20 : 10)])),
    lags: new Float64Array(),
    frames: receipts.length,
    otherCodes: {},
    elu: 0,
    cpuMs: 0,
    windowMs: 1,
  };
}

const allOk: Sent[] = [0, 1, 2, 3].map((k) => [k, ACK.ok]);
const allReceipts: Receipt[] = [0, 1, 2, 3].flatMap((k): Receipt[] => [
  [k, tablemate(k)],
  [k, FAC],
]);

describe('analyse: delivery accounting', () => {
  it.each<[string, Sent[], Receipt[], Record<string, number>]>([
    ['everything delivered once', allOk, allReceipts, { owed: 8, delivered: 8, missing: 0, duplicates: 0, echoes: 0 }],
    ["the author's own echo is counted apart", allOk, [...allReceipts, [0, 0]], { delivered: 8, echoes: 1, duplicates: 0 }],
    ['a second copy is a duplicate', allOk, [...allReceipts, [0, 2]], { delivered: 8, duplicates: 1 }],
    ['a note at another table is a stray', allOk, [...allReceipts, [0, 1]], { delivered: 8, strays: 1 }],
    ['a missing receipt', allOk, allReceipts.filter(([k, r]) => !(k === 3 && r === FAC)), { owed: 8, delivered: 7, missing: 1 }],
    [
      'a refused note is not owed, and showing it is a phantom',
      [
        [0, ACK.ok],
        [1, ACK.overloaded],
        [2, ACK.ok],
        [3, ACK.ok],
      ],
      allReceipts,
      { accepted: 3, refused: 1, owed: 6, delivered: 6, missing: 0, phantoms: 2 },
    ],
    [
      'rejected and never acked notes',
      [
        [0, ACK.ok],
        [1, ACK.other],
        [2, ACK.none],
        [3, ACK.ok],
      ],
      allReceipts.filter(([k]) => k === 0 || k === 3),
      { accepted: 2, rejected: 1, neverAcked: 1, owed: 4, delivered: 4, phantoms: 0 },
    ],
  ])('%s', (_, sent, receipts, expected) => {
    // split across two workers, as the generator does
    const d = analyse([log(sent.slice(0, 2), receipts.slice(0, 3)), log(sent.slice(2), receipts.slice(3))], layout, 4, 0);
    expect(d).toMatchObject(expected);
  });

  it('separates tablemates from facilitators and measures only notes due after the warm-up', () => {
    const d = analyse([log(allOk, allReceipts)], layout, 4, 2);
    expect(d.sent).toBe(4);
    expect(d.sentMeasured).toBe(2);
    expect(d.tablemates).toMatchObject({ n: 2, p99: 10, max: 10 });
    expect(d.facilitators).toMatchObject({ n: 2, p99: 20, max: 20 });
    expect(d.all.n).toBe(4);
    expect(d.ack).toMatchObject({ n: 2, p50: 5 });
    expect(d.framesPerNote).toBe(2);
  });
});

describe('analyse: several nodes', () => {
  // bots on node (index % 2): delegates 0 and 2 and the facilitator on node 0, delegates 1 and 3 on node 1
  const twoNodes: Layout = { ...layout, nodes: { count: 2, of: (bot) => bot % 2 } };

  it("splits recipients on the author's node from those on another node", () => {
    const d = analyse([log(allOk, allReceipts)], twoNodes, 4, 0);
    // tablemates always share a node here; the facilitator (node 0) is cross-node for notes 1 and 3
    expect(d.sameNode).toMatchObject({ n: 6, max: 20 });
    expect(d.crossNode).toMatchObject({ n: 2, p50: 20, max: 20 });
    // by path: node 0's notes stay on node 0; node 1's reach its tablemates there and the facilitator on node 0
    expect(d.byNode.map((n) => n.fanout.map((s) => s.n))).toEqual([
      [4, 0],
      [2, 2],
    ]);
    expect(d.byNode.map((n) => n.ack.n)).toEqual([2, 2]);
  });

  it('is all same-node without nodes', () => {
    const d = analyse([log(allOk, allReceipts)], layout, 4, 0);
    expect(d.sameNode.n).toBe(8);
    expect(d.crossNode.n).toBe(0);
    expect(d.byNode).toHaveLength(1);
  });
});

describe('summarize: nearest-rank percentiles', () => {
  it.each<[number[], { p50: number; p95: number; p99: number; max: number }]>([
    [[5], { p50: 5, p95: 5, p99: 5, max: 5 }],
    [[3, 1, 2, 4], { p50: 2, p95: 4, p99: 4, max: 4 }],
    [Array.from({ length: 100 }, (_, i) => 100 - i), { p50: 50, p95: 95, p99: 99, max: 100 }],
  ])('%j', (values, expected) => {
    expect(summarize(values)).toMatchObject(expected);
  });

  it('is NaN for no samples', () => {
    expect(summarize([]).p99).toBeNaN();
  });
});

describe('slowNotes: when the slow notes were sent', () => {
  // notes 0..9 sent 50 ms apart; `worst` is each note's slowest delivery
  const sentAt = Float64Array.from({ length: 10 }, (_, k) => 1000 + 50 * k);
  it.each([
    ['none slow', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0, 0, []],
    ['one stall: notes 2-3 (100-150 ms)', [1, 1, 40, 60, 1, 1, 1, 1, 1, 1], 2, 1, [{ atS: 0.1, notes: 2 }]],
    [
      'a spread: 0, 5, 9',
      [30, 1, 1, 1, 1, 30, 1, 1, 1, 30],
      3,
      3,
      [
        { atS: 0, notes: 1 },
        { atS: 0.2, notes: 1 },
        { atS: 0.4, notes: 1 },
      ],
    ],
  ])('%s', (_name, worst, notes, buckets, busiest) => {
    const s = slowNotes(Float64Array.from(worst), sentAt, 0, 25);
    expect({ notes: s.notes, buckets: s.buckets }).toEqual({ notes, buckets });
    expect(s.worst).toEqual(expect.arrayContaining(busiest));
    expect(s.startEpochMs).toBe(1000);
  });
  it('counts only the measured notes (from the first measured one)', () => {
    expect(slowNotes(Float64Array.from([99, 99, 1, 1]), sentAt.slice(0, 4), 2, 25).notes).toBe(0);
  });
});

describe('untilAccepted: retries a refused command as the client does', () => {
  const ok: Ack = { ok: true, seq: 1 };
  const refused = (code: string): Ack => ({ ok: false, error: { code, message: code } }) as Ack;
  const fast = { min: 0, spread: 0 };
  it.each([
    ['accepted at once', [ok], 0, 1],
    ['overloaded twice, then accepted', [refused('overloaded'), refused('overloaded'), ok], 2, 3],
  ])('%s', async (_name, answers, refusals, sends) => {
    let sent = 0;
    let counted = 0;
    await untilAccepted(
      async () => answers[sent++]!,
      'x',
      () => counted++,
      fast,
    );
    expect([counted, sent]).toEqual([refusals, sends]);
  });
  it('throws on any other refusal, and after 50 overloaded', async () => {
    await expect(untilAccepted(async () => refused('forbidden'), 'seat b1', undefined, fast)).rejects.toThrow('seat b1: forbidden');
    let sent = 0;
    await expect(untilAccepted(async () => (sent++, refused('overloaded')), 'x', undefined, fast)).rejects.toThrow('overloaded');
    expect(sent).toBe(50);
  });
});
