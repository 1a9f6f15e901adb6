// One zustand store in slices: session (who I am), confirmed state (from the server: only
// committed events ever reach it), pending ops (this device's unconfirmed
// commands), connection status and toasts. The optimistic view is derived (selectView), never
// stored, so it cannot drift from its inputs.
import { create, type StateCreator } from 'zustand';
import {
  applyEnvelopes,
  applyTableSlice,
  commandSchema,
  ownTableSeats,
  decide,
  type Command,
  type CommandInput,
  type Envelope,
  type Me,
  type StaleCurrent,
  type TableSlice,
  type WorkshopState,
} from '@world-cafe/shared';
import { later } from '../lib/pausableTimers';
import { newOpId } from '../net/ids';
import { ackOp, enqueueOp, loadOps, markSent, pruneOps, removeOp, type PendingOp } from '../net/opQueue';
import { applyPending, type OptimisticView } from './optimistic';
import { loadCachedState } from './persist';
import { notePlanEvents, plannerPrecheck, RUNS_PLANNER } from './cafe';

export type ConnectionStatus = 'online' | 'reconnecting' | 'offline';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** A command as a component writes it; the store adds the clientOpId. */
export type CommandDraft = DistributiveOmit<CommandInput, 'clientOpId'>;

export interface Toast {
  id: string;
  kind: 'error' | 'info';
  /** An i18n key, translated when drawn so a language switch re-renders it. */
  key: string;
  values?: Record<string, string | number>;
  /** A button in the toast (e.g. Undo); running it also dismisses the toast. */
  action?: { key: string; run: () => void; /** i18n key of its keyboard shortcut, shown beside it. */ keys?: string };
  /** How long it stays (default: 10 s for errors, 5 s otherwise). */
  ttlMs?: number;
}

export interface SessionSlice {
  workshopId: string | null;
  token: string | null;
  me: Me | null;
  authError: boolean;
  /** The refusal was a personal link past LINK_TTL_DAYS_AFTER_CLOSE (the workshop closed a while ago). */
  linkExpired: boolean;
  /** Why the server took this key back while it was connected (the `revoked` message), if it did. */
  revokedReason: RevokedReason | null;
  beginSession(workshopId: string, token: string, knownParticipantId?: string): void;
  endSession(): void;
  setAuthError(value: boolean, linkExpired?: boolean): void;
  /** The server took the key back: the page says why at once (a reconnect would only be refused). */
  setRevoked(reason: RevokedReason): void;
}

export type RevokedReason = 'credential_revoked' | 'workshop_deleted' | 'facilitator_removed';

export interface ConfirmedSlice {
  confirmed: WorkshopState | null;
  setSnapshot(state: WorkshopState, me: Me): void;
  /** Applies envelopes in order; false when there is no state to apply them to. */
  applyEvents(events: readonly Envelope[], me?: Me): boolean;
  /** A new seat's table slice (see TableSlice); false without a base state. */
  applySlice(slice: TableSlice, me: Me): boolean;
}

export interface PendingSlice {
  pending: readonly PendingOp[];
  /** The clientOpId currently on the wire, if any. */
  inflight: string | null;
  /** When the server last acknowledged one of my changes (this page's session). */
  lastSavedAt: number | null;
  submit(draft: CommandDraft): boolean;
  setInflight(clientOpId: string | null): void;
  ackOp(clientOpId: string, seq: number): void;
  /** `current`: what won a stale edit (the conflict ack's), which may arrive before its event. */
  rejectOp(clientOpId: string, code: string, current?: StaleCurrent): void;
  prune(): void;
}

export interface ConnectionSlice {
  status: ConnectionStatus;
  everSynced: boolean;
  setStatus(status: ConnectionStatus): void;
  markSynced(): void;
}

export interface ToastSlice {
  toasts: Toast[];
  /** Shows a toast; returns its id (or null when it repeats the last one). */
  toast(t: Omit<Toast, 'id'>): string | null;
  dismissToast: (id: string) => void;
}

export type StoreState = SessionSlice & ConfirmedSlice & PendingSlice & ConnectionSlice & ToastSlice;
type Slice<T> = StateCreator<StoreState, [], [], T>;

const sessionSlice: Slice<SessionSlice> = (set) => ({
  workshopId: null,
  token: null,
  me: null,
  authError: false,
  linkExpired: false,
  revokedReason: null,
  beginSession(workshopId, token, knownParticipantId) {
    const cached = knownParticipantId ? loadCachedState(workshopId, knownParticipantId) : undefined;
    set({
      workshopId,
      token,
      authError: false,
      linkExpired: false,
      revokedReason: null,
      me: cached?.me ?? null,
      confirmed: cached?.state ?? null,
      pending: knownParticipantId ? loadOps(workshopId, knownParticipantId) : [],
      inflight: null,
      status: typeof navigator !== 'undefined' && navigator.onLine === false ? 'offline' : 'reconnecting',
      everSynced: false,
    });
  },
  endSession() {
    set({
      workshopId: null,
      token: null,
      me: null,
      confirmed: null,
      pending: [],
      inflight: null,
      authError: false,
      linkExpired: false,
      revokedReason: null,
    });
  },
  setAuthError(value, linkExpired = false) {
    set({ authError: value, linkExpired });
  },
  setRevoked(reason) {
    set({ authError: true, revokedReason: reason });
  },
});

