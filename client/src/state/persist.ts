// The last confirmed state and identity, cached per workshop and participant so that a reload
// without a network still shows the board (and its queued changes).
import type { Me, WorkshopState } from '@world-cafe/shared';
import { readJson, removeKey, writeJson } from '../lib/storage';

interface Cached {
  v: 1;
  me: Me;
  state: WorkshopState;
}

const stateKey = (workshopId: string, participantId: string) => `wc:state:${workshopId}:${participantId}`;

export function loadCachedState(workshopId: string, participantId: string): { me: Me; state: WorkshopState } | undefined {
  const c = readJson<Cached>(stateKey(workshopId, participantId));
  if (!c || c.v !== 1 || !c.state || c.state.id !== workshopId || typeof c.state.seq !== 'number') return undefined;
  if (!c.me || c.me.participantId !== participantId) return undefined;
  return { me: c.me, state: c.state };
}

/** Set after a render error: the state in memory may be the broken one, so it is not cached again. */
let cachingStopped = false;

/**
 * Drops every cached workshop state on this device (not the queued changes) and stops caching
 * until the page loads again: after a render error the cache may be what broke the screen, and
 * the server's snapshot replaces it on the next load.
 */
export function forgetCachedStates(): void {
  cachingStopped = true;
  try {
    const keys: string[] = [];
    for (let i = 0; i < window.localStorage.length; i++) {
      const k = window.localStorage.key(i);
      if (k?.startsWith('wc:state:')) keys.push(k);
    }
    keys.forEach(removeKey);
  } catch {
    /* storage unavailable: nothing cached either */
  }
}

export function saveCachedState(me: Me, state: WorkshopState): void {
  if (cachingStopped) return;
  const key = stateKey(me.workshopId, me.participantId);
  // A full quota must not break the app: the cache is only a convenience.
  if (!writeJson(key, { v: 1, me, state } satisfies Cached)) removeKey(key);
}
