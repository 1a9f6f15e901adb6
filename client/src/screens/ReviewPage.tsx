// The delegate's review (phase review; read-only once closed): every goal of the draft with the
// delegation's review form, saved field by field, and amendments to a goal's title or rationale.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { AMENDABLE_FIELDS, LIMITS, STANCES, reviewKey, type AmendableField, type Goal, type Stance } from '@world-cafe/shared';
import { GoalView } from '../components/GoalView';
import { DeadlineInfo, StanceBadge } from '../components/ReviewBits';
import { ExportPanel } from '../components/ExportPanel';
import { useFormat } from '../lib/format';
import { newEntityId } from '../net/ids';
import { allowed } from '../state/optimistic';
import { lastReminderFor, reviewProgress, useConfirmedEntryField } from '../state/review';
import { useMyRole, useView, useViewShallow } from '../state/selectors';
import { submit } from '../state/store';
import '../review.css';

const TEXT_FIELDS = ['situation', 'needs', 'resources'] as const;
type TextField = (typeof TEXT_FIELDS)[number] | 'comments';

export function ReviewPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const role = useMyRole();
  const delegationId = useView((s, me) => (me ? (s.participants[me]?.delegationId ?? null) : null));
  const delegationName = useView((s) => (delegationId ? (s.delegations[delegationId]?.name ?? '') : ''));
  const goalIds = useViewShallow((s) => s.goalOrder);
  const progress = useViewShallow((s) => reviewProgress(s, delegationId));
  const reminded = useView((s) => lastReminderFor(s, delegationId));
  const [dismissedReminder, setDismissedReminder] = useState<number | null>(null);
  const closed = useView((s) => s.phase === 'closed');

  return (
    <div className="review-page">
      <h1 tabIndex={-1}>{t('review.pageTitle')}</h1>
      {delegationId && role !== 'observer' ? (
        <p className="lead">{t('review.intro', { delegation: delegationName })}</p>
      ) : (
        <p className="notice">{role === 'observer' ? t('review.observerNote') : t('review.noDelegation')}</p>
      )}
      <div className="review-status card">
        {!closed && <DeadlineInfo />}
        {delegationId && (
          <div className="review-progress">
            <label>
              <span data-testid="review-progress">
                {t('review.progress', { done: f.num(progress.done), total: f.num(progress.total) })}
              </span>
              <progress max={Math.max(1, progress.total)} value={progress.done} aria-label={t('review.progressLabel')} />
            </label>
          </div>
        )}
      </div>
      {reminded !== null && !closed && dismissedReminder !== reminded && progress.done < progress.total && (
        <div className="notice reminder-banner" role="alert" data-testid="reminder-banner">
          {t('review.reminded', { date: f.dateTime(reminded) })}
          <button type="button" className="small" onClick={() => setDismissedReminder(reminded)}>
            {t('common.dismiss')}
          </button>
        </div>
      )}
      {goalIds.length === 0 && <p className="muted">{t('review.noGoals')}</p>}
      <ol className="review-goals">
        {goalIds.map((id, i) => (
          <li key={id}>
            <GoalReviewCard goalId={id} n={i + 1} delegationId={delegationId} />
          </li>
        ))}
      </ol>
      {role === 'host' && <ExportPanel />}
    </div>
  );
}

function GoalReviewCard({ goalId, n, delegationId }: { goalId: string; n: number; delegationId: string | null }) {
  const { t } = useTranslation();
  const goal = useView((s) => s.goals[goalId]);
  const uid = useId();
  if (!goal) return null;
  return (
    <article className="card review-goal" aria-labelledby={`${uid}-h`} data-testid="review-goal">
      <p className="eyebrow">{t('review.goalN', { n })}</p>
      <h2 id={`${uid}-h`} dir="auto" data-testid="goal-title">
        {goal.title}
      </h2>
      <GoalView goal={goal} headingLevel={2} />
      {delegationId && <ReviewForm goal={goal} delegationId={delegationId} />}
      {delegationId && <Amendments goal={goal} delegationId={delegationId} />}
    </article>
  );
}

function useCanRecord(goalId: string): boolean {
  return useView((s, me) => allowed(s, me, { type: 'review:record', clientOpId: 'probe-review', goalId, comments: '' }));
}

