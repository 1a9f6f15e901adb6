import { describe, expect, it } from 'vitest';
import {
  applyEnvelopes,
  decide,
  emptyState,
  reduce,
  scopeOf,
  type Actor,
  type Command,
  type Envelope,
  type PreviewMessage,
  type SystemCommand,
  type WorkshopState,
} from '@world-cafe/shared';
import { smallCreateCommand } from '../../../shared/src/testing/fixtures';
import { deriveView } from './optimistic';
import { addPreview, applyPreviews, dropConfirmed, expirePreviews, PREVIEW_TTL_MS, type HeldPreview } from './previews';
import { notesOf } from './selectors';
import { selectView, useStore } from './store';
import type { PendingOp } from '../net/opQueue';

const NOW = 1_700_000_000_000;
const as = (participantId: string): Actor => ({ kind: 'participant', participantId });

/** A tiny server: decides against its state and hands out what it would preview and commit. */
class Server {
  state: WorkshopState = emptyState();
  private op = 0;
  run(cmd: Command | SystemCommand, actor: Actor = { kind: 'system' }): { preview: PreviewMessage; committed: Envelope[] } {
    const d = decide(this.state, cmd, actor, { now: NOW });
    if (!d.ok) throw new Error(d.error.message);
    const by = actor.kind === 'participant' ? actor.participantId : null;
    const committed = d.events.map((e, i) => ({ seq: this.state.seq + 1 + i, at: NOW, by, scope: scopeOf(e), e }));
    this.state = applyEnvelopes(this.state, committed);
    // what goes over the wire is JSON: the client sees copies, never the server's objects
    const wire = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
    return { preview: wire({ op: `op${++this.op}`, by: by ?? '', events: d.events }), committed: wire(committed) };
  }
}

function setup(): Server {
  const srv = new Server();
  srv.run(smallCreateCommand());
  for (const id of ['ann', 'ben']) {
    srv.run({ type: 'participant:join', participantId: id, name: id, delegationId: 'th', role: 'delegate' });
    srv.run({ type: 'seat:assign', clientOpId: `seat-${id}-xxxx`, participantId: id, tableId: 't1' }, as(id));
  }
  return srv;
}

const note = (id: string, text = 'hello', x = 10): Command => ({
  type: 'note:create',
  clientOpId: `op-${id}-xxxx`,
  noteId: id,
  tableId: 't1',
  text,
  color: 'yellow',
  x,
  y: 10,
});

