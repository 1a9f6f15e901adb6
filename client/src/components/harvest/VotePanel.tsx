// Dot voting: the facilitator opens a vote over clusters, notes or goals; delegates spend their
// dots with +/− buttons (the server enforces budgets); results stay hidden until revealed,
// except to the facilitator, who receives every ballot and sees live totals.
import { useId, useState, type FormEvent } from 'react';
import { VoteChart } from '../charts/lazy';
import { useTranslation } from 'react-i18next';
import {
  dotsSpent,
  LIMITS,
  ranked,
  voterKey,
  voteTally,
  VOTE_KINDS,
  type Vote,
  type VoteKind,
  type VoteResults,
  type WorkshopState,
} from '@world-cafe/shared';
import { useFormat } from '../../lib/format';
import { newEntityId } from '../../net/ids';
import { allowed } from '../../state/optimistic';
import { useMeId, useMyRole, useView } from '../../state/selectors';
import { submit } from '../../state/store';

export function itemName(s: WorkshopState, kind: VoteKind, id: string): string {
  if (kind === 'cluster') return s.harvest.clusters[id]?.name ?? '—';
  if (kind === 'goal') return s.goals[id]?.title ?? '—';
  return s.notes[id]?.text ?? '—';
}

export function VotePanel() {
  const { t } = useTranslation();
  const role = useMyRole();
  const voteOrder = useView((s) => s.harvest.voteOrder);
  const openId = useView((s) => s.harvest.voteOrder.find((id) => s.harvest.votes[id]?.status === 'open') ?? null);
  const latest = openId ?? voteOrder.at(-1) ?? null;
  const [picked, setPicked] = useState<string | null>(null);
  const shownId = picked && voteOrder.includes(picked) && !openId ? picked : latest;
  const uid = useId();
  return (
    <section className="hv-votes" aria-labelledby="hv-votes-h">
      <h2 id="hv-votes-h">{t('harvest.vote.heading')}</h2>
      {role === 'facilitator' && !openId && <OpenVoteForm />}
      {!shownId && role !== 'facilitator' && <p className="muted">{t('harvest.vote.none')}</p>}
      {!openId && voteOrder.length > 1 && (
        <div className="field narrow-select">
          <label htmlFor={uid}>{t('harvest.vote.pickPast')}</label>
          <select id={uid} value={shownId ?? ''} onChange={(e) => setPicked(e.target.value)}>
            {voteOrder.map((id, i) => (
              <option key={id} value={id}>
                {t('harvest.vote.nth', { n: i + 1 })}
              </option>
            ))}
          </select>
        </div>
      )}
      {shownId && <VoteView voteId={shownId} />}
    </section>
  );
}

function OpenVoteForm() {
  const { t } = useTranslation();
  const uid = useId();
  const [kind, setKind] = useState<VoteKind>('cluster');
  const [budget, setBudget] = useState(5);
  const [maxPerItem, setMax] = useState(2);
  const [per, setPer] = useState<'participant' | 'delegation'>('participant');
  const counts = useView((s) => `${s.harvest.clusterOrder.length},${Object.keys(s.notes).length},${s.goalOrder.length}`)
    .split(',')
    .map(Number);
  const count = counts[VOTE_KINDS.indexOf(kind)] ?? 0;
  const [error, setError] = useState('');
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!(budget >= 1 && budget <= LIMITS.voteBudget) || !(maxPerItem >= 1 && maxPerItem <= budget))
      return setError(t('harvest.vote.badNumbers', { max: LIMITS.voteBudget }));
    setError('');
    submit({ type: 'vote:open', voteId: newEntityId(), kind, budget, per, maxPerItem });
  };
  return (
    <form className="card stack hv-open-vote" onSubmit={onSubmit} noValidate aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('harvest.vote.openHeading')}</h3>
      <div className="field-row">
        <div className="field">
          <label htmlFor={`${uid}-k`}>{t('harvest.vote.kind')}</label>
          <select id={`${uid}-k`} value={kind} onChange={(e) => setKind(e.target.value as VoteKind)}>
            {VOTE_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`harvest.vote.kinds.${k}`, { n: counts[VOTE_KINDS.indexOf(k)] ?? 0 })}
              </option>
            ))}
          </select>
        </div>
        <div className="field narrow">
          <label htmlFor={`${uid}-b`}>{t('harvest.vote.budget')}</label>
          <input
            id={`${uid}-b`}
            type="number"
            min={1}
            max={LIMITS.voteBudget}
            value={Number.isFinite(budget) ? budget : ''}
            onChange={(e) => setBudget(e.target.valueAsNumber)}
          />
        </div>
        <div className="field narrow">
          <label htmlFor={`${uid}-m`}>{t('harvest.vote.maxPerItem')}</label>
          <input
            id={`${uid}-m`}
            type="number"
            min={1}
            max={LIMITS.voteBudget}
            value={Number.isFinite(maxPerItem) ? maxPerItem : ''}
            onChange={(e) => setMax(e.target.valueAsNumber)}
          />
        </div>
        <div className="field">
          <label htmlFor={`${uid}-p`}>{t('harvest.vote.per')}</label>
          <select id={`${uid}-p`} value={per} onChange={(e) => setPer(e.target.value as 'participant' | 'delegation')}>
            <option value="participant">{t('harvest.vote.perParticipant')}</option>
            <option value="delegation">{t('harvest.vote.perDelegation')}</option>
          </select>
        </div>
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" className="primary" disabled={count === 0}>
          {t('harvest.vote.open')}
        </button>
        {count === 0 && <span className="muted small">{t('harvest.vote.nothing')}</span>}
      </div>
    </form>
  );
}