function SaveStatus({ view, confirmed, touched }: { view: unknown; confirmed: unknown; touched: boolean }) {
  const { t } = useTranslation();
  const same = JSON.stringify(view ?? null) === JSON.stringify(confirmed ?? null);
  const closed = useView((st) => st.phase === 'closed');
  const text = !touched || closed ? '' : same ? t('review.status.saved') : t('review.status.saving');
  return (
    <span className={`save-status${same ? ' saved' : ''}`} role="status" aria-live="polite">
      {text && (same ? `✓ ${text}` : text)}
    </span>
  );
}

function ReviewForm({ goal, delegationId }: { goal: Goal; delegationId: string }) {
  const { t } = useTranslation();
  const uid = useId();
  const canEdit = useCanRecord(goal.id);
  const delegationName = useView((s) => s.delegations[delegationId]?.name ?? '');
  const entry = useView((s) => s.review.entries[reviewKey(goal.id, delegationId)]);
  const others = useViewShallow((s) => Object.values(s.delegations).filter((d) => d.id !== delegationId));
  const [touched, setTouched] = useState<Record<string, boolean>>({});
  const confirmedStance = useConfirmedEntryField(goal.id, delegationId, 'stance');
  const confirmedFeas = useConfirmedEntryField(goal.id, delegationId, 'feasibility');
  const confirmedPartners = useConfirmedEntryField(goal.id, delegationId, 'partners');
  const partners = entry?.partners ?? [];

  const record = (patch: Record<string, unknown>, field: string) => {
    if (submit({ type: 'review:record', goalId: goal.id, ...patch })) setTouched((x) => ({ ...x, [field]: true }));
  };

  return (
    // not a landmark: one per goal, each would carry the same name
    <div className="review-form">
      <h3>{canEdit ? t('review.yourReview', { delegation: delegationName }) : t('review.readOnlyReview')}</h3>
      <fieldset className="radio-group stance-group" disabled={!canEdit}>
        <legend>
          {t('review.stance.legend')} <SaveStatus view={entry?.stance} confirmed={confirmedStance} touched={!!touched.stance} />
        </legend>
        {STANCES.map((st: Stance) => (
          <label key={st} className="check stance-option">
            <input
              type="radio"
              name={`${uid}-stance`}
              value={st}
              checked={entry?.stance === st}
              onChange={() => record({ stance: st }, 'stance')}
            />
            <StanceBadge stance={st} />
          </label>
        ))}
      </fieldset>

      <fieldset className="national" disabled={!canEdit}>
        <legend>{t('review.fields.national')}</legend>
        {TEXT_FIELDS.map((field) => (
          <ReviewText key={field} goalId={goal.id} delegationId={delegationId} field={field} canEdit={canEdit} />
        ))}
      </fieldset>

      <fieldset className="radio-group feasibility-group" disabled={!canEdit}>
        <legend>
          {t('review.feasibility.legend')}{' '}
          <SaveStatus view={entry?.feasibility} confirmed={confirmedFeas} touched={!!touched.feasibility} />
        </legend>
        <div className="feasibility-scale">
          {[1, 2, 3, 4, 5].map((v) => (
            <label key={v} className="check feas-option">
              <input
                type="radio"
                name={`${uid}-feas`}
                value={v}
                checked={entry?.feasibility === v}
                onChange={() => record({ feasibility: v }, 'feasibility')}
              />
              <span>{t(`review.feasibility.n${v as 1 | 2 | 3 | 4 | 5}`)}</span>
            </label>
          ))}
        </div>
        {canEdit && entry?.feasibility != null && (
          <button type="button" className="link-button small" onClick={() => record({ feasibility: null }, 'feasibility')}>
            {t('review.feasibility.clear')}
          </button>
        )}
      </fieldset>

      {others.length > 0 && (
        <fieldset className="partners" disabled={!canEdit}>
          <legend>
            {t('review.fields.partners')} <SaveStatus view={partners} confirmed={confirmedPartners ?? []} touched={!!touched.partners} />
          </legend>
          <div className="check-grid">
            {others.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={partners.includes(d.id)}
                  onChange={(e) =>
                    record({ partners: e.target.checked ? [...partners, d.id] : partners.filter((p) => p !== d.id) }, 'partners')
                  }
                />
                <span>
                  {d.name} <span className="code-tag">{d.code}</span>
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      )}

      <ReviewText goalId={goal.id} delegationId={delegationId} field="comments" canEdit={canEdit} />
    </div>
  );
}

/** A textarea saved on blur; another member's change shows up while the field is not being edited. */
function ReviewText({
  goalId,
  delegationId,
  field,
  canEdit,
}: {
  goalId: string;
  delegationId: string;
  field: TextField;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const id = useId();
  const value = useView((s) => s.review.entries[reviewKey(goalId, delegationId)]?.[field] ?? '');
  const confirmed = useConfirmedEntryField(goalId, delegationId, field) ?? '';
  const [draft, setDraft] = useState(value);
  const [touched, setTouched] = useState(false);
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);

  const save = () => {
    focused.current = false;
    if (draft === value) return;
    if (submit({ type: 'review:record', goalId, [field]: draft })) setTouched(true);
    else setDraft(value);
  };

  return (
    <div className="field">
      <label htmlFor={id}>
        {t(`review.fields.${field}`)}{' '}
        <SaveStatus view={draft === value ? value : undefined} confirmed={confirmed} touched={touched && draft === value} />
      </label>
      <textarea
        id={id}
        value={draft}
        rows={field === 'comments' ? 2 : 3}
        maxLength={LIMITS.goalTextChars}
        readOnly={!canEdit}
        dir="auto"
        data-field={field}
        onFocus={() => (focused.current = true)}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={save}
      />
    </div>
  );
}

function Amendments({ goal, delegationId }: { goal: Goal; delegationId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const mine = useViewShallow((s) =>
    s.review.amendmentOrder
      .map((id) => s.review.amendments[id]!)
      .filter((a) => a && a.goalId === goal.id && a.delegationId === delegationId),
  );
  const canPropose = useView((s, me) =>
    allowed(s, me, {
      type: 'amendment:propose',
      clientOpId: 'probe-amend',
      amendmentId: 'probe-amendment',
      goalId: goal.id,
      field: 'title',
      text: `${goal.title} …`,
    }),
  );
  const [open, setOpen] = useState(false);
  const [field, setField] = useState<AmendableField>('title');
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const textRef = useRef<HTMLTextAreaElement>(null);

  const start = () => {
    setOpen(true);
    setField('title');
    setText(goal.title);
    setError('');
    requestAnimationFrame(() => textRef.current?.focus());
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const proposed = text.trim();
    if (!proposed || proposed === goal[field]) return setError(t('review.amend.unchanged'));
    if (submit({ type: 'amendment:propose', amendmentId: newEntityId(), goalId: goal.id, field, text: proposed })) {
      setOpen(false);
      setError('');
    }
  };

  if (mine.length === 0 && !canPropose) return null;
  return (
    // not a landmark: one per goal, each with the same heading
    <div className="amendments">
      <h3 id={`${uid}-h`}>{t('review.amend.heading')}</h3>
      {mine.length > 0 && (
        <ul className="amendment-list" aria-label={t('review.amend.yours')}>
          {mine.map((a) => (
            <li key={a.id} className={`amendment amendment-${a.status}`} data-testid="my-amendment">
              <span className="amendment-status">
                <span aria-hidden="true">{a.status === 'open' ? '⏳' : a.status === 'accepted' ? '✓' : '✗'} </span>
                {t(`review.amend.status.${a.status}`)}
              </span>{' '}
              <span className="muted small">
                {t(`review.amend.${a.field}`)} · {f.dateTime(a.at)}
              </span>
              <p dir="auto" className="amendment-text">
                {a.proposed}
              </p>
            </li>
          ))}
        </ul>
      )}
      {canPropose && !open && (
        <button type="button" onClick={start}>
          {t('review.amend.propose')}
        </button>
      )}
      {canPropose && open && (
        <form className="amend-form" onSubmit={onSubmit} noValidate>
          <fieldset className="radio-group inline-radios">
            <legend>{t('review.amend.fieldLegend')}</legend>
            {AMENDABLE_FIELDS.map((fl) => (
              <label key={fl} className="check">
                <input
                  type="radio"
                  name={`${uid}-field`}
                  checked={field === fl}
                  onChange={() => {
                    setField(fl);
                    setText(goal[fl]);
                  }}
                />
                <span>{t(`review.amend.${fl}`)}</span>
              </label>
            ))}
          </fieldset>
          <div className="field">
            <label htmlFor={`${uid}-text`}>{t('review.amend.text')}</label>
            <textarea
              id={`${uid}-text`}
              ref={textRef}
              value={text}
              rows={field === 'title' ? 2 : 4}
              maxLength={LIMITS.goalTextChars}
              dir="auto"
              onChange={(e) => setText(e.target.value)}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${uid}-err` : undefined}
            />
          </div>
          {error && (
            <p id={`${uid}-err`} className="field-error" role="alert">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary">
              {t('review.amend.submit')}
            </button>
            <button type="button" onClick={() => setOpen(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
