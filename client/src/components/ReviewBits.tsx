// Small pieces of the review shared by the delegate's page and the chair's console.
import { useTranslation } from 'react-i18next';
import type { MissingPart, Stance } from '@world-cafe/shared';
import { useFormat } from '../lib/format';
import { relativeTime, useNow } from '../state/review';
import { useView } from '../state/selectors';
import { wordDiff } from '../lib/wordDiff';
import '../review.css';

/** Icons carry meaning with the text beside them, never alone, and never by colour alone. */
export const STANCE_ICON: Record<Stance | 'none', string> = {
  supports: '✓',
  amend: '✎',
  reservations: '!',
  na: '–',
  none: '○',
};

export function StanceBadge({ stance }: { stance: Stance | null }) {
  const { t } = useTranslation();
  const key = stance ?? 'none';
  return (
    <span className={`stance stance-${key}`}>
      <span className="stance-icon" aria-hidden="true">
        {STANCE_ICON[key]}
      </span>
      <span>{t(`review.stance.${key}`)}</span>
    </span>
  );
}

export function useMissingText() {
  const { t } = useTranslation();
  return (missing: readonly MissingPart[]) =>
    missing.length === 0
      ? t('review.missing.complete')
      : t('review.missing.label', { parts: missing.map((m) => t(`review.missing.${m}`)).join(', ') });
}

/** "This workshop is closed" on every screen of a closed workshop. */
export function ClosedBanner() {
  const { t } = useTranslation();
  const closed = useView((s) => s.phase === 'closed');
  if (!closed) return null;
  return (
    <p className="closed-banner" role="status" data-testid="closed-banner">
      {t('review.closedBanner')}
    </p>
  );
}

/** The review deadline with a countdown ("due in 3 days"), or "No deadline set". */
export function DeadlineInfo() {
  const { t } = useTranslation();
  const f = useFormat();
  const deadline = useView((s) => s.review.deadline);
  const now = useNow(30_000);
  if (deadline === null) return <p className="muted deadline">{t('review.noDeadline')}</p>;
  const rel = relativeTime(deadline, now, f.lang);
  return (
    <p className={`deadline${deadline <= now ? ' overdue' : ''}`} data-testid="deadline">
      {t('review.deadline', { date: f.dateTime(deadline) })}
      {' · '}
      {deadline <= now ? t('review.overdue', { relative: rel }) : t('review.dueIn', { relative: rel })}
    </p>
  );
}

/** The goal's current text against a proposal, word by word. */
export function WordDiff({ before, after }: { before: string; after: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const parts = wordDiff(before, after, f.lang);
  return (
    <p className="word-diff" dir="auto" aria-describedby={undefined}>
      {parts.map((p, i) =>
        p.kind === 'same' ? <span key={i}>{p.text}</span> : p.kind === 'added' ? <ins key={i}>{p.text}</ins> : <del key={i}>{p.text}</del>,
      )}
      <span className="sr-only"> ({t('review.amend.diffLegend')})</span>
    </p>
  );
}
