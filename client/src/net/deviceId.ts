// This browser's own random id, kept on the device and sent at the socket handshake, so the
// facilitator's list of a person's devices tells two phones on one link apart. Not a secret, not
// an identity: a new one is made when storage is cleared or unavailable (private windows).
import { readString, writeString } from '../lib/storage';

const KEY = 'wc:device';
let memo: string | undefined;

export function deviceId(): string {
  if (memo) return memo;
  const kept = readString(KEY);
  if (kept && /^[A-Za-z0-9_-]{8,64}$/.test(kept)) return (memo = kept);
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  memo = btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
  writeString(KEY, memo);
  return memo;
}
