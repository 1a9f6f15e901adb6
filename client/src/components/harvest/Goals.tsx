// Work-plan goals drafted together: the list (the facilitator orders, merges, marks agreed and
// deletes) and the editor, where every text is edited live with conflict-safe saves and each
// goal shows the notes it grew from (table, round, delegation).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { GOAL_STATUSES, LIMITS, type GoalAction, type GoalItem, type GoalList } from '@world-cafe/shared';
import { useFormat } from '../../lib/format';
import { newEntityId } from '../../net/ids';
import { setMyPresence } from '../../net/presence';
import { submitTracked } from '../../state/harvest';
import { allowed } from '../../state/optimistic';
import { useMyRole, useView, useViewShallow } from '../../state/selectors';
import { submit } from '../../state/store';
import { askConfirm } from '../ConfirmDialog';
import { NoteMeta } from './NoteMeta';
import { EditorsBadge, VersionedText } from './VersionedText';

export function GoalsPanel({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string | null) => void }) {
  const { t } = useTranslation();
  const order = useViewShallow((s) => s.goalOrder);
  const role = useMyRole();
  const isFacilitator = role === 'facilitator';
  const current = selectedId && order.includes(selectedId) ? selectedId : (order[0] ?? null);
  const move = (id: string, by: -1 | 1) => {
    const i = order.indexOf(id);
    const j = i + by;
    if (i < 0 || j < 0 || j >= order.length) return;
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    submit({ type: 'goal:reorder', goalIds: next });
  };
  return (
    <section className="hv-goals" aria-labelledby="hv-goals-h">
      <h2 id="hv-goals-h">{t('harvest.goal.heading', { n: order.length })}</h2>
      {order.length === 0 && <p className="muted">{t('harvest.goal.none')}</p>}
      <div className="hv-goals-layout">
        {order.length > 0 && (
          <ol className="hv-goal-list" aria-label={t('harvest.goal.listLabel')}>
            {order.map((id, i) => (
              <GoalListItem
                key={id}
                goalId={id}
                index={i}
                count={order.length}
                current={id === current}
                isFacilitator={isFacilitator}
                onSelect={() => onSelect(id)}
                onMove={(by) => move(id, by)}
              />
            ))}
          </ol>
        )}
        {current && <GoalEditor key={current} goalId={current} onGone={() => onSelect(null)} />}
      </div>
    </section>
  );
}

function GoalListItem(props: {
  goalId: string;
  index: number;
  count: number;
  current: boolean;
  isFacilitator: boolean;
  onSelect: () => void;
  onMove: (by: -1 | 1) => void;
}) {
  const { goalId, index, count, current, isFacilitator, onSelect, onMove } = props;
  const { t } = useTranslation();
  const title = useView((s) => s.goals[goalId]?.title ?? '');
  const status = useView((s) => s.goals[goalId]?.status ?? 'draft');
  return (
    <li className={current ? 'current' : ''} data-testid="goal-list-item">
      <button type="button" className="hv-goal-pick" aria-current={current ? 'true' : undefined} onClick={onSelect}>
        <span dir="auto">{title}</span> <span className={`hv-badge status-${status}`}>{t(`harvest.goal.status.${status}`)}</span>
      </button>
      {isFacilitator && count > 1 && (
        <span className="hv-goal-order">
          <button
            type="button"
            className="small"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t('harvest.goal.moveUp', { title })}
          >
            ↑
          </button>
          <button
            type="button"
            className="small"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t('harvest.goal.moveDown', { title })}
          >
            ↓
          </button>
        </span>
      )}
    </li>
  );
}

