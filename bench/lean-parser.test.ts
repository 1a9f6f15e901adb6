import { describe, expect, it } from 'vitest';
import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { leanParser, notesIn } from './lean-parser';

// Envelopes as the server builds them (workshopRoom: seq, at, by, scope, e; decide: type, note.id first).
const note = (id: string) => ({
  seq: 1,
  at: 2,
  by: 'p1',
  scope: 't:t1',
  e: { type: 'note:created', note: { id, tableId: 't1', text: 'a "quoted" id":"n9', color: 'yellow', x: 0, y: 0 } },
});
const moved = { seq: 3, at: 4, by: 'p1', scope: 't:t1', e: { type: 'note:moved', noteId: 'n7', x: 1, y: 2 } };
const wire = (data: unknown[], id?: number) => new Encoder().encode({ type: PacketType.EVENT, nsp: '/', data, id })[0] as string;

function decode(frame: string): Packet {
  const decoder = new leanParser.Decoder();
  let out: Packet | undefined;
  decoder.on('decoded', (p: Packet) => (out = p));
  decoder.add(frame);
  return out!;
}

describe('the bots lean parser', () => {
  it('finds exactly the created notes of an events frame, in order', () => {
    const frame = wire(['events', [note('n1'), moved, note('n22')]]);
    expect(notesIn(frame).map((e) => e.e.note.id)).toEqual(['n1', 'n22']);
    expect(decode(frame).data).toEqual([
      'events',
      [{ e: { type: 'note:created', note: { id: 'n1' } } }, { e: { type: 'note:created', note: { id: 'n22' } } }],
    ]);
    expect(notesIn(wire(['events', [moved]]))).toEqual([]);
  });

  it('reduces a sync to its kind', () => {
    expect(decode(wire(['sync', { kind: 'snapshot', me: {}, state: { notes: {} } }])).data).toEqual(['sync', { kind: 'snapshot' }]);
    expect(decode(wire(['sync', { kind: 'table', slice: {} }])).data).toEqual(['sync', { kind: 'table' }]);
  });

  it('decodes everything else as the standard parser does', () => {
    const ack = new Encoder().encode({ type: PacketType.ACK, nsp: '/', id: 7, data: [{ ok: true, seq: 3 }] })[0] as string;
    expect(decode(ack)).toEqual({ type: PacketType.ACK, nsp: '/', id: 7, data: [{ ok: true, seq: 3 }] });
    expect(decode(wire(['online', { ids: ['p1'] }])).data).toEqual(['online', { ids: ['p1'] }]);
  });
});
