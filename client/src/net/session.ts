// The live connection to one workshop: a Socket.IO client that syncs state, applies live
// events and drains the op queue, one command at a time and in order, on every connect.
import { io, type Socket } from 'socket.io-client';
import type { Ack, ClientToServerEvents, Envelope, ServerToClientEvents, SyncMessage } from '@world-cafe/shared';
import { useStore } from '../state/store';
import { saveCachedState } from '../state/persist';
import { nextToSend, saveOps } from './opQueue';
import { getSession, saveSession } from './sessions';
import { syncClock } from './clockSync';
import { attachPresence } from './presence';
import { useUndoStore } from '../state/undo';
import { deviceId } from './deviceId';

type WcSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

const ACK_TIMEOUT_MS = 15_000;
const MAX_BACKOFF_MS = 15_000;

/** Opens the connection; returns a function that closes it (React effect cleanup). */
export function openSession(workshopId: string, token: string): () => void {
  const store = useStore;
  const known = getSession(workshopId);
  store.getState().beginSession(workshopId, token, known?.token === token ? known.participantId : undefined);

  let closed = false;
  /** Bumped on every disconnect so late acks from an old connection are ignored. */
  let generation = 0;
  let synced = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let backoff = 500;

  const socket: WcSocket = io({
    path: '/socket.io',
    // A function, so every reconnect sends the seq we have reached by then.
    auth: (cb) => cb({ token, since: store.getState().confirmed?.seq ?? 0, device: deviceId() }),
    reconnectionDelay: 500,
    reconnectionDelayMax: 8_000,
    timeout: 10_000,
  });

  const setStatus = () => {
    const s = store.getState();
    const status = !navigator.onLine ? 'offline' : socket.connected && synced ? 'online' : 'reconnecting';
    if (s.status !== status) s.setStatus(status);
  };

  function clearRetry() {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
  }

  function retryLater(ms: number) {
    clearRetry();
    retryTimer = setTimeout(() => {
      retryTimer = null;
      pump();
    }, ms);
  }

  function pump() {
    if (closed || !socket.connected || !synced || retryTimer) return;
    const s = store.getState();
    if (s.inflight) return;
    const op = nextToSend(s.pending, useUndoStore.getState().hidden);
    if (!op) return;
    const id = op.cmd.clientOpId;
    const gen = generation;
    s.setInflight(id);
    socket.timeout(ACK_TIMEOUT_MS).emit('command', op.cmd, (err: Error | null, ack: Ack) => {
      if (closed || gen !== generation) return;
      const st = store.getState();
      st.setInflight(null);
      if (err || !ack) {
        // No answer: resend the same op (same clientOpId, so the server dedupes).
        retryLater(1_000);
        return;
      }
      if (ack.ok) {
        backoff = 500;
        st.ackOp(id, ack.seq);
      } else if (ack.error.code === 'rate_limited' || ack.error.code === 'overloaded' || ack.error.code === 'unavailable') {
        // refused before it was applied: back off and resend the same op (same clientOpId)
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
        // the server's hint (overloaded) is a floor: never come back sooner than it asks
        retryLater(Math.max(backoff, Math.min(ack.error.retryAfterMs ?? 0, MAX_BACKOFF_MS)));
        return;
      } else {
        st.rejectOp(id, ack.error.code, ack.error.current);
      }
      pump();
    });
  }

  function onSync(msg: SyncMessage) {
    const s = store.getState();
    if (msg.kind === 'snapshot') {
      s.setSnapshot(msg.state, msg.me);
    } else if (!(msg.kind === 'events' ? s.applyEvents(msg.events, msg.me) : s.applySlice(msg.slice, msg.me))) {
      // Events without a base state: reconnect; with no state the handshake says since 0.
      socket.disconnect();
      socket.connect();
      return;
    }
    const me = store.getState().me;
    if (me) {
      saveSession(workshopId, {
        token,
        participantId: me.participantId,
        role: store.getState().confirmed?.participants[me.participantId]?.role ?? me.role,
        title: store.getState().confirmed?.title,
      });
    }
    synced = true;
    backoff = 500;
    store.getState().setInflight(null);
    store.getState().markSynced();
    setStatus();
    pump();
  }

  function onEvents(events: Envelope[]) {
    if (!synced) return;
    store.getState().applyEvents(events);
  }

  socket.on('sync', onSync);
  // Who is editing which goal field (the harvest's live editing).
  const detachPresence = attachPresence(socket);
  socket.on('events', onEvents);
  socket.on('connect', setStatus);
  // Estimate the server clock offset on every (re)connect, for the round clock.
  socket.on('connect', () => void syncClock(socket));
  socket.on('disconnect', (reason) => {
    generation++;
    synced = false;
    clearRetry();
    store.getState().setInflight(null);
    setStatus();
    // The server closed us on purpose: try again shortly (auth problems show as connect_error).
    if (reason === 'io server disconnect' && !closed) {
      reconnectTimer = setTimeout(() => socket.connect(), 2_000);
    }
  });
  // The facilitator reissued this link, deleted the workshop or removed this co-facilitator: say
  // so now, and do not knock on the door again (the key is gone).
  socket.on('revoked', ({ reason }) => {
    closed = true;
    clearRetry();
    store.getState().setRevoked(reason);
  });
  socket.on('connect_error', (err) => {
    // an unknown key, or a personal link past LINK_TTL_DAYS_AFTER_CLOSE: retrying will not help
    if (err.message === 'unauthorized' || err.message === 'link_expired') {
      store.getState().setAuthError(true, err.message === 'link_expired');
      socket.disconnect();
      return;
    }
    setStatus();
    // Refused by a server middleware (not a network failure): socket.io will not retry alone.
    if (!socket.active && !closed) {
      reconnectTimer = setTimeout(() => socket.connect(), Math.min((backoff *= 2), MAX_BACKOFF_MS));
    }
  });

  // When the device says it lost the network, stop trusting the socket (a half-open
  // connection can swallow commands for a long time); queued ops wait for 'online'.
  let wentOffline = false;
  const onOnline = () => {
    setStatus();
    if (wentOffline || (!socket.connected && !socket.active)) socket.connect();
    wentOffline = false;
  };
  const onOffline = () => {
    wentOffline = true;
    socket.disconnect();
    setStatus();
  };
  window.addEventListener('online', onOnline);
  window.addEventListener('offline', onOffline);

  // Persist pending ops on every change and the confirmed state (throttled); drain on new ops.
  let stateTimer: ReturnType<typeof setTimeout> | null = null;
  const flushState = () => {
    stateTimer = null;
    const s = store.getState();
    if (s.me && s.confirmed && s.me.workshopId === workshopId) saveCachedState(s.me, s.confirmed);
  };
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.workshopId !== workshopId) return;
    if (s.pending !== prev.pending) {
      if (s.me) saveOps(workshopId, s.me.participantId, s.pending);
      if (!s.inflight) queueMicrotask(pump);
    }
    if (s.confirmed !== prev.confirmed && !stateTimer) stateTimer = setTimeout(flushState, 1_500);
  });
  // A delete leaving its undo window (sent, or undone) releases the note's held ops.
  const unsubscribeUndo = useUndoStore.subscribe((u, prev) => {
    if (u.hidden !== prev.hidden && !store.getState().inflight) queueMicrotask(pump);
  });
  const onPageHide = () => {
    if (stateTimer) {
      clearTimeout(stateTimer);
      flushState();
    }
  };
  window.addEventListener('pagehide', onPageHide);

  // Acked ops whose event this viewer never receives must not linger forever.
  const pruneTimer = setInterval(() => store.getState().prune(), 5_000);

  return () => {
    closed = true;
    generation++;
    clearRetry();
    if (reconnectTimer) clearTimeout(reconnectTimer);
    clearInterval(pruneTimer);
    onPageHide();
    unsubscribe();
    unsubscribeUndo();
    detachPresence();
    window.removeEventListener('online', onOnline);
    window.removeEventListener('offline', onOffline);
    window.removeEventListener('pagehide', onPageHide);
    socket.removeAllListeners();
    socket.disconnect();
    store.getState().endSession();
  };
}
