import { smallCreateCommand } from '@world-cafe/shared/testing';
import { describe, expect, it } from 'vitest';
import { decide, emptyState, reduce, type Command, type WorkshopState } from '@world-cafe/shared';
import { applyPending, allowed } from './optimistic';
import { ackOp, enqueueOp, nextToSend, pruneOps, removeOp, unsentCount, type PendingOp } from '../net/opQueue';

const NOW = 1_700_000_000_000;

function setup(): WorkshopState {
  let s = emptyState();
  const run = (cmd: Parameters<typeof decide>[1], actor: Parameters<typeof decide>[2]) => {
    const d = decide(s, cmd, actor, { now: NOW });
    if (!d.ok) throw new Error(d.error.message);
    for (const e of d.events) s = { ...reduce(s, e), seq: s.seq + 1 };
  };
  run(smallCreateCommand({ capacity: 2 }), { kind: 'system' });
  for (const id of ['ann', 'ben']) {
    run({ type: 'participant:join', participantId: id, name: id, delegationId: 'th', role: 'delegate' }, { kind: 'system' });
  }
  run(
    { type: 'seat:assign', clientOpId: 'seat-ann-1', participantId: 'ann', tableId: 't1' },
    {
      kind: 'participant',
      participantId: 'ann',
    },
  );
  return s;
}

const note = (id: string, text = 'hello', clientOpId = `op-${id}-xxxx`): Command => ({
  type: 'note:create',
  clientOpId,
  noteId: id,
  tableId: 't1',
  text,
  color: 'yellow',
  x: 10,
  y: 10,
});

describe('optimistic view', () => {
  it('applies pending ops through decide + reduce on top of the confirmed state', () => {
    const confirmed = setup();
    const ops: PendingOp[] = [{ cmd: note('n1', 'พัฒนาศักยภาพ 🇹🇭') }];
    const { state, doomed } = applyPending(confirmed, ops, 'ann', NOW);
    expect(state.notes.n1).toMatchObject({ text: 'พัฒนาศักยภาพ 🇹🇭', authorId: 'ann', delegationId: 'th' });
    expect(doomed.size).toBe(0);
    expect(confirmed.notes.n1).toBeUndefined();
  });

  it('does not duplicate a note whose event has already arrived', () => {
    const confirmed = setup();
    const withNote = applyPending(confirmed, [{ cmd: note('n1') }], 'ann', NOW).state;
    const { state } = applyPending({ ...withNote, seq: confirmed.seq + 1 }, [{ cmd: note('n1'), ackSeq: confirmed.seq + 1 }], 'ann', NOW);
    expect(Object.keys(state.notes)).toEqual(['n1']);
  });

  it('marks ops that decide() refuses (ben is not seated at t1)', () => {
    const confirmed = setup();
    const { state, doomed } = applyPending(confirmed, [{ cmd: note('n2', 'x', 'op-ben-note') }], 'ben', NOW);
    expect(state.notes.n2).toBeUndefined();
    expect([...doomed]).toEqual(['op-ben-note']);
  });

  it('allowed() offers only what decide accepts', () => {
    const s = applyPending(setup(), [{ cmd: note('n1') }], 'ann', NOW).state;
    const edit = (who: string) => allowed(s, who, { type: 'note:edit', clientOpId: 'probe-edit', noteId: 'n1', text: 'x' });
    expect(edit('ann')).toBe(true);
    expect(edit('ben')).toBe(false);
    expect(edit('fac')).toBe(true);
  });
});

describe('op queue', () => {
  const move = (x: number, id = `mv-${x}-xxxxxx`): Command => ({ type: 'note:move', clientOpId: id, noteId: 'n1', x, y: 0 });

  it('collapses unsent moves of a sent note, but not one on the wire', () => {
    let ops: PendingOp[] = [{ cmd: note('n1'), sent: true }];
    ops = enqueueOp(ops, move(10), null);
    ops = enqueueOp(ops, move(20), null);
    expect(ops).toHaveLength(2);
    expect(ops[1]!.cmd).toMatchObject({ x: 20, clientOpId: 'mv-10-xxxxxx' });
    ops = enqueueOp(ops, move(30), 'mv-10-xxxxxx');
    expect(ops).toHaveLength(3);
  });

  it('an op leaves when acked and the state has reached its seq, or when rejected', () => {
    let ops: readonly PendingOp[] = enqueueOp(enqueueOp([], note('n1'), null), note('n2'), null);
    expect(nextToSend(ops)?.cmd.clientOpId).toBe('op-n1-xxxx');
    ops = ackOp(ops, 'op-n1-xxxx', 12, NOW);
    expect(nextToSend(ops)?.cmd.clientOpId).toBe('op-n2-xxxx');
    expect(unsentCount(ops)).toBe(1);
    expect(pruneOps(ops, 11, NOW)).toHaveLength(2);
    expect(pruneOps(ops, 12, NOW)).toHaveLength(1);
    // an ack whose event never reaches this viewer does not stay forever
    expect(pruneOps(ops, 0, NOW + 60_000)).toHaveLength(1);
    expect(removeOp(ops, 'op-n2-xxxx')).toHaveLength(1);
  });

  it('passes over the ops of a note whose delete waits out its undo window', () => {
    const ops = enqueueOp(enqueueOp([], note('n1'), null), note('n2'), null);
    expect(nextToSend(ops, { n1: true })?.cmd.clientOpId).toBe('op-n2-xxxx');
    expect(nextToSend(ops, { n1: true, n2: true })).toBeUndefined();
    expect(nextToSend(ops, {})?.cmd.clientOpId).toBe('op-n1-xxxx');
  });
});
