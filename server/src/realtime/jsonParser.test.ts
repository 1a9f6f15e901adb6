import { describe, expect, it } from 'vitest';
import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { P, standardWorkshop } from '@world-cafe/shared/testing';
import { JsonOnlyEncoder, RawJson } from './jsonParser';
import { snapshotFor, snapshotJson } from './fanout';

describe('JsonOnlyEncoder: the stock encoding of every non-binary packet', () => {
  const stock = new Encoder();
  const ours = new JsonOnlyEncoder();
  it.each<[string, Packet]>([
    ['an event', { type: PacketType.EVENT, nsp: '/', data: ['events', [{ seq: 1, e: { type: 'x', text: 'สวัสดี "q" \u2028' } }]] }],
    ['an event with an ack id', { type: PacketType.EVENT, nsp: '/', id: 12, data: ['command', { type: 'note:create' }] }],
    ['an ack', { type: PacketType.ACK, nsp: '/', id: 0, data: [{ ok: true, seq: 5 }] }],
    ['a connect with data', { type: PacketType.CONNECT, nsp: '/', data: { sid: 'abc' } }],
    ['a connect error in a namespace', { type: PacketType.CONNECT_ERROR, nsp: '/admin', data: { message: 'unauthorized' } }],
    ['a disconnect', { type: PacketType.DISCONNECT, nsp: '/' }],
  ])('%s', (_name, packet) => {
    expect(ours.encode(packet)).toEqual(stock.encode(packet));
  });

  it('writes a RawJson argument as it is', () => {
    const packet: Packet = { type: PacketType.EVENT, nsp: '/', data: ['sync', new RawJson('{"kind":"events","events":[]}'), undefined] };
    expect(ours.encode(packet)).toEqual(['2["sync",{"kind":"events","events":[]},null]']);
  });
});

describe('snapshotJson: snapshotFor as JSON, sharing field encodings per committed state', () => {
  it.each([
    ['a delegate', P.d1],
    ['a facilitator', P.facilitator],
    ['an observer', P.observer],
    ['someone unknown', 'nobody'],
  ])('%s', (_name, participantId) => {
    const state = standardWorkshop('cafe');
    // twice: the second reads the cached fields
    for (let i = 0; i < 2; i++)
      expect(JSON.parse(snapshotJson(state, 'w', participantId).json)).toEqual(snapshotFor(state, 'w', participantId));
  });

  it('a new committed state is encoded anew', () => {
    const before = standardWorkshop('cafe');
    expect(JSON.parse(snapshotJson(before, 'w', P.d2).json)).toEqual(snapshotFor(before, 'w', P.d2));
    const after = { ...before, title: 'Renamed', participants: { ...before.participants } };
    delete after.participants[P.d3];
    expect(JSON.parse(snapshotJson(after, 'w', P.d2).json)).toEqual(snapshotFor(after, 'w', P.d2));
  });
});
