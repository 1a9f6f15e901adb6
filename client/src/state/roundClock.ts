// The round clock as this device shows it: the server's deadline minus the server's now,
// estimated from this device's clock plus the offset measured with `time` pings.
import { useEffect, useState } from 'react';
import { remainingMs, type ClockStatus } from '@world-cafe/shared';
import { useCafeStore } from './cafe';
import { useView } from './selectors';

export interface RoundClockView {
  remainingMs: number;
  status: ClockStatus;
  round: number;
  rounds: number;
  /** True once a round has started at least once (history has the current round). */
  started: boolean;
}

/** The round clock as this device sees it, in server time, refreshed about four times a second. */
export function useRoundClock(): RoundClockView {
  const cafe = useView((s) => s.cafe);
  const round = useView((s) => s.round);
  const offset = useCafeStore((s) => s.offset);
  const [now, setNow] = useState(() => Date.now());
  const running = cafe.clock.status === 'running';
  useEffect(() => {
    if (!running) return;
    const tick = () => setNow(Date.now());
    const first = setTimeout(tick, 0); // the clock may have been idle for long: refresh at once
    const id = setInterval(tick, 250);
    return () => {
      clearTimeout(first);
      clearInterval(id);
    };
  }, [running]);
  return {
    // only a running clock depends on now; a paused or ended one shows its stored remainder
    remainingMs: remainingMs(cafe, now + offset),
    status: cafe.clock.status,
    round,
    rounds: cafe.rounds,
    started: cafe.history.length >= round,
  };
}

/** "12:05" or "1:02:03": whole seconds, rounded up so zero shows only when time is up. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${ss}` : `${String(m).padStart(2, '0')}:${ss}`;
}