function GoalEditor({ goalId, onGone }: { goalId: string; onGone: () => void }) {
  const { t } = useTranslation();
  const uid = useId();
  const goal = useView((s) => s.goals[goalId]);
  const role = useMyRole();
  const isFacilitator = role === 'facilitator';
  const canEdit = useView((s, me) =>
    allowed(s, me, { type: 'goal:item-add', clientOpId: 'probe-goal', goalId, list: 'objectives', itemId: 'probe-item', text: 'x' }),
  );
  const themes = useViewShallow((s) => s.themeOrder.map((id) => s.themes[id]!).filter(Boolean));
  const spotlit = useView((s) => s.harvest.spotlight?.kind === 'goal' && s.harvest.spotlight.id === goalId);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (!goal) onGone();
  }, [goal, onGone]);
  if (!goal) return null;
  const setField = (field: 'title' | 'rationale') => (text: string, baseVersion: number) =>
    submitTracked({ type: 'goal:set', goalId, field, value: text, baseVersion });

  return (
    <article className="card hv-goal-editor" aria-labelledby={`${uid}-h`} data-testid="goal-editor" data-goal-id={goalId}>
      <div className="hv-goal-head">
        <h3 id={`${uid}-h`} tabIndex={-1} ref={heading} dir="auto">
          {goal.title}
        </h3>
        <span className={`hv-badge status-${goal.status}`} data-testid="goal-status">
          {t(`harvest.goal.status.${goal.status}`)}
        </span>
      </div>
      {isFacilitator && <FacilitatorGoalTools goalId={goalId} status={goal.status} spotlit={spotlit} />}
      {!canEdit && <p className="muted small">{t('harvest.goal.readOnly')}</p>}
      <VersionedText
        label={t('harvest.goal.title')}
        value={goal.title}
        version={goal.versions.title}
        goalId={goalId}
        field="title"
        canEdit={canEdit}
        maxLength={LIMITS.goalTitleChars}
        save={setField('title')}
        testId="goal-title"
      />
      <div className="field">
        <div className="hv-vfield-head">
          <label htmlFor={`${uid}-th`}>{t('harvest.goal.theme')}</label>
          <EditorsBadge goalId={goalId} field="themeId" />
        </div>
        <select
          id={`${uid}-th`}
          value={goal.themeId ?? ''}
          disabled={!canEdit}
          onFocus={() => setMyPresence({ goalId, field: 'themeId' })}
          onBlur={() => setMyPresence(null)}
          onChange={(e) =>
            void submitTracked({
              type: 'goal:set',
              goalId,
              field: 'themeId',
              value: e.target.value || null,
              baseVersion: goal.versions.themeId,
            })
          }
        >
          <option value="">{t('harvest.goal.noTheme')}</option>
          {themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
        </select>
      </div>
      <VersionedText
        label={t('harvest.goal.rationale')}
        value={goal.rationale}
        version={goal.versions.rationale}
        goalId={goalId}
        field="rationale"
        multiline
        canEdit={canEdit}
        maxLength={LIMITS.goalTextChars}
        save={setField('rationale')}
        testId="goal-rationale"
      />
      <ItemList goalId={goalId} list="objectives" items={goal.objectives} canEdit={canEdit} />
      <ItemList goalId={goalId} list="actions" items={goal.actions} canEdit={canEdit} />
      <ItemList goalId={goalId} list="indicators" items={goal.indicators} canEdit={canEdit} />
      <Sources goalId={goalId} />
    </article>
  );
}

