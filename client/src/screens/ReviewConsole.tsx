// The chair's side of the review, shown in the facilitator console from the harvest on: open the
// review (with a deadline), the goals × delegations matrix, reminders, delegation review links,
// amendments to decide, closing, and the exports.
import { ReviewChart } from '../components/charts/lazy';
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  decide,
  incompleteDelegations,
  reviewMatrix,
  reviewingDelegations,
  type Amendment,
  type MatrixCell,
  type WorkshopState,
} from '@world-cafe/shared';
import { CopyField } from '../components/CopyField';
import { QrCode } from '../components/QrCode';
import { ExportPanel } from '../components/ExportPanel';
import { DeadlineInfo, StanceBadge, useMissingText, WordDiff } from '../components/ReviewBits';
import { useFormat } from '../lib/format';
import { REVIEW_CARDS_QUERY, useMediaQuery } from '../lib/useMediaQuery';
import { apiErrorCode, errorText } from '../lib/apiErrors';
import { type InviteInfo, inviteLink, issueInvite, listInvites, revokeInvite, type IssuedInvite } from '../net/reviewApi';
import { allowed } from '../state/optimistic';
import { fromLocalInput, toLocalInput } from '../state/review';
import { useMeId, useView } from '../state/selectors';
import { submit, useStore } from '../state/store';
import '../review.css';

export function ReviewConsole() {
  const phase = useView((s) => s.phase);
  if (phase !== 'harvest' && phase !== 'review' && phase !== 'closed') return null;
  return (
    <div className="review-console" data-testid="review-console">
      {phase === 'harvest' ? <OpenReview /> : <ReviewOverview />}
      <ExportPanel />
    </div>
  );
}

function DeadlineInput({ value, onChange, id }: { value: string; onChange: (v: string) => void; id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const ms = fromLocalInput(value);
  return (
    <div className="field">
      <label htmlFor={id}>{t('review.console.deadlineLabel')}</label>
      <input id={id} type="datetime-local" value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={`${id}-preview`} />
      <p id={`${id}-preview`} className="muted small" aria-live="polite">
        {ms !== null ? t('review.console.deadlinePreview', { date: f.dateTime(ms) }) : ''}
      </p>
    </div>
  );
}

function OpenReview() {
  const { t } = useTranslation();
  const uid = useId();
  const hasGoals = useView((s) => s.goalOrder.length > 0);
  const meId = useMeId();
  const canOpen = useView((s, me) => allowed(s, me, { type: 'review:open', clientOpId: 'probe-open', deadline: null }));
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const open = () => {
    const deadline = fromLocalInput(value);
    if (value && (deadline === null || deadline <= Date.now())) return setError(t('review.console.deadlineInvalid'));
    setError('');
    submit({ type: 'review:open', deadline });
  };
  if (!meId) return null;
  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('review.console.heading')}</h2>
      <p>{t('review.console.openHelp')}</p>
      {!hasGoals && <p className="notice">{t('review.console.noGoals')}</p>}
      <DeadlineInput id={`${uid}-deadline`} value={value} onChange={setValue} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={open} disabled={!canOpen}>
          {t('review.console.open')}
        </button>
      </div>
    </section>
  );
}

function ReviewOverview() {
  const { t } = useTranslation();
  const uid = useId();
  const state = useView((s) => s);
  const isReview = state.phase === 'review';
  return (
    <>
      <section className="card" aria-labelledby={`${uid}-h`}>
        <h2 id={`${uid}-h`}>{t('review.console.heading')}</h2>
        {isReview && <DeadlineInfo />}
        {isReview && <DeadlineControl />}
        {!isReview && <p className="muted">{t('console.phaseHelp.closed')}</p>}
      </section>
      <ReviewChart />
      <ReviewMatrix state={state} />
      {isReview && <Reminders state={state} />}
      <AmendmentsPanel state={state} />
      {isReview && <InviteLinks state={state} />}
      {isReview && <CloseReview state={state} />}
    </>
  );
}

