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

export function saveCachedState(me: Me, state: WorkshopState): void {
  const key = stateKey(me.workshopId, me.participantId);
  // A full quota must not break the app: the cache is only a convenience.
  if (!writeJson(key, { v: 1, me, state } satisfies Cached)) removeKey(key);
}
