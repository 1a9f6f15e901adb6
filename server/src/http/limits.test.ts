import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { clientAddress, parseTrustProxy, perMinute } from './limits';

/** A request as Node hands it over: the TCP peer and the headers. */
const req = (peer: string, xff?: string) =>
  ({
    socket: { remoteAddress: peer },
    connection: { remoteAddress: peer },
    headers: xff ? { 'x-forwarded-for': xff } : {},
  }) as unknown as IncomingMessage;

describe('TRUST_PROXY decides which address a limit counts', () => {
  it.each<[string, string | undefined, string, string | undefined, string]>([
    ['unset: the peer, whatever the header says', undefined, '127.0.0.1', '203.0.113.9', '127.0.0.1'],
    ['false: the peer', 'false', '127.0.0.1', '203.0.113.9', '127.0.0.1'],
    ['empty: the peer', '', '10.0.0.2', '203.0.113.9', '10.0.0.2'],
    ['loopback proxy: the forwarded client', 'loopback', '127.0.0.1', '203.0.113.9', '203.0.113.9'],
    ['loopback, but the peer is not a loopback proxy: the peer', 'loopback', '198.51.100.1', '203.0.113.9', '198.51.100.1'],
    ['loopback proxy, spoofed chain: the last untrusted hop', 'loopback', '127.0.0.1', '1.2.3.4, 203.0.113.9', '203.0.113.9'],
    ['subnet list', '10.0.0.0/8, 192.168.0.1', '10.1.2.3', '203.0.113.9', '203.0.113.9'],
    ['one hop', '1', '10.1.2.3', '1.2.3.4, 203.0.113.9', '203.0.113.9'],
    ['two hops', '2', '10.1.2.3', '1.2.3.4, 203.0.113.9', '1.2.3.4'],
    ['true: the first address of the header', 'true', '10.1.2.3', '1.2.3.4, 203.0.113.9', '1.2.3.4'],
    ['no header: the peer', 'loopback', '127.0.0.1', undefined, '127.0.0.1'],
  ])('%s', (_n, setting, peer, xff, expected) => {
    expect(clientAddress(req(peer, xff), parseTrustProxy(setting))).toBe(expected);
  });

  it('refuses a malformed setting at start-up', () => {
    expect(() => parseTrustProxy('not an address')).toThrow(/TRUST_PROXY/);
  });
});

describe('perMinute', () => {
  it('allows `points` per key, then refuses; keys are separate', async () => {
    const allowed = perMinute(3);
    const a = [await allowed('a'), await allowed('a'), await allowed('a'), await allowed('a')];
    expect(a).toEqual([true, true, true, false]);
    expect(await allowed('b')).toBe(true);
  });
});
