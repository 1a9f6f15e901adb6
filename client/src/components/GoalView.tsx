// A whole draft goal as delegations review it: rationale, objectives, actions with their lead
// delegations and timelines, indicators and the notes it came from. Text is rendered as text.
import { useTranslation } from 'react-i18next';
import type { Goal, WorkshopState } from '@world-cafe/shared';
import { useFormat } from '../lib/format';
import { useView } from '../state/selectors';

function delegationNames(delegations: WorkshopState['delegations'], ids: readonly string[]): string {
  return ids.map((d) => delegations[d]?.code ?? delegations[d]?.name ?? d).join(', ');
}

/** `headingLevel`: the level of the goal's own heading; the parts below it are one level down. */
export function GoalView({ goal, headingLevel = 3 }: { goal: Goal; headingLevel?: 2 | 3 | 4 }) {
  const { t } = useTranslation();
  const f = useFormat();
  const themeName = useView((s) => (goal.themeId ? (s.themes[goal.themeId]?.name ?? null) : null));
  const delegations = useView((s) => s.delegations);
  const leadsOf = (ids: readonly string[]) => delegationNames(delegations, ids);
  const notes = useView((s) => s.notes);
  const tables = useView((s) => s.tables);
  const H = (['h3', 'h4', 'h5'] as const)[headingLevel - 2]!;
  const sourceNotes = goal.sources.noteIds.map((id) => notes[id]).filter((n) => n !== undefined);
  const sourceTables = [...new Set(sourceNotes.map((n) => tables[n.tableId]?.name).filter((n): n is string => !!n))];
  return (
    <div className="goal-view">
      {themeName && <p className="theme-tag">{t('review.theme', { name: themeName })}</p>}
      {goal.rationale && (
        <>
          <H>{t('review.rationale')}</H>
          <p className="goal-rationale" dir="auto">
            {goal.rationale}
          </p>
        </>
      )}
      <H>{t('review.objectives')}</H>
      {goal.objectives.length === 0 ? (
        <p className="muted">{t('review.noItems')}</p>
      ) : (
        <ul className="goal-list">
          {goal.objectives.map((o) => (
            <li key={o.id} dir="auto">
              {o.text}
            </li>
          ))}
        </ul>
      )}
      <H>{t('review.actions')}</H>
      {goal.actions.length === 0 ? (
        <p className="muted">{t('review.noItems')}</p>
      ) : (
        <ul className="goal-list goal-actions">
          {goal.actions.map((a) => (
            <li key={a.id}>
              <span dir="auto">{a.text}</span>
              <span className="goal-action-meta">
                <span className="chip">{a.leads.length ? t('review.leads', { names: leadsOf(a.leads) }) : t('review.noLead')}</span>
                <span className="chip">{t('review.timeline', { start: String(a.start), end: String(a.end) })}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      <H>{t('review.indicators')}</H>
      {goal.indicators.length === 0 ? (
        <p className="muted">{t('review.noItems')}</p>
      ) : (
        <ul className="goal-list">
          {goal.indicators.map((o) => (
            <li key={o.id} dir="auto">
              {o.text}
            </li>
          ))}
        </ul>
      )}
      {sourceNotes.length > 0 && (
        <details className="goal-sources">
          <summary>
            {t('review.sourcesSummary', { count: sourceNotes.length, n: f.num(sourceNotes.length) })}
            {sourceTables.length > 0 && <> {t('review.fromTables', { tables: sourceTables.join(', ') })}</>}
          </summary>
          <ul className="goal-list">
            {sourceNotes.map((n) => (
              <li key={n.id} dir="auto">
                {n.text}
              </li>
            ))}
          </ul>
        </details>
      )}
    </div>
  );
}