function FacilitatorGoalTools({ goalId, status, spotlit }: { goalId: string; status: string; spotlit: boolean }) {
  const { t } = useTranslation();
  const uid = useId();
  // Select the stable pieces and build the {id, title} pairs here: a selector that returns
  // fresh objects never compares equal, even shallowly, and loops the render (React error #185).
  const otherIds = useViewShallow((s) => s.goalOrder.filter((id) => id !== goalId));
  const otherTitles = useViewShallow((s) => otherIds.map((id) => s.goals[id]?.title ?? ''));
  const others = otherIds.map((id, i) => ({ id, title: otherTitles[i] ?? '' }));
  const title = useView((s) => s.goals[goalId]?.title ?? '');
  const [target, setTarget] = useState('');
  const merge = (e: FormEvent) => {
    e.preventDefault();
    const into = others.find((o) => o.id === target);
    if (!into) return;
    void askConfirm({
      title: t('ui.dialogs.mergeGoalTitle'),
      body: t('harvest.goal.confirmMerge', { from: title, into: into.title }),
      confirmLabel: t('ui.dialogs.mergeGoalYes'),
    }).then((ok) => ok && submit({ type: 'goal:merge', goalId: into.id, otherId: goalId }));
  };
  return (
    <div className="hv-goal-tools">
      <div role="group" aria-label={t('harvest.goal.statusLabel')} className="button-row">
        {GOAL_STATUSES.map((st) => (
          <button
            key={st}
            type="button"
            className={`small${st === 'agreed' ? ' primary' : ''}`}
            aria-pressed={status === st}
            disabled={status === st}
            onClick={() => submit({ type: 'goal:set-status', goalId, status: st })}
          >
            {t(`harvest.goal.setStatus.${st}`)}
          </button>
        ))}
      </div>
      <div className="button-row">
        <button
          type="button"
          className="small"
          aria-pressed={spotlit}
          onClick={() => submit({ type: 'spotlight:set', target: spotlit ? null : { kind: 'goal', id: goalId } })}
        >
          {spotlit ? t('harvest.spotlight.release') : t('harvest.spotlight.show')}
        </button>
        <button
          type="button"
          className="small danger-quiet"
          onClick={async () => {
            const ok = await askConfirm({
              title: t('harvest.goal.confirmDelete', { title }),
              body: t('ui.dialogs.deleteGoalBody'),
              confirmLabel: t('ui.dialogs.deleteGoalYes'),
              danger: true,
            });
            if (ok) submit({ type: 'goal:delete', goalId });
          }}
        >
          {t('harvest.goal.delete')}
        </button>
      </div>
      {others.length > 0 && (
        <form className="inline-form hv-merge" onSubmit={merge}>
          <label htmlFor={uid}>{t('harvest.goal.mergeInto')}</label>
          <select id={uid} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">{t('harvest.goal.chooseGoal')}</option>
            {others.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </select>
          <button type="submit" className="small" disabled={!target}>
            {t('harvest.goal.merge')}
          </button>
        </form>
      )}
    </div>
  );
}

function ItemList({
  goalId,
  list,
  items,
  canEdit,
}: {
  goalId: string;
  list: GoalList;
  items: Array<GoalItem | GoalAction>;
  canEdit: boolean;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [text, setText] = useState('');
  const add = (e: FormEvent) => {
    e.preventDefault();
    const v = text.trim();
    if (!v) return;
    if (submit({ type: 'goal:item-add', goalId, list, itemId: newEntityId(), text: v })) setText('');
  };
  return (
    <section className={`hv-items hv-${list}`} aria-labelledby={`${uid}-h`}>
      <h4 id={`${uid}-h`}>{t(`harvest.goal.${list}`)}</h4>
      {items.length === 0 && <p className="muted small">{t('harvest.goal.noItems')}</p>}
      <ol className="hv-item-list">
        {items.map((item, i) => (
          <li key={item.id}>
            <VersionedText
              label={t('harvest.goal.itemLabel', { list: t(`harvest.goal.${list}`), n: i + 1 })}
              labelHidden
              value={item.text}
              version={item.version}
              goalId={goalId}
              field={`${list}:${item.id}`}
              multiline={list === 'actions'}
              canEdit={canEdit}
              maxLength={LIMITS.goalItemChars}
              save={(v, baseVersion) => submitTracked({ type: 'goal:item-set', goalId, list, itemId: item.id, text: v, baseVersion })}
            />
            {list === 'actions' && <ActionDetails goalId={goalId} action={item as GoalAction} canEdit={canEdit} />}
            {canEdit && (
              <button
                type="button"
                className="small danger-quiet"
                onClick={() => submit({ type: 'goal:item-remove', goalId, list, itemId: item.id })}
                aria-label={t('harvest.goal.removeItem', { list: t(`harvest.goal.${list}`), n: i + 1 })}
              >
                {t('common.remove')}
              </button>
            )}
          </li>
        ))}
      </ol>
      {canEdit && (
        <form className="inline-form" onSubmit={add}>
          <label htmlFor={`${uid}-new`} className="sr-only">
            {t(`harvest.goal.new.${list}`)}
          </label>
          <input
            id={`${uid}-new`}
            value={text}
            maxLength={LIMITS.goalItemChars}
            onChange={(e) => setText(e.target.value)}
            placeholder={t(`harvest.goal.new.${list}`)}
            dir="auto"
          />
          <button type="submit" className="small" disabled={!text.trim()}>
            {t('harvest.goal.add')}
          </button>
        </form>
      )}
    </section>
  );
}

function ActionDetails({ goalId, action, canEdit }: { goalId: string; action: GoalAction; canEdit: boolean }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const years = useView((s) => s.planYears);
  const delegations = useViewShallow((s) => Object.values(s.delegations).sort((a, b) => a.code.localeCompare(b.code)));
  const codes = delegations.filter((d) => action.leads.includes(d.id)).map((d) => d.code);
  const range: number[] = [];
  for (let y = years.start; y <= years.end; y++) range.push(y);
  const patch = (p: { leads?: string[]; start?: number; end?: number }) =>
    void submitTracked({ type: 'goal:item-set', goalId, list: 'actions', itemId: action.id, baseVersion: action.version, ...p });
  return (
    <div className="hv-action-details">
      <details>
        <summary>{t('harvest.goal.leads', { codes: codes.length ? codes.join(', ') : t('harvest.goal.noLeads') })}</summary>
        <fieldset disabled={!canEdit}>
          <legend className="sr-only">{t('harvest.goal.leadsLegend')}</legend>
          <div className="check-grid">
            {delegations.map((d) => (
              <label key={d.id} className="check">
                <input
                  type="checkbox"
                  checked={action.leads.includes(d.id)}
                  onChange={(e) => patch({ leads: e.target.checked ? [...action.leads, d.id] : action.leads.filter((x) => x !== d.id) })}
                />
                <span>
                  {d.code} – {d.name}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      </details>
      <span className="hv-years">
        <label htmlFor={`${uid}-s`}>{t('harvest.goal.start')}</label>
        <select id={`${uid}-s`} value={action.start} disabled={!canEdit} onChange={(e) => patch({ start: Number(e.target.value) })}>
          {range.map((y) => (
            <option key={y} value={y} disabled={y > action.end}>
              {f.num(y).replace(/[,\s]/g, '')}
            </option>
          ))}
        </select>
        <label htmlFor={`${uid}-e`}>{t('harvest.goal.end')}</label>
        <select id={`${uid}-e`} value={action.end} disabled={!canEdit} onChange={(e) => patch({ end: Number(e.target.value) })}>
          {range.map((y) => (
            <option key={y} value={y} disabled={y < action.start}>
              {f.num(y).replace(/[,\s]/g, '')}
            </option>
          ))}
        </select>
      </span>
    </div>
  );
}

function Sources({ goalId }: { goalId: string }) {
  const { t } = useTranslation();
  const noteIds = useViewShallow((s) => s.goals[goalId]?.sources.noteIds ?? []);
  const clusters = useViewShallow((s) =>
    (s.goals[goalId]?.sources.clusterIds ?? []).map((id) => s.harvest.clusters[id]?.name ?? t('harvest.goal.clusterGone')),
  );
  const notes = useView((s) => s.notes);
  return (
    <section className="hv-sources" aria-labelledby={`src-${goalId}`}>
      <h4 id={`src-${goalId}`}>{t('harvest.goal.sources', { n: noteIds.length })}</h4>
      {clusters.length > 0 && <p className="small">{t('harvest.goal.fromClusters', { names: clusters.join(', ') })}</p>}
      {noteIds.length === 0 && <p className="muted small">{t('harvest.goal.noSources')}</p>}
      <ul className="plain-list hv-source-list">
        {noteIds.map((id) => {
          const n = notes[id];
          return (
            <li key={id}>
              {n ? (
                <>
                  <span dir="auto">{n.text}</span> <NoteMeta note={n} />
                </>
              ) : (
                <span className="muted">{t('harvest.goal.noteGone')}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
