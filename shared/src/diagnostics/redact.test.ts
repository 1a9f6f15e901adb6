import { describe, expect, it } from 'vitest';
import { REDACTED, redactSecrets } from './redact';

const KEY = 'Zq3v9XbT1kLmN0pQrStUvWxY2aBcDeF4';

describe('redactSecrets', () => {
  it.each([
    ['a personal link', `failed at /w/abc123#k=${KEY}`, `failed at /w/abc123#k=${REDACTED}`],
    ['a review link', `/join/ABCD2345#invite=${KEY}&d=th`, `/join/${REDACTED}#invite=${REDACTED}&d=th`],
    ['a facilitator link', `open /f/${KEY} failed`, `open /f/${REDACTED} failed`],
    ['a bearer header', `Authorization: Bearer ${KEY}`, `Authorization: Bearer ${REDACTED}`],
    ['a bare token in a message', `bad token ${KEY} given`, `bad token ${REDACTED} given`],
    ['a token in JSON', `{"token":"short-but-secret"}`, `{"token":"${REDACTED}"}`],
    ['a 22-character join id', 'join V1StGXR8_Z5jdHi6B-myTx failed', `join ${REDACTED} failed`],
  ])('%s', (_n, input, out) => {
    expect(redactSecrets(input)).toBe(out);
    expect(redactSecrets(input)).not.toContain(KEY);
  });

  it.each([
    ['a React error', 'Minified React error #185; visit https://react.dev/errors/185'],
    ['a stack frame', 'at FacilitatorGoalTools (http://localhost/assets/index-DkB3f9aZ.js:12:345)'],
    ['a long identifier without digits', 'useSyncExternalStoreWithSelector is not a function'],
  ])('keeps %s', (_n, input) => {
    expect(redactSecrets(input)).toBe(input);
  });
});
