// Others' note changes the server has decided but not yet committed (`preview` messages). They are
// kept apart from the confirmed state, drawn on top of it (under this device's own pending ops),
// and dropped when their committed events arrive, on every `sync`, or after PREVIEW_TTL_MS.
import { PREVIEW_EVENT_TYPES, reduce, type Envelope, type PreviewMessage, type WorkshopState } from '@world-cafe/shared';

/** A preview never confirmed in this time is dropped (its commit failed or never reached us). */
export const PREVIEW_TTL_MS = 10_000;
/** At most this many previews are kept (the oldest go first). */
export const MAX_PREVIEWS = 1_000;

export interface HeldPreview extends PreviewMessage {
  /** Local time it arrived, for the timeout. */
  receivedAt: number;
  /** `by|JSON(event)` of each event: the committed envelope that carries it confirms it. */
  keys: readonly string[];
}

const keyOf = (by: string | null, e: unknown): string => `${by ?? ''}|${JSON.stringify(e)}`;

/** Adds a preview (only its note events; nothing when none is left). */
export function addPreview(held: readonly HeldPreview[], msg: PreviewMessage, now: number): readonly HeldPreview[] {
  const events = msg.events.filter((e) => PREVIEW_EVENT_TYPES.has(e.type));
  if (events.length === 0 || held.some((p) => p.op === msg.op)) return held;
  const next = [...held, { op: msg.op, by: msg.by, events, receivedAt: now, keys: events.map((e) => keyOf(msg.by, e)) }];
  return next.length > MAX_PREVIEWS ? next.slice(-MAX_PREVIEWS) : next;
}

/**
 * Drops every preview confirmed by these committed envelopes: the oldest preview of the same
 * author carrying an equal event (one command's events are committed and sent together).
 */
export function dropConfirmed(held: readonly HeldPreview[], committed: readonly Envelope[]): readonly HeldPreview[] {
  if (held.length === 0) return held;
  let out: HeldPreview[] | null = null;
  for (const env of committed) {
    if (env.by === null || !PREVIEW_EVENT_TYPES.has(env.e.type)) continue;
    const list: readonly HeldPreview[] = out ?? held;
    const key = keyOf(env.by, env.e);
    const i = list.findIndex((p) => p.by === env.by && p.keys.includes(key));
    if (i < 0) continue;
    out = [...list.slice(0, i), ...list.slice(i + 1)];
  }
  return out ?? held;
}

/** Drops previews older than the timeout. */
export function expirePreviews(held: readonly HeldPreview[], now: number): readonly HeldPreview[] {
  if (held.length === 0 || held[0]!.receivedAt > now - PREVIEW_TTL_MS) return held;
  return held.filter((p) => p.receivedAt > now - PREVIEW_TTL_MS);
}

/** The confirmed state with the previews folded on top (through the shared reduce), seq unchanged. */
export function applyPreviews(confirmed: WorkshopState, held: readonly HeldPreview[]): WorkshopState {
  let state = confirmed;
  for (const p of held) for (const e of p.events) state = reduce(state, e);
  return state;
}
