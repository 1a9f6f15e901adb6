import { describe, expect, it } from 'vitest';
import { idSchema, handshakeSchema } from '@world-cafe/shared';
import { joinIdentity } from './joinId';

describe('joinIdentity', () => {
  const a = joinIdentity('w1', 'join-id-aaaaaaaaaaaaaaaaaaaaaa');

  it.each<[string, [string, string], boolean]>([
    ['same workshop and join id: same identity', ['w1', 'join-id-aaaaaaaaaaaaaaaaaaaaaa'], true],
    ['another join id: another identity', ['w1', 'join-id-bbbbbbbbbbbbbbbbbbbbbb'], false],
    ['another workshop: another identity', ['w2', 'join-id-aaaaaaaaaaaaaaaaaaaaaa'], false],
  ])('%s', (_n, [w, j], same) => {
    const b = joinIdentity(w, j);
    expect(b.participantId === a.participantId).toBe(same);
    expect(b.token === a.token).toBe(same);
  });

  it('makes a valid participant id and a token the handshake accepts, neither equal to the join id', () => {
    expect(idSchema.safeParse(a.participantId).success).toBe(true);
    expect(a.participantId).toMatch(/^[0-9a-f]{16}$/);
    expect(handshakeSchema.safeParse({ token: a.token }).success).toBe(true);
    expect(a.token).not.toContain('join-id');
  });
});