const confirmedSlice: Slice<ConfirmedSlice> = (set, get) => ({
  confirmed: null,
  setSnapshot(state, me) {
    const s = get();
    const samePerson = s.me?.participantId === me.participantId;
    const pending = samePerson ? s.pending : loadOps(me.workshopId, me.participantId);
    set({ confirmed: state, me, pending: pruneOps(pending, state.seq, Date.now()) });
  },
  applyEvents(events, me) {
    const s = get();
    if (!s.confirmed) return false;
    const who = me ?? s.me;
    let confirmed = applyEnvelopes(s.confirmed, events);
    // a round start carries everyone's seats; a seated delegate keeps only its own table's
    if (who) confirmed = ownTableSeats(confirmed, who.participantId);
    notePlanEvents(events);
    set({
      confirmed,
      ...(me ? { me } : {}),
      pending: pruneOps(s.pending, confirmed.seq, Date.now()),
    });
    return true;
  },
  applySlice(slice, me) {
    const s = get();
    if (!s.confirmed) return false;
    const confirmed = applyTableSlice(s.confirmed, slice);
    set({ confirmed, me, pending: pruneOps(s.pending, confirmed.seq, Date.now()) });
    return true;
  },
});

const pendingSlice: Slice<PendingSlice> = (set, get) => ({
  pending: [],
  inflight: null,
  lastSavedAt: null,
  submit(draft) {
    const s = get();
    const view = selectView(s);
    const meId = s.me?.participantId;
    if (!view || !meId) return false;
    const parsed = commandSchema.safeParse({ ...draft, clientOpId: newOpId() });
    if (!parsed.success) {
      s.toast({ kind: 'error', key: 'errors.invalid_payload' });
      return false;
    }
    // Planner commands are not decided here: decide() would run the seating planner in the browser.
    const decision = RUNS_PLANNER.has(parsed.data.type)
      ? plannerPrecheck(view.state, meId)
      : decide(view.state, parsed.data, { kind: 'participant', participantId: meId }, { now: Date.now() });
    if (!decision.ok) {
      s.toast({ kind: 'error', key: `errors.${decision.error.code}` });
      return false;
    }
    set({ pending: enqueueOp(s.pending, parsed.data, s.inflight) });
    return true;
  },
  setInflight(clientOpId) {
    // An op on the wire may reach the server even if no answer comes back: it is never merged away.
    if (clientOpId) set({ inflight: clientOpId, pending: markSent(get().pending, clientOpId) });
    else set({ inflight: clientOpId });
  },
  ackOp(clientOpId, seq) {
    const s = get();
    const acked = ackOp(s.pending, clientOpId, seq, Date.now());
    set({ pending: pruneOps(acked, s.confirmed?.seq ?? 0, Date.now()), lastSavedAt: Date.now() });
  },
  rejectOp(clientOpId, code, current) {
    const s = get();
    const op = s.pending.find((o) => o.cmd.clientOpId === clientOpId);
    if (op) for (const listener of rejectionListeners) listener(op.cmd, String(code), current);
    set({ pending: removeOp(s.pending, clientOpId) });
    s.toast({ kind: 'error', key: 'errors.rejected', values: { what: op ? opLabelKey(op.cmd.type) : 'ops.unknown', code } });
  },
  prune() {
    const s = get();
    const pruned = pruneOps(s.pending, s.confirmed?.seq ?? 0, Date.now());
    if (pruned !== s.pending) set({ pending: pruned });
  },
});

const connectionSlice: Slice<ConnectionSlice> = (set) => ({
  status: 'reconnecting',
  everSynced: false,
  setStatus(status) {
    set({ status });
  },
  markSynced() {
    set({ everSynced: true, status: 'online' });
  },
});

/** Told of every command the server refused, before it leaves the queue (the goal editor reopens stale edits). */
export const rejectionListeners = new Set<(cmd: Command, code: string, current?: StaleCurrent) => void>();

/** i18n key naming a command ("ops.note_create"): i18next reads ':' as a namespace separator. */
export const opLabelKey = (type: string): string => `ops.${type.replace(/[:-]/g, '_')}`;

let toastSeq = 0;
const toastSlice: Slice<ToastSlice> = (set, get) => ({
  toasts: [],
  toast(t) {
    const id = `t${++toastSeq}`;
    // The same message twice in a row (e.g. a burst of rejections) shows once.
    const last = get().toasts.at(-1);
    if (!t.action && last && last.key === t.key && JSON.stringify(last.values) === JSON.stringify(t.values)) return null;
    set({ toasts: [...get().toasts, { ...t, id }].slice(-4) });
    const ttl = t.ttlMs ?? (t.kind === 'error' ? 10_000 : 5_000);
    // paused while the person hovers or focuses the toasts (lib/pausableTimers)
    later(() => get().dismissToast(id), ttl);
    return id;
  },
  dismissToast(id) {
    set({ toasts: get().toasts.filter((x) => x.id !== id) });
  },
});

export const useStore = create<StoreState>()((...a) => ({
  ...sessionSlice(...a),
  ...confirmedSlice(...a),
  ...pendingSlice(...a),
  ...connectionSlice(...a),
  ...toastSlice(...a),
}));

// ---------------------------------------------------------------- the optimistic view

let memo: {
  confirmed: WorkshopState;
  pending: readonly PendingOp[];
  participantId: string | null;
  view: OptimisticView;
} | null = null;

/** confirmed + my pending ops, memoised on its inputs so selectors get stable references. */
export function selectView(s: Pick<StoreState, 'confirmed' | 'pending' | 'me'>): OptimisticView | null {
  if (!s.confirmed) return null;
  const participantId = s.me?.participantId ?? null;
  if (memo && memo.confirmed === s.confirmed && memo.pending === s.pending && memo.participantId === participantId) return memo.view;
  const view = applyPending(s.confirmed, s.pending, participantId, Date.now());
  memo = { confirmed: s.confirmed, pending: s.pending, participantId, view };
  return view;
}

export const submit = (draft: CommandDraft): boolean => useStore.getState().submit(draft);
export const toast = (t: Omit<Toast, 'id'>): string | null => useStore.getState().toast(t);