function VoteView({ voteId }: { voteId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const vote = useView((s) => s.harvest.votes[voteId]);
  const role = useMyRole();
  const meId = useMeId();
  const key = useView((s, me) => (me && s.harvest.votes[voteId] ? voterKey(s, s.harvest.votes[voteId], me) : null));
  const live = useView((s) =>
    role === 'facilitator' && s.harvest.votes[voteId] ? JSON.stringify(voteTally(s, s.harvest.votes[voteId])) : null,
  );
  const names = useView((s) =>
    s.harvest.votes[voteId]
      ? JSON.stringify(Object.fromEntries(s.harvest.votes[voteId].items.map((i) => [i, itemName(s, s.harvest.votes[voteId]!.kind, i)])))
      : '{}',
  );
  const canVote = useView(
    (s, me) => role !== 'facilitator' && role !== 'observer' && Boolean(me && s.harvest.votes[voteId]?.status === 'open'),
  );
  if (!vote) return null;
  const nameOf = JSON.parse(names) as Record<string, string>;
  const spent = key ? dotsSpent(vote, key) : 0;
  const left = vote.budget - spent;
  const perLabel = vote.per === 'delegation' ? t('harvest.vote.perDelegation') : t('harvest.vote.perParticipant');

  return (
    <div className="card hv-vote" data-testid="vote" data-vote-status={vote.status}>
      <p className="hv-vote-rules">
        <span className={`hv-badge vote-${vote.status}`}>{t(`harvest.vote.status.${vote.status}`)}</span>{' '}
        {t('harvest.vote.rules', {
          kind: t(`harvest.vote.kindsShort.${vote.kind}`),
          budget: vote.budget,
          max: vote.maxPerItem,
          per: perLabel,
        })}
      </p>
      {role === 'facilitator' && (
        <div className="button-row">
          {!vote.results && (
            <button type="button" className="primary" onClick={() => submit({ type: 'vote:reveal', voteId })}>
              {t('harvest.vote.reveal')}
            </button>
          )}
          {vote.status === 'open' && (
            <button type="button" onClick={() => submit({ type: 'vote:close', voteId })}>
              {t('harvest.vote.close')}
            </button>
          )}
        </div>
      )}
      {vote.status === 'open' && canVote && key && (
        <>
          <p className="hv-dots-left" role="status" aria-live="polite" data-testid="dots-left">
            {t('harvest.vote.left', { left: f.num(left), budget: f.num(vote.budget) })}
            {vote.per === 'delegation' && <span className="muted small"> {t('harvest.vote.sharedBudget')}</span>}
          </p>
          <ul className="hv-ballot">
            {vote.items.map((item) => (
              <BallotRow key={item} vote={vote} item={item} name={nameOf[item] ?? ''} mine={vote.ballots[key]?.[item] ?? 0} meId={meId} />
            ))}
          </ul>
        </>
      )}
      {vote.status === 'open' && !canVote && role !== 'facilitator' && <p className="muted">{t('harvest.vote.cannotVote')}</p>}
      {role === 'facilitator' && !vote.results && live && (
        <Results vote={vote} results={JSON.parse(live) as VoteResults} nameOf={nameOf} live />
      )}
      {vote.results && <VoteChart voteId={voteId} />}
      {vote.results && <Results vote={vote} results={vote.results} nameOf={nameOf} />}
      {!vote.results && role !== 'facilitator' && <p className="muted">{t('harvest.vote.hidden')}</p>}
    </div>
  );
}

function BallotRow({ vote, item, name, mine, meId }: { vote: Vote; item: string; name: string; mine: number; meId: string | null }) {
  const { t } = useTranslation();
  const f = useFormat();
  const canAdd = useView((s) => allowed(s, meId, { type: 'vote:cast', clientOpId: 'probe-vote', voteId: vote.id, itemId: item, delta: 1 }));
  const short = name.length > 60 ? `${name.slice(0, 57)}…` : name;
  return (
    <li className="hv-ballot-row" data-testid="ballot-row">
      <span className="hv-ballot-name" dir="auto">
        {name}
      </span>
      <span className="hv-ballot-ctl">
        <button
          type="button"
          className="small"
          disabled={mine === 0}
          aria-label={t('harvest.vote.remove', { name: short })}
          onClick={() => submit({ type: 'vote:cast', voteId: vote.id, itemId: item, delta: -1 })}
        >
          −
        </button>
        <span className="hv-dots">
          <span className="sr-only">{t('harvest.vote.myDots', { count: mine, n: f.num(mine) })}</span>
          <span aria-hidden="true">{'●'.repeat(mine) || '·'}</span>
          <span aria-hidden="true" className="hv-dot-n">
            {f.num(mine)}
          </span>
        </span>
        <button
          type="button"
          className="small"
          disabled={!canAdd}
          aria-label={t('harvest.vote.add', { name: short })}
          onClick={() => submit({ type: 'vote:cast', voteId: vote.id, itemId: item, delta: 1 })}
        >
          +
        </button>
      </span>
    </li>
  );
}

function Results({
  vote,
  results,
  nameOf,
  live = false,
}: {
  vote: Vote;
  results: VoteResults;
  nameOf: Record<string, string>;
  live?: boolean;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const [byDel, setByDel] = useState(false);
  const delegations = useView((s) => s.delegations);
  const rows = ranked({ ...vote, results });
  const max = Math.max(1, ...rows.map((r) => r.dots));
  const delIds = [...new Set(Object.values(results.byDelegation).flatMap((r) => Object.keys(r)))].sort();
  const dName = (d: string) => (d === '-' ? t('harvest.vote.noDelegation') : (delegations[d]?.code ?? d));
  return (
    <section
      className="hv-results"
      aria-label={live ? t('harvest.vote.liveLabel') : t('harvest.vote.resultsLabel')}
      data-testid={live ? 'live-totals' : 'results'}
    >
      <h3>{live ? t('harvest.vote.live') : t('harvest.vote.results')}</h3>
      <ol className="hv-bars">
        {rows.map((r, i) => (
          <li key={r.item}>
            <span className="hv-bar-label">
              <span className="hv-rank">{f.num(i + 1)}.</span> <span dir="auto">{nameOf[r.item]}</span>
            </span>
            <span className="hv-bar-track" aria-hidden="true">
              <span className="hv-bar" style={{ width: `${(r.dots / max) * 100}%` }} />
            </span>
            <span className="hv-bar-n">{t('harvest.vote.dots', { count: r.dots, n: f.num(r.dots) })}</span>
          </li>
        ))}
      </ol>
      <button type="button" className="small" aria-pressed={byDel} onClick={() => setByDel((v) => !v)}>
        {t('harvest.vote.byDelegation')}
      </button>
      {byDel && (
        <div className="hv-table-wrap">
          <table className="hv-table">
            <caption className="sr-only">{t('harvest.vote.byDelegationCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('harvest.vote.item')}</th>
                {delIds.map((d) => (
                  <th scope="col" key={d}>
                    {dName(d)}
                  </th>
                ))}
                <th scope="col">{t('harvest.vote.total')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.item}>
                  <th scope="row" dir="auto">
                    {nameOf[r.item]}
                  </th>
                  {delIds.map((d) => (
                    <td key={d}>{f.num(results.byDelegation[r.item]?.[d] ?? 0)}</td>
                  ))}
                  <td>{f.num(r.dots)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