function DeadlineControl() {
  const { t } = useTranslation();
  const uid = useId();
  const deadline = useView((s) => s.review.deadline);
  const [value, setValue] = useState(() => (deadline !== null ? toLocalInput(deadline) : ''));
  const [error, setError] = useState('');
  // A deadline set elsewhere replaces what the field shows (during render, not in an effect).
  const [shown, setShown] = useState(deadline);
  if (shown !== deadline) {
    setShown(deadline);
    setValue(deadline !== null ? toLocalInput(deadline) : '');
  }
  const save = () => {
    const ms = fromLocalInput(value);
    if (ms === null || ms <= Date.now()) return setError(t('review.console.deadlineInvalid'));
    setError('');
    submit({ type: 'review:set-deadline', deadline: ms });
  };
  return (
    <details className="deadline-control">
      <summary>{t('review.console.changeDeadline')}</summary>
      <DeadlineInput id={`${uid}-d`} value={value} onChange={setValue} />
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={save}>
          {t('review.console.saveDeadline')}
        </button>
        {deadline !== null && (
          <button type="button" className="danger-quiet" onClick={() => submit({ type: 'review:set-deadline', deadline: null })}>
            {t('review.console.removeDeadline')}
          </button>
        )}
      </div>
    </details>
  );
}

// ---------------------------------------------------------------- matrix

