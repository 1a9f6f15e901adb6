import { describe, expect, it } from 'vitest';
import type { Command } from '@world-cafe/shared';
import { mergeOp, type QueuedOp } from './opMerge';

// Compact notation: an op is its command plus how far it got ('new' never left this device,
// 'sent' was emitted without an answer, 'acked' was confirmed, 'wire' is the op in flight now).
type Stage = 'new' | 'sent' | 'acked' | 'wire';
const create = (n: string, text: string, id = `c-${n}-${text}`): Command => ({
  type: 'note:create',
  clientOpId: pad(id),
  noteId: n,
  tableId: 't1',
  text,
  color: 'yellow',
  x: 10,
  y: 10,
});
const edit = (n: string, text: string, id = `e-${n}-${text}`): Command => ({ type: 'note:edit', clientOpId: pad(id), noteId: n, text });
const move = (n: string, x: number, id = `m-${n}-${x}`): Command => ({ type: 'note:move', clientOpId: pad(id), noteId: n, x, y: x });
const recolor = (n: string, color: 'pink' | 'blue', id = `r-${n}-${color}`): Command => ({
  type: 'note:recolor',
  clientOpId: pad(id),
  noteId: n,
  color,
});
const del = (n: string, id = `d-${n}`): Command => ({ type: 'note:delete', clientOpId: pad(id), noteId: n });
const other = (id = 'cluster-op'): Command => ({
  type: 'cluster:create',
  clientOpId: pad(id),
  clusterId: 'k1',
  name: 'Theme',
  noteIds: [],
});
function pad(id: string) {
  return id.replace(/[^A-Za-z0-9_-]/g, '_').padEnd(8, 'x');
}

function queue(...items: Array<[Command, Stage]>): { ops: QueuedOp[]; inflight: string | null } {
  let inflight: string | null = null;
  const ops = items.map(([cmd, stage]): QueuedOp => {
    if (stage === 'acked') return { cmd, ackSeq: 5 };
    if (stage === 'sent') return { cmd, sent: true };
    if (stage === 'wire') inflight = cmd.clientOpId;
    return { cmd };
  });
  return { ops, inflight };
}

/** What would go to the server, in order, as short strings ("create n1 'b'"). */
function wire(ops: readonly QueuedOp[]): string[] {
  return ops.map(({ cmd }) => {
    switch (cmd.type) {
      case 'note:create':
        return `create ${cmd.noteId} '${cmd.text}' ${cmd.color} ${cmd.x}`;
      case 'note:edit':
        return `edit ${cmd.noteId} '${cmd.text}'`;
      case 'note:move':
        return `move ${cmd.noteId} ${cmd.x}`;
      case 'note:recolor':
        return `recolor ${cmd.noteId} ${cmd.color}`;
      case 'note:delete':
        return `delete ${cmd.noteId}`;
      default:
        return cmd.type;
    }
  });
}

