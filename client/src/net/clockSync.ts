// Estimates the server clock offset NTP-style: a few `time` pings, offset = serverNow - (t0+t1)/2,
// keeping the sample with the smallest round trip (the least skewed by network delay).
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@world-cafe/shared';
import { useCafeStore } from '../state/cafe';

type WcSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const PINGS = 5;
const PING_TIMEOUT_MS = 4_000;

export interface ClockSample {
  offset: number;
  rtt: number;
}

/** The best of the samples: smallest round trip. */
export function bestSample(samples: readonly ClockSample[]): ClockSample | null {
  let best: ClockSample | null = null;
  for (const s of samples) if (!best || s.rtt < best.rtt) best = s;
  return best;
}

/** Pings the server a few times and stores the offset. Safe to call on every (re)connect. */
export async function syncClock(socket: WcSocket, pings = PINGS): Promise<ClockSample | null> {
  const samples: ClockSample[] = [];
  for (let i = 0; i < pings && socket.connected; i++) {
    const t0 = Date.now();
    try {
      const serverNow: unknown = await socket.timeout(PING_TIMEOUT_MS).emitWithAck('time');
      const t1 = Date.now();
      if (typeof serverNow === 'number' && Number.isFinite(serverNow)) samples.push({ offset: serverNow - (t0 + t1) / 2, rtt: t1 - t0 });
    } catch {
      break; // no answer: keep what we have (a reconnect will try again)
    }
  }
  const best = bestSample(samples);
  if (best) useCafeStore.getState().setOffset(Math.round(best.offset), best.rtt);
  return best;
}