function ReviewMatrix({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const missingText = useMissingText();
  const matrix = useMemo(() => reviewMatrix(state), [state]);
  const delegations = useMemo(() => reviewingDelegations(state), [state]);
  const completeCount = useMemo(() => delegations.length - incompleteDelegations(state).length, [state, delegations]);
  const [selected, setSelected] = useState<{ goalId: string; delegationId: string } | null>(null);
  const detailHeading = useRef<HTMLHeadingElement>(null);
  const lastCell = useRef<HTMLButtonElement | null>(null);

  useEffect(() => {
    if (selected) detailHeading.current?.focus();
  }, [selected]);

  const cell = selected ? matrix.flat().find((c) => c.goalId === selected.goalId && c.delegationId === selected.delegationId) : undefined;
  const narrow = useMediaQuery(REVIEW_CARDS_QUERY);

  const cellButton = (c: MatrixCell, goalTitle: string) => {
    const isSel = selected?.goalId === c.goalId && selected.delegationId === c.delegationId;
    return (
      <button
        type="button"
        className={`matrix-cell${isSel ? ' selected' : ''}`}
        aria-expanded={isSel}
        aria-controls={`${uid}-detail`}
        data-testid={`cell-${c.goalId}-${c.delegationId}`}
        onClick={(e) => {
          lastCell.current = e.currentTarget;
          setSelected(isSel ? null : { goalId: c.goalId, delegationId: c.delegationId });
        }}
      >
        <StanceBadge stance={c.stance} />
        <span className="cell-missing">{c.missing.length === 0 ? '✓ ' + t('review.missing.complete') : missingText(c.missing)}</span>
        {/* the name is what the cell shows, then whose and which goal (WCAG 2.5.3) */}
        <span className="sr-only">
          {t('review.console.cellContext', {
            delegation: state.delegations[c.delegationId]?.name ?? c.delegationId,
            goal: goalTitle,
          })}
        </span>
      </button>
    );
  };

  return (
    <section className="card" aria-labelledby={`${uid}-h`} data-testid="review-matrix">
      <h2 id={`${uid}-h`}>{t('review.console.matrixHeading')}</h2>
      {delegations.length === 0 ? (
        <p className="muted">{t('review.console.matrixEmpty')}</p>
      ) : (
        <>
          <p className="muted small">
            {t('review.console.complete', { count: delegations.length, n: f.num(completeCount), total: f.num(delegations.length) })}
          </p>
          {narrow ? (
            // A phone or a zoomed-in laptop: one card per goal, its delegations listed down the card.
            <ul className="review-cards" data-testid="review-cards">
              {matrix.map((row, i) => {
                const goal = state.goals[state.goalOrder[i]!];
                return (
                  <li key={state.goalOrder[i]} className="review-card">
                    <h3 dir="auto">{goal?.title}</h3>
                    <ul className="review-card-cells">
                      {row.map((c) => (
                        <li key={c.delegationId} className={c.missing.length === 0 ? 'cell-complete' : 'cell-incomplete'}>
                          <span className="review-card-who">
                            <abbr title={state.delegations[c.delegationId]?.name}>{state.delegations[c.delegationId]?.code}</abbr>
                          </span>
                          {cellButton(c, goal?.title ?? '')}
                        </li>
                      ))}
                    </ul>
                  </li>
                );
              })}
            </ul>
          ) : (
            // A scrolling region must be reachable by keyboard to be scrolled (axe scrollable-region-focusable).
            // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex
            <div className="matrix-scroll" role="region" aria-label={t('review.console.matrixRegion')} tabIndex={0}>
              <table className="review-matrix">
                <caption className="sr-only">{t('review.console.matrixCaption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('review.console.goalCol')}</th>
                    {delegations.map((d) => (
                      <th key={d} scope="col" title={state.delegations[d]?.name}>
                        <abbr title={state.delegations[d]?.name}>{state.delegations[d]?.code}</abbr>
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {matrix.map((row, i) => {
                    const goal = state.goals[state.goalOrder[i]!];
                    return (
                      <tr key={state.goalOrder[i]}>
                        <th scope="row" dir="auto">
                          {goal?.title}
                        </th>
                        {row.map((c) => (
                          <td key={c.delegationId} className={c.missing.length === 0 ? 'cell-complete' : 'cell-incomplete'}>
                            {cellButton(c, goal?.title ?? '')}
                          </td>
                        ))}
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <div id={`${uid}-detail`}>
        {cell && (
          <CellDetail
            cell={cell}
            state={state}
            headingRef={detailHeading}
            onClose={() => {
              setSelected(null);
              lastCell.current?.focus();
            }}
          />
        )}
      </div>
    </section>
  );
}

function CellDetail({
  cell,
  state,
  headingRef,
  onClose,
}: {
  cell: MatrixCell;
  state: WorkshopState;
  headingRef: React.RefObject<HTMLHeadingElement | null>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const missingText = useMissingText();
  const e = cell.entry;
  const delegation = state.delegations[cell.delegationId]?.name ?? cell.delegationId;
  const goal = state.goals[cell.goalId]?.title ?? '';
  const text = (v: string | undefined) =>
    v?.trim() ? (
      <p dir="auto" className="pre-wrap">
        {v}
      </p>
    ) : (
      <p className="muted">{t('review.console.none')}</p>
    );
  return (
    <div className="cell-detail" data-testid="cell-detail">
      <div className="cell-detail-head">
        <h3 tabIndex={-1} ref={headingRef} dir="auto">
          {t('review.console.detailHeading', { delegation, goal })}
        </h3>
        <button type="button" className="small" onClick={onClose}>
          {t('review.console.closeDetail')}
        </button>
      </div>
      {!e ? (
        <p className="muted">{t('review.console.notStarted')}</p>
      ) : (
        <dl className="detail-list">
          <dt>{t('review.stance.legend')}</dt>
          <dd>
            <StanceBadge stance={e.stance} /> <span className="muted small">{missingText(cell.missing)}</span>
          </dd>
          <dt>{t('review.fields.situation')}</dt>
          <dd>{text(e.situation)}</dd>
          <dt>{t('review.fields.needs')}</dt>
          <dd>{text(e.needs)}</dd>
          <dt>{t('review.fields.resources')}</dt>
          <dd>{text(e.resources)}</dd>
          <dt>{t('review.feasibility.legend')}</dt>
          <dd>{e.feasibility !== null ? t(`review.feasibility.n${e.feasibility as 1 | 2 | 3 | 4 | 5}`) : t('review.console.none')}</dd>
          <dt>{t('review.fields.partners')}</dt>
          <dd>{e.partners.length ? e.partners.map((d) => state.delegations[d]?.name ?? d).join(', ') : t('review.console.none')}</dd>
          <dt>{t('review.fields.comments')}</dt>
          <dd>{text(e.comments)}</dd>
        </dl>
      )}
      {e && (
        <p className="muted small">
          {t('review.console.updated', { name: state.participants[e.updatedBy]?.name ?? '?', date: f.dateTime(e.updatedAt) })}
        </p>
      )}
    </div>
  );
}

// ---------------------------------------------------------------- reminders

function Reminders({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const pending = useMemo(() => incompleteDelegations(state), [state]);
  const last = state.review.reminders.at(-1);
  const names = (ids: readonly string[]) => ids.map((d) => state.delegations[d]?.code ?? d).join(', ');
  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('review.console.remindHeading')}</h2>
      {pending.length === 0 ? (
        <p className="muted">{t('review.console.allDone')}</p>
      ) : (
        <div className="button-row">
          <button type="button" onClick={() => submit({ type: 'review:remind' })} data-testid="remind">
            {t('review.console.remind', { count: pending.length, n: f.num(pending.length) })}
          </button>
          <span className="muted small">{names(pending)}</span>
        </div>
      )}
      <p className="muted small" data-testid="last-reminder">
        {last
          ? t('review.console.lastReminder', { date: f.dateTime(last.at), names: names(last.delegationIds) })
          : t('review.console.noReminder')}
      </p>
    </section>
  );
}

// ---------------------------------------------------------------- amendments

function AmendmentsPanel({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const uid = useId();
  const meId = useMeId();
  const all = state.review.amendmentOrder.map((id) => state.review.amendments[id]).filter((a): a is Amendment => !!a);
  const open = all.filter((a) => a.status === 'open');
  const decided = all.filter((a) => a.status !== 'open');
  const byGoal = new Map<string, Amendment[]>();
  for (const a of decided) byGoal.set(a.goalId, [...(byGoal.get(a.goalId) ?? []), a]);
  const canDecide = (a: Amendment) =>
    allowed(state, meId, { type: 'amendment:decide', clientOpId: 'probe-decide', amendmentId: a.id, accept: false });
  return (
    <section className="card" aria-labelledby={`${uid}-h`} data-testid="amendments-panel">
      <h2 id={`${uid}-h`}>{t('review.amend.heading')}</h2>
      {open.length === 0 && <p className="muted">{t('review.amend.none')}</p>}
      <ul className="amendment-list">
        {open.map((a) => (
          <OpenAmendment key={a.id} a={a} state={state} canDecide={canDecide(a)} />
        ))}
      </ul>
      {decided.length > 0 && (
        <>
          <h3>{t('review.amend.history')}</h3>
          {state.goalOrder
            .filter((g) => byGoal.has(g))
            .map((g) => (
              <div key={g} className="amend-history">
                <h4 dir="auto">{state.goals[g]?.title}</h4>
                <ul className="amendment-list">
                  {byGoal.get(g)!.map((a) => (
                    <li key={a.id} className={`amendment amendment-${a.status}`} data-testid="decided-amendment">
                      <span className="amendment-status">
                        <span aria-hidden="true">{a.status === 'accepted' ? '✓' : '✗'} </span>
                        {t(`review.amend.status.${a.status}`)}
                      </span>{' '}
                      <span className="muted small">
                        {t(`review.amend.${a.field}`)} · {state.delegations[a.delegationId]?.code}
                      </span>
                      <p dir="auto" className="amendment-text">
                        {a.proposed}
                      </p>
                      {a.replaced !== null && (
                        <p dir="auto" className="muted small">
                          {t('review.amend.replaced', { text: a.replaced })}
                        </p>
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            ))}
        </>
      )}
    </section>
  );
}

function OpenAmendment({ a, state, canDecide }: { a: Amendment; state: WorkshopState; canDecide: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const goal = state.goals[a.goalId];
  const current = goal ? goal[a.field] : '';
  const delegation = state.delegations[a.delegationId]?.name ?? a.delegationId;
  const labelValues = { delegation, field: t(`review.amend.field.${a.field}`), goal: goal?.title ?? '' };
  return (
    <li className="amendment amendment-open card-inset" data-testid="open-amendment">
      <p className="small">
        <strong dir="auto">{goal?.title}</strong> · {t(`review.amend.${a.field}`)}
        <br />
        <span className="muted">{t('review.amend.by', { delegation, date: f.dateTime(a.at) })}</span>
      </p>
      {a.baseText !== current && <p className="warning small">{t('review.amend.stale')}</p>}
      <div className="amend-compare">
        <div>
          <h3>{t('review.amend.current')}</h3>
          <p dir="auto" className="pre-wrap">
            {current}
          </p>
        </div>
        <div>
          <h3>{t('review.amend.proposed')}</h3>
          <WordDiff before={current} after={a.proposed} />
        </div>
      </div>
      {canDecide && (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            aria-label={t('review.amend.acceptLabel', labelValues)}
            onClick={() => submit({ type: 'amendment:decide', amendmentId: a.id, accept: true })}
          >
            <span aria-hidden="true">✓ </span>
            {t('review.amend.accept')}
          </button>
          <button
            type="button"
            className="danger-quiet"
            aria-label={t('review.amend.rejectLabel', labelValues)}
            onClick={() => submit({ type: 'amendment:decide', amendmentId: a.id, accept: false })}
          >
            <span aria-hidden="true">✗ </span>
            {t('review.amend.reject')}
          </button>
        </div>
      )}
    </li>
  );
}

// ---------------------------------------------------------------- review links

/** Lifetimes offered for a new review link, in days (the server's default is 30). */
const INVITE_DAYS = [1, 7, 14, 30, 90] as const;

function InviteLinks({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const workshopId = useStore((s) => s.workshopId);
  const token = useStore((s) => s.token);
  const delegations = Object.values(state.delegations).sort((a, b) => a.name.localeCompare(b.name));
  const [delegationId, setDelegationId] = useState(delegations[0]?.id ?? '');
  const [days, setDays] = useState<number>(30);
  const [issued, setIssued] = useState<IssuedInvite[]>([]);
  const [links, setLinks] = useState<InviteInfo[]>([]);
  /** The server's time when the list was read, so "expired" follows the server's clock, not this device's. */
  const [now, setNow] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  useEffect(() => {
    if (!workshopId || !token) return;
    let live = true;
    listInvites(workshopId, token).then(
      (r) => {
        if (!live) return;
        setLinks(r.invites);
        setNow(r.now);
      },
      () => live && setError(t('review.console.loadFailed')),
    );
    return () => {
      live = false;
    };
  }, [workshopId, token, t]);

  const issue = async () => {
    if (!workshopId || !token || !delegationId) return;
    setBusy(true);
    setError('');
    try {
      const inv = await issueInvite(workshopId, token, delegationId, days);
      setIssued((xs) => [inv, ...xs.filter((x) => x.delegationId !== inv.delegationId)]);
      setLinks((xs) => [...xs, inv]);
    } catch (err) {
      setError(errorText(t, apiErrorCode(err)));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async (id: string) => {
    if (!workshopId || !token) return;
    setError('');
    try {
      const done = await revokeInvite(workshopId, token, id);
      setLinks((xs) => xs.map((x) => (x.id === id ? done : x)));
      setIssued((xs) => xs.filter((x) => x.id !== id));
      setStatus(t('review.console.revoked'));
    } catch (err) {
      setError(errorText(t, apiErrorCode(err)));
    }
  };
  const nameOf = (id: string) => state.delegations[id]?.name ?? id;
  return (
    <section className="card" aria-labelledby={`${uid}-h`} data-testid="invite-links">
      <h2 id={`${uid}-h`}>{t('review.console.invitesHeading')}</h2>
      <p className="muted">{t('review.console.invitesHelp')}</p>
      <div className="inline-form invite-form">
        <div className="field">
          <label htmlFor={`${uid}-d`}>{t('review.console.inviteFor')}</label>
          <select id={`${uid}-d`} value={delegationId} onChange={(e) => setDelegationId(e.target.value)}>
            {delegations.map((d) => (
              <option key={d.id} value={d.id} dir="auto">
                {d.name} ({d.code})
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${uid}-x`}>{t('review.console.validFor')}</label>
          <select id={`${uid}-x`} value={days} onChange={(e) => setDays(Number(e.target.value))} data-testid="invite-days">
            {INVITE_DAYS.map((n) => (
              <option key={n} value={n}>
                {t('review.console.days', { count: n })}
              </option>
            ))}
          </select>
        </div>
        <button type="button" onClick={issue} disabled={busy || !delegationId}>
          {busy ? t('review.console.issuing') : t('review.console.issue')}
        </button>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <ul className="plain-list invite-list">
        {issued.map((inv) => {
          const name = nameOf(inv.delegationId);
          const link = inviteLink(inv);
          return (
            <li key={inv.invite} className="invite-item">
              <div className="grow">
                <CopyField
                  label={t('review.console.linkLabel', { delegation: name })}
                  value={link}
                  secret
                  testId={`invite-link-${inv.delegationId}`}
                />
                {inv.expiresAt != null && (
                  <p className="small muted">{t('review.console.expiresOn', { date: f.dateTime(inv.expiresAt) })}</p>
                )}
              </div>
              <QrCode value={link} size={144} alt={t('review.console.qrAlt', { delegation: name })} />
            </li>
          );
        })}
      </ul>
      <h3>{t('review.console.issuedHeading')}</h3>
      <p role="status" className="small">
        {status}
      </p>
      {links.length === 0 ? (
        <p className="muted">{t('review.console.noLinks')}</p>
      ) : (
        <ul className="plain-list invite-status-list" data-testid="invite-status-list">
          {links.map((l) => {
            const issuedAt = l.issuedAt != null ? f.dateTime(l.issuedAt) : t('review.console.none');
            const delegation = nameOf(l.delegationId);
            const state =
              l.revokedAt != null
                ? t('review.console.revokedOn', { date: f.dateTime(l.revokedAt) })
                : l.expiresAt != null && l.expiresAt <= now
                  ? t('review.console.expiredOn', { date: f.dateTime(l.expiresAt) })
                  : l.expiresAt != null
                    ? t('review.console.expiresOn', { date: f.dateTime(l.expiresAt) })
                    : '';
            const active = l.revokedAt == null && (l.expiresAt == null || l.expiresAt > now);
            return (
              <li key={l.id} className="invite-status" data-testid={`invite-${l.id}`}>
                <span>
                  {t('review.console.linkStatus', { delegation, issued: issuedAt })} · {state}
                </span>
                {active && (
                  <button
                    type="button"
                    className="small"
                    onClick={() => void revoke(l.id)}
                    aria-label={t('review.console.revokeLabel', { delegation, issued: issuedAt })}
                  >
                    {t('review.console.revoke')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

// ---------------------------------------------------------------- close

function CloseReview({ state }: { state: WorkshopState }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const meId = useMeId();
  const dialog = useRef<HTMLDialogElement>(null);
  const [refused, setRefused] = useState(false);
  const pending = useMemo(() => incompleteDelegations(state), [state]);
  const canForce = allowed(state, meId, { type: 'review:close', clientOpId: 'probe-close', force: true });
  if (!canForce) return null;

  const openDialog = () => {
    setRefused(false);
    dialog.current?.showModal();
  };
  const close = (force: boolean) => {
    if (!force && meId) {
      const d = decide(
        state,
        { type: 'review:close', clientOpId: 'probe-close', force: false },
        { kind: 'participant', participantId: meId },
        { now: Date.now() },
      );
      if (!d.ok && d.error.code === 'conflict') {
        setRefused(true);
        return;
      }
    }
    if (submit({ type: 'review:close', force })) dialog.current?.close();
  };
  const names = pending.map((d) => state.delegations[d]?.name ?? d).join(', ');
  return (
    <section className="card" aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`}>{t('review.console.closeHeading')}</h2>
      <p className="muted">{t('review.console.closeHelp')}</p>
      <button type="button" className="danger-quiet" onClick={openDialog}>
        {t('review.console.close')}
      </button>
      <dialog
        ref={dialog}
        className="confirm-dialog"
        aria-labelledby={`${uid}-dh`}
        aria-describedby={`${uid}-db`}
        onClose={() => setRefused(false)}
      >
        <h2 id={`${uid}-dh`}>{t('review.console.confirmTitle')}</h2>
        <p id={`${uid}-db`}>{t('review.console.confirmBody')}</p>
        {refused && (
          <p className="warning" role="alert">
            {t('review.console.incomplete', { count: pending.length, n: f.num(pending.length), names })}
          </p>
        )}
        <div className="button-row">
          {refused ? (
            <button type="button" className="primary" onClick={() => close(true)}>
              {t('review.console.closeAnyway')}
            </button>
          ) : (
            <button type="button" className="primary" onClick={() => close(false)}>
              {t('review.console.confirm')}
            </button>
          )}
          <button type="button" onClick={() => dialog.current?.close()} autoFocus>
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </section>
  );
}
