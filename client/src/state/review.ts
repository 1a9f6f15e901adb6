// Review selectors and small hooks shared by the delegate's review page and the chair's console.
import { useEffect, useState } from 'react';
import { missingParts, reviewKey, type MissingPart, type WorkshopState } from '@world-cafe/shared';
import { useStore } from './store';
import { intlLocale } from '../i18n/languages';

/** Goals of the draft my delegation has completed (see missingParts), out of all goals. */
export function reviewProgress(state: WorkshopState, delegationId: string | null): { done: number; total: number } {
  const total = state.goalOrder.length;
  if (!delegationId) return { done: 0, total };
  let done = 0;
  for (const g of state.goalOrder) if (missingParts(state.review.entries[reviewKey(g, delegationId)]).length === 0) done++;
  return { done, total };
}

/** The last reminder that named this delegation, if any. */
export function lastReminderFor(state: WorkshopState, delegationId: string | null): number | null {
  if (!delegationId) return null;
  for (let i = state.review.reminders.length - 1; i >= 0; i--) {
    const r = state.review.reminders[i]!;
    if (r.delegationIds.includes(delegationId)) return r.at;
  }
  return null;
}

/** The confirmed (server-acknowledged) value of one field of a review entry: for "saved" marks. */
export function useConfirmedEntryField<K extends 'stance' | 'situation' | 'needs' | 'resources' | 'feasibility' | 'partners' | 'comments'>(
  goalId: string,
  delegationId: string | null,
  field: K,
) {
  return useStore((s) => (delegationId ? s.confirmed?.review.entries[reviewKey(goalId, delegationId)]?.[field] : undefined));
}

/** Date.now(), refreshed every `ms`. */
export function useNow(ms = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(id);
  }, [ms]);
  return now;
}

export const MISSING_ORDER: readonly MissingPart[] = ['stance', 'national', 'feasibility'];

/** "YYYY-MM-DDTHH:mm" in local time, the value format of <input type="datetime-local">. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function fromLocalInput(value: string): number | null {
  if (!value) return null;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? ms : null;
}

/** "in 3 days" / "2 hours ago" in the UI language. */
export function relativeTime(ms: number, now: number, lang: string): string {
  const rtf = new Intl.RelativeTimeFormat(intlLocale(lang), { numeric: 'auto' });
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs >= 86_400_000 * 2) return rtf.format(Math.round(diff / 86_400_000), 'day');
  if (abs >= 3_600_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  return rtf.format(Math.round(diff / 60_000), 'minute');
}
