// Who is editing which goal field right now: volatile, never stored. The live socket is
// attached by openSession (net/session.ts); components read the map and announce their own
// focus with setMyPresence(). Re-sent after a reconnect; cleared when the socket goes.
import { create } from 'zustand';
import type { Socket } from 'socket.io-client';
import type { ClientToServerEvents, Presence, ServerToClientEvents } from '@world-cafe/shared';

type WcSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface PresenceState {
  /** participantId -> what they are editing (only others; entries removed when they stop). */
  others: Record<string, NonNullable<Presence>>;
}

export const usePresenceStore = create<PresenceState>()(() => ({ others: {} }));

let current: WcSocket | null = null;
let mine: Presence = null;

export function attachPresence(socket: WcSocket): () => void {
  current = socket;
  const onPresence = (msg: { participantId: string; editing: Presence }) => {
    const others = { ...usePresenceStore.getState().others };
    if (msg.editing) others[msg.participantId] = msg.editing;
    else delete others[msg.participantId];
    usePresenceStore.setState({ others });
  };
  const onConnect = () => {
    if (mine) socket.emit('presence', mine);
  };
  const onDisconnect = () => usePresenceStore.setState({ others: {} });
  socket.on('presence', onPresence);
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  return () => {
    socket.off('presence', onPresence);
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    if (current === socket) current = null;
    mine = null;
    usePresenceStore.setState({ others: {} });
  };
}

/** Tell the workshop what I am editing now (null when I stop). */
export function setMyPresence(editing: Presence): void {
  if (JSON.stringify(editing) === JSON.stringify(mine)) return;
  mine = editing;
  if (current?.connected) current.emit('presence', editing);
}

/** Participant ids of the others editing this goal field. */
export function useEditors(goalId: string, field: string): string[] {
  return usePresenceStore((s) => {
    const out: string[] = [];
    for (const [pid, p] of Object.entries(s.others)) if (p.goalId === goalId && p.field === field) out.push(pid);
    return out.sort().join(',');
  })
    .split(',')
    .filter(Boolean);
}