describe('previews in the derived view', () => {
  it("shows a tablemate's previewed note on top of the confirmed state, without touching it", () => {
    const srv = setup();
    const confirmed = srv.state;
    const { preview } = srv.run(note('n1', 'from ben'), as('ben'));
    const held = addPreview([], preview, NOW);
    const { state } = deriveView(confirmed, held, [], 'ann', NOW);
    expect(notesOf(state, 't1').map((n) => [n.id, n.text, n.authorId])).toEqual([['n1', 'from ben', 'ben']]);
    expect(state.seq).toBe(confirmed.seq);
    expect(confirmed.notes.n1).toBeUndefined();
  });

  it('the committed event replaces its preview: one card, same id, never a duplicate', () => {
    const srv = setup();
    let confirmed = srv.state;
    const a = srv.run(note('n1', 'first'), as('ben'));
    const b = srv.run(note('n2', 'second', 300), as('ben'));
    let held = addPreview(addPreview([], a.preview, NOW), b.preview, NOW);
    expect(notesOf(deriveView(confirmed, held, [], 'ann', NOW).state, 't1').map((n) => n.id)).toEqual(['n1', 'n2']);

    // n1 commits: its preview goes in the same step, n2 stays previewed
    confirmed = applyEnvelopes(confirmed, a.committed);
    held = dropConfirmed(held, a.committed);
    expect(held.map((p) => p.op)).toEqual([b.preview.op]);
    const view = deriveView(confirmed, held, [], 'ann', NOW).state;
    expect(notesOf(view, 't1').map((n) => n.id)).toEqual(['n1', 'n2']);
    expect(view.notes.n1).toEqual(confirmed.notes.n1);

    confirmed = applyEnvelopes(confirmed, b.committed);
    held = dropConfirmed(held, b.committed);
    expect(held).toEqual([]);
    expect(notesOf(deriveView(confirmed, held, [], 'ann', NOW).state, 't1').map((n) => n.id)).toEqual(['n1', 'n2']);
  });

  it("applies previews under the viewer's own pending ops", () => {
    const srv = setup();
    srv.run(note('n1', 'mine'), as('ann'));
    const confirmed = srv.state;
    // ben tidies ann's note (decided, not committed) while ann's own move is still pending
    const moved = srv.run({ type: 'note:move', clientOpId: 'mv-ben-xxxx', noteId: 'n1', x: 500, y: 500 }, as('ben'));
    const held = addPreview([], moved.preview, NOW);
    expect(deriveView(confirmed, held, [], 'ann', NOW).state.notes.n1).toMatchObject({ x: 500, y: 500 });
    const mine: PendingOp[] = [{ cmd: { type: 'note:move', clientOpId: 'mv-ann-xxxx', noteId: 'n1', x: 70, y: 80 } }];
    const { state, doomed } = deriveView(confirmed, held, mine, 'ann', NOW);
    expect(state.notes.n1).toMatchObject({ x: 70, y: 80 });
    expect(doomed.size).toBe(0);
    // a previewed delete dooms my pending edit of that note, as the server would refuse it
    const del = srv.run({ type: 'note:delete', clientOpId: 'del-fac-xxxx', noteId: 'n1' }, as('fac'));
    const edit: PendingOp[] = [{ cmd: { type: 'note:edit', clientOpId: 'ed-ann-xxxx', noteId: 'n1', text: 'x' } }];
    const after = deriveView(confirmed, addPreview(held, del.preview, NOW), edit, 'ann', NOW);
    expect(after.state.notes.n1).toBeUndefined();
    expect([...after.doomed]).toEqual(['ed-ann-xxxx']);
  });

  it('matches by author and event: an equal change by someone else does not confirm it', () => {
    const srv = setup();
    srv.run(note('n1'), as('ann'));
    const byBen = srv.run({ type: 'note:move', clientOpId: 'mv-ben-xxxx', noteId: 'n1', x: 5, y: 5 }, as('ben'));
    const byFac = srv.run({ type: 'note:move', clientOpId: 'mv-fac-xxxx', noteId: 'n1', x: 5, y: 5 }, as('fac'));
    const held = addPreview(addPreview([], byBen.preview, NOW), byFac.preview, NOW);
    expect(dropConfirmed(held, byFac.committed).map((p) => p.by)).toEqual(['ben']);
    expect(dropConfirmed(held, byBen.committed).map((p) => p.by)).toEqual(['fac']);
  });

  it('drops a preview never confirmed after the timeout, ignores repeats and non-note events', () => {
    const srv = setup();
    const { preview } = srv.run(note('n1'), as('ben'));
    let held: readonly HeldPreview[] = addPreview([], preview, NOW);
    expect(addPreview(held, preview, NOW + 1)).toBe(held);
    expect(addPreview(held, { op: 'x', by: 'fac', events: [{ type: 'theme:removed', themeId: 'a' }] }, NOW)).toBe(held);
    expect(expirePreviews(held, NOW + PREVIEW_TTL_MS - 1)).toBe(held);
    held = expirePreviews(held, NOW + PREVIEW_TTL_MS);
    expect(held).toEqual([]);
    expect(applyPreviews(srv.state, held)).toBe(srv.state);
  });
});

describe('previews in the store', () => {
  it('never folds a preview into the confirmed state; a commit or a sync drops it', () => {
    const srv = setup();
    const me = { workshopId: 'w1', participantId: 'ann', role: 'delegate' };
    const store = useStore.getState();
    store.setSnapshot(srv.state, me);
    const a = srv.run(note('n1', 'from ben'), as('ben'));
    const b = srv.run(note('n2', 'also ben', 300), as('ben'));
    useStore.getState().addPreview(a.preview);
    useStore.getState().addPreview(b.preview);
    const s1 = useStore.getState();
    expect(s1.confirmed!.notes.n1).toBeUndefined();
    expect(Object.keys(selectView(s1)!.state.notes).sort()).toEqual(['n1', 'n2']);

    useStore.getState().applyEvents(a.committed);
    const s2 = useStore.getState();
    expect(s2.previews.map((p) => p.op)).toEqual([b.preview.op]);
    expect(Object.keys(s2.confirmed!.notes)).toEqual(['n1']);
    expect(Object.keys(selectView(s2)!.state.notes).sort()).toEqual(['n1', 'n2']);

    // a snapshot (a reconnect, a seat change) starts over: b's preview may never be confirmed
    useStore.getState().setSnapshot(s2.confirmed!, me);
    expect(useStore.getState().previews).toEqual([]);
    expect(Object.keys(selectView(useStore.getState())!.state.notes)).toEqual(['n1']);
    useStore.getState().endSession();
  });
});
