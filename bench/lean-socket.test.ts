import { describe, expect, it } from 'vitest';
import { noteIdsIn } from './lean-socket';

// Envelopes as the server builds them (workshopRoom: seq, at, by, scope, e; decide: type, note.id first).
const note = (id: string) => ({
  seq: 1,
  at: 2,
  by: 'p1',
  scope: 't:t1',
  e: { type: 'note:created', note: { id, tableId: 't1', text: 'a "quoted" "id":"n9"', color: 'yellow', x: 0, y: 0 } },
});
const moved = { seq: 3, at: 4, by: 'p1', scope: 't:t1', e: { type: 'note:moved', noteId: 'n7', x: 1, y: 2 } };
const frame = (events: unknown[]) => `42${JSON.stringify(['events', events])}`;

describe("the bots' lean Socket.IO client", () => {
  it.each([
    ['two notes around another event', [note('n1'), moved, note('n22')], ['n1', 'n22']],
    ['no note', [moved], []],
    ['a note whose text looks like an id', [note('n3')], ['n3']],
  ])('finds exactly the created notes of an events frame: %s', (_name, events, ids) => {
    expect(noteIdsIn(frame(events))).toEqual(ids);
  });
});
