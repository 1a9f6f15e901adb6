import { describe, expect, it } from 'vitest';
import { OnlineRoster, tableHere } from './roster';
import { onlineMessageSchema, typingInputSchema } from './messages';

describe('OnlineRoster', () => {
  // [step, participant, socket, expected return, online afterwards]
  const steps: Array<['add' | 'remove', string, string, boolean, string[]]> = [
    ['add', 'p1', 's1', true, ['p1']],
    ['add', 'p1', 's2', false, ['p1']], // second device: still one person, no new "online"
    ['add', 'p2', 's3', true, ['p1', 'p2']],
    ['remove', 'p1', 's1', false, ['p1', 'p2']], // the phone is still connected
    ['remove', 'p1', 's1', false, ['p1', 'p2']], // a repeated disconnect changes nothing
    ['remove', 'p1', 's2', true, ['p2']],
    ['remove', 'p9', 's9', false, ['p2']], // never seen
  ];
  it('counts a person once however many sockets they have', () => {
    const r = new OnlineRoster();
    for (const [op, p, s, ret, after] of steps) {
      expect(r[op](p, s), `${op} ${p} ${s}`).toBe(ret);
      expect(r.online().sort()).toEqual(after);
    }
  });
});

describe('tableHere', () => {
  const state = { seats: { a: 't1', b: 't1', c: 't1', d: 't2' } };
  const cases: Array<[string, string[], string, { here: number; of: number }]> = [
    ['nobody online', [], 't1', { here: 0, of: 3 }],
    ['two of three', ['a', 'c', 'd'], 't1', { here: 2, of: 3 }],
    ['online but seated elsewhere does not count', ['d'], 't1', { here: 0, of: 3 }],
    ['empty table', ['a'], 't3', { here: 0, of: 0 }],
  ];
  it.each(cases)('%s', (_n, online, table, expected) => {
    expect(tableHere(state, new Set(online), table)).toEqual(expected);
    expect(tableHere(state, Object.fromEntries(online.map((p) => [p, true])), table)).toEqual(expected);
  });
});

describe('presence message schemas', () => {
  const cases: Array<[string, unknown, boolean]> = [
    ['roster', { kind: 'all', participantIds: ['p1', 'p2'] }, true],
    ['changes', { kind: 'changes', online: ['p1'], offline: ['p2'] }, true],
    ['changes without a list', { kind: 'changes', online: ['p1'] }, false],
    ['the old single change', { kind: 'change', participantId: 'p1', online: false }, false],
    ['unknown kind', { kind: 'gone', participantId: 'p1' }, false],
  ];
  it.each(cases)('online: %s', (_n, msg, ok) => expect(onlineMessageSchema.safeParse(msg).success).toBe(ok));
  it.each([
    [{ tableId: 't1', typing: true }, true],
    [{ tableId: 't1' }, false],
    [{ tableId: 't1', typing: true, text: 'draft' }, false], // never the draft itself
    [{ tableId: '', typing: true }, false],
  ])('typing input %j', (msg, ok) => expect(typingInputSchema.safeParse(msg).success).toBe(ok));
});
