import { describe, expect, it } from 'vitest';
import { JOIN_ID_MIN_BITS, empiricalBits, looksRandom } from './joinIdEntropy';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const pick = (alphabet: string, n: number) =>
  Array.from({ length: n }, () => alphabet[Math.floor(Math.random() * alphabet.length)]).join('');
const randomBase64url = () => pick(B64, 22);
const randomUUID = () =>
  `${pick('0123456789abcdef', 8)}-${pick('0123456789abcdef', 4)}-4${pick('0123456789abcdef', 3)}-a${pick('0123456789abcdef', 3)}-${pick('0123456789abcdef', 12)}`;

describe('looksRandom (join ids)', () => {
  it.each([
    ['22 × a', 'a'.repeat(22), false],
    ['ab repeated', 'ab'.repeat(12), false],
    ['a word and padding', 'join-id-aaaaaaaaaaaaaaaaaaaaaa', false],
    ['four symbols', 'abcd'.repeat(6), false],
    ['a fixed nanoid', 'V1StGXR8_Z5jdHi6B-myTx', true],
    ['a fixed UUID', '123e4567-e89b-12d3-a456-426614174000', true],
  ])('%s', (_n, id, ok) => {
    expect(looksRandom(id)).toBe(ok);
  });

  it('accepts every one of 20,000 random base64url ids and UUIDs', () => {
    for (let i = 0; i < 10_000; i++) {
      expect(empiricalBits(randomBase64url())).toBeGreaterThanOrEqual(JOIN_ID_MIN_BITS);
      expect(empiricalBits(randomUUID())).toBeGreaterThanOrEqual(JOIN_ID_MIN_BITS);
    }
  });
});
