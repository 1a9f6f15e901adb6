import { describe, expect, it } from 'vitest';
import { Encoder, type Packet, PacketType } from 'socket.io-parser';
import { JsonOnlyEncoder, RawJson } from './jsonParser';

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
