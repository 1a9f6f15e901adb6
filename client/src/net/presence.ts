// Live presence, never stored: who is editing which goal field, who is online, who is typing
// at my table. The live socket is attached by openSession (net/session.ts); components read the
// store and announce their own focus with setMyPresence() and their typing with noteTyping().
// Re-sent after a reconnect; cleared when the socket goes.
import { create } from 'zustand';
import type { Socket } from 'socket.io-client';
import {
  type ClientToServerEvents,
  type Presence,
  type ServerToClientEvents,
  TYPING_REFRESH_MS,
  TYPING_TTL_MS,
  onlineMessageSchema,
  typingMessageSchema,
} from '@world-cafe/shared';

type WcSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

interface PresenceState {
  /** participantId -> what they are editing (only others; entries removed when they stop). */
  others: Record<string, NonNullable<Presence>>;
  /** participantId -> true while connected (from the server's roster). */
  online: Record<string, true>;
  /** participantId -> the table they are typing at and when the flag lapses. */
  typing: Record<string, { tableId: string; until: number }>;
}

const EMPTY = { others: {}, online: {}, typing: {} };
export const usePresenceStore = create<PresenceState>()(() => ({ ...EMPTY }));

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
  const onOnline = (raw: unknown) => {
    const parsed = onlineMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const msg = parsed.data;
    if (msg.kind === 'all') {
      usePresenceStore.setState({ online: Object.fromEntries(msg.participantIds.map((id) => [id, true as const])) });
      return;
    }
    const online = { ...usePresenceStore.getState().online };
    for (const id of msg.offline) delete online[id];
    for (const id of msg.online) online[id] = true;
    usePresenceStore.setState({ online });
  };
  const onTyping = (raw: unknown) => {
    const parsed = typingMessageSchema.safeParse(raw);
    if (!parsed.success) return;
    const { participantId, tableId, typing: on } = parsed.data;
    const typing = { ...usePresenceStore.getState().typing };
    if (on) typing[participantId] = { tableId, until: Date.now() + TYPING_TTL_MS };
    else delete typing[participantId];
    usePresenceStore.setState({ typing });
  };
  // Volatile "stopped" messages can be lost: flags lapse on their own.
  const sweep = setInterval(() => {
    const { typing } = usePresenceStore.getState();
    const now = Date.now();
    if (!Object.values(typing).some((x) => x.until <= now)) return;
    usePresenceStore.setState({ typing: Object.fromEntries(Object.entries(typing).filter(([, x]) => x.until > now)) });
  }, 1000);
  const onConnect = () => {
    if (mine) socket.emit('presence', mine);
  };
  const onDisconnect = () => usePresenceStore.setState({ ...EMPTY });
  socket.on('presence', onPresence);
  socket.on('online', onOnline);
  socket.on('typing', onTyping);
  socket.on('connect', onConnect);
  socket.on('disconnect', onDisconnect);
  return () => {
    clearInterval(sweep);
    socket.off('presence', onPresence);
    socket.off('online', onOnline);
    socket.off('typing', onTyping);
    socket.off('connect', onConnect);
    socket.off('disconnect', onDisconnect);
    if (current === socket) current = null;
    mine = null;
    typingSent = null;
    usePresenceStore.setState({ ...EMPTY });
  };
}

let typingSent: { tableId: string; at: number } | null = null;

/** Call on every keystroke in a composer (and with typing false when it empties or is sent). */
export function noteTyping(tableId: string, typing: boolean): void {
  if (!current?.connected) return;
  const now = Date.now();
  if (typing) {
    if (typingSent && typingSent.tableId === tableId && now - typingSent.at < TYPING_REFRESH_MS) return;
    typingSent = { tableId, at: now };
    current.emit('typing', { tableId, typing: true });
  } else if (typingSent) {
    current.emit('typing', { tableId: typingSent.tableId, typing: false });
    typingSent = null;
  }
}

export const useIsOnline = (participantId: string): boolean => usePresenceStore((s) => Object.hasOwn(s.online, participantId));

/** Participant ids typing at this table right now (sorted, joined: a stable primitive). */
export function useTypingAt(tableId: string, exceptId: string | null): string[] {
  return usePresenceStore((s) =>
    Object.entries(s.typing)
      .filter(([pid, x]) => x.tableId === tableId && pid !== exceptId)
      .map(([pid]) => pid)
      .sort()
      .join(','),
  )
    .split(',')
    .filter(Boolean);
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
