// The chart components dropped into the screens (through ./lazy.tsx, so d3 and the drawing code
// load only where a chart is shown). Each reads the live view and draws with shared/src/charts.
import { useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  delegationActivityFigure,
  participationFigure,
  reviewFigure,
  seatingMixFigures,
  voteFigure,
  type FigureOptions,
} from '@world-cafe/shared/charts';
import type { VoteKind } from '@world-cafe/shared';
import { useView } from '../../state/selectors';
import { useChartLabels } from '../../i18n/charts';
import { Figure } from './Figure';
import './charts.css';

function useOptions(): FigureOptions {
  const labels = useChartLabels();
  const prefix = `c${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  return useMemo(() => ({ mode: 'screen', labels, idPrefix: prefix }), [labels, prefix]);
}

function useVoteTitle(kind: VoteKind | undefined, n: number): string {
  const { t } = useTranslation();
  return kind ? `${t(`harvest.vote.kindsShort.${kind}`)} · ${t('harvest.vote.nth', { n })}` : '';
}

/** The revealed results of one vote as bars (nothing before the reveal). */
export function VoteChart({ voteId, big = false }: { voteId: string; big?: boolean }) {
  const o = useOptions();
  const vote = useView((s) => s.harvest.votes[voteId]);
  const n = useView((s) => s.harvest.voteOrder.indexOf(voteId) + 1);
  const title = useVoteTitle(vote?.kind, n);
  // the whole view: a chart is cheap to draw, and item names may change after the reveal
  const state = useView((s) => s);
  const figure = useMemo(() => (vote?.results ? voteFigure(state, voteId, title, o) : null), [state, vote, voteId, title, o]);
  if (!figure) return null;
  return <Figure figure={figure} labels={o.labels} big={big} testId="vote-chart" />;
}

/** The projector shows the latest revealed vote during the harvest. */
export function LatestVoteChart() {
  const latest = useView((s) =>
    s.phase === 'harvest' ? ([...s.harvest.voteOrder].reverse().find((id) => s.harvest.votes[id]?.results) ?? null) : null,
  );
  const labels = useChartLabels();
  if (!latest) return null;
  return (
    <section className="proj-chart" aria-label={labels.votes.axis}>
      <VoteChart voteId={latest} big />
    </section>
  );
}

/** The café console: the seating mix of the plan (before and during the café) and, once notes flow, participation. */
export function CafeCharts() {
  const o = useOptions();
  const labels = o.labels;
  const state = useView((s) => s);
  const phase = state.phase;
  const mix = useMemo(() => seatingMixFigures(state, o), [state, o]);
  const heat = useMemo(() => (phase === 'cafe' ? participationFigure(state, o) : null), [phase, state, o]);
  const byDelegation = useMemo(() => (phase === 'cafe' ? delegationActivityFigure(state, o) : null), [phase, state, o]);
  return (
    <div className="chart-group">
      {heat && byDelegation && (
        <section className="cafe-block" aria-labelledby={`${o.idPrefix}-p`} data-testid="participation-charts">
          <h3 id={`${o.idPrefix}-p`}>{labels.participation.title}</h3>
          <Figure figure={heat} labels={labels} testId="participation-chart" />
          <Figure figure={byDelegation} labels={labels} testId="delegation-chart" />
        </section>
      )}
      {mix.length > 0 && (
        <section className="cafe-block" aria-labelledby={`${o.idPrefix}-s`} data-testid="seating-mix">
          <h3 id={`${o.idPrefix}-s`}>{labels.seating.heading}</h3>
          <div className="chart-row">
            {mix.map((f) => (
              <Figure key={f.id} figure={f} labels={labels} testId="seating-chart" />
            ))}
          </div>
        </section>
      )}
    </div>
  );
}

/** The review console: stances as a picture, with the missing reviews per delegation. */
export function ReviewChart() {
  const o = useOptions();
  const state = useView((s) => s);
  const figure = useMemo(() => reviewFigure(state, o), [state, o]);
  return (
    <section className="card" aria-labelledby={`${o.idPrefix}-r`} data-testid="review-chart-card">
      <h2 id={`${o.idPrefix}-r`}>{o.labels.review.title}</h2>
      <Figure figure={figure} labels={o.labels} testId="review-chart" />
    </section>
  );
}