const cases: Array<{ name: string; before: Array<[Command, Stage]>; add: Command; after: string[] }> = [
  // a note the server has never seen
  {
    name: 'create + edit = one create with the last text',
    before: [[create('n1', 'a'), 'new']],
    add: edit('n1', 'b'),
    after: ["create n1 'b' yellow 10"],
  },
  {
    name: 'create + move + recolour = one create at the last place and colour',
    before: [
      [create('n1', 'a'), 'new'],
      [move('n2', 40), 'new'],
    ],
    add: recolor('n1', 'pink'),
    after: ["create n1 'a' pink 10", 'move n2 40'],
  },
  {
    name: 'create + move folds into the create',
    before: [[create('n1', 'a'), 'new']],
    add: move('n1', 99),
    after: ["create n1 'a' yellow 99"],
  },
  { name: 'create + delete = nothing', before: [[create('n1', 'a'), 'new']], add: del('n1'), after: [] },
  {
    name: 'create + edits + delete = nothing, other notes untouched',
    before: [
      [create('n1', 'a'), 'new'],
      [create('n2', 'x'), 'new'],
      [edit('n1', 'b'), 'new'],
    ],
    add: del('n1'),
    after: ["create n2 'x' yellow 10"],
  },
  {
    name: 'other kinds of command are never merged',
    before: [[other(), 'new']],
    add: other('cluster-op2'),
    after: ['cluster:create', 'cluster:create'],
  },
  // a note the server has (or may have) seen
  {
    name: 'edits to a sent note collapse to the last',
    before: [
      [create('n1', 'a'), 'acked'],
      [edit('n1', 'b'), 'new'],
    ],
    add: edit('n1', 'c'),
    after: ["create n1 'a' yellow 10", "edit n1 'c'"],
  },
  {
    name: 'moves collapse even with another note in between',
    before: [
      [create('n1', 'a'), 'acked'],
      [move('n1', 20), 'new'],
      [create('n2', 'x'), 'new'],
    ],
    add: move('n1', 30),
    after: ["create n1 'a' yellow 10", 'move n1 30', "create n2 'x' yellow 10"],
  },
  {
    name: 'a delete drops the unsent changes of a sent note, then goes',
    before: [
      [create('n1', 'a'), 'acked'],
      [edit('n1', 'b'), 'new'],
      [recolor('n1', 'blue'), 'new'],
    ],
    add: del('n1'),
    after: ["create n1 'a' yellow 10", 'delete n1'],
  },
  { name: 'a delete of a note known only from the board just goes', before: [], add: del('n9'), after: ['delete n9'] },
  // the clientOpId rule: what may have reached the server is never dropped or changed
  {
    name: 'a create on the wire is not rewritten by an edit',
    before: [[create('n1', 'a'), 'wire']],
    add: edit('n1', 'b'),
    after: ["create n1 'a' yellow 10", "edit n1 'b'"],
  },
  {
    name: 'a create sent without an answer is not dropped by a delete',
    before: [
      [create('n1', 'a'), 'sent'],
      [edit('n1', 'b'), 'new'],
    ],
    add: del('n1'),
    after: ["create n1 'a' yellow 10", 'delete n1'],
  },
  {
    name: 'an edit on the wire is not replaced; the next one queues',
    before: [
      [create('n1', 'a'), 'acked'],
      [edit('n1', 'b'), 'wire'],
    ],
    add: edit('n1', 'c'),
    after: ["create n1 'a' yellow 10", "edit n1 'b'", "edit n1 'c'"],
  },
  {
    name: 'a sent edit is not replaced; the unsent one after it is',
    before: [
      [create('n1', 'a'), 'acked'],
      [edit('n1', 'b'), 'sent'],
      [edit('n1', 'c'), 'new'],
    ],
    add: edit('n1', 'd'),
    after: ["create n1 'a' yellow 10", "edit n1 'b'", "edit n1 'd'"],
  },
  {
    name: 'a move on the wire is not collapsed',
    before: [[move('n1', 10), 'wire']],
    add: move('n1', 30),
    after: ['move n1 10', 'move n1 30'],
  },
];

describe('mergeOp', () => {
  it.each(cases)('$name', ({ before, add, after }) => {
    const { ops, inflight } = queue(...before);
    const frozen = structuredClone(ops);
    const merged = mergeOp(ops, add, inflight, (cmd) => ({ cmd }));
    expect(wire(merged)).toEqual(after);
    expect(ops).toEqual(frozen); // pure: the input queue is untouched
  });

  it('keeps the clientOpId of the op a change is merged into, and the state of ops that may have reached the server', () => {
    const { ops, inflight } = queue([create('n1', 'a', 'create-n1'), 'acked'], [edit('n1', 'b', 'first-edit'), 'new']);
    const merged = mergeOp(ops, edit('n1', 'c', 'second-edit'), inflight, (cmd) => ({ cmd }));
    expect(merged.map((o) => o.cmd.clientOpId)).toEqual(['create-n1', 'first-edit']);
    expect(merged[0]).toBe(ops[0]);
  });
});
