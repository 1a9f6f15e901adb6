// The harvest board: every note of every table and round, filterable, grouped into named
// clusters by drag and drop (@dnd-kit, with a keyboard sensor that jumps between drop targets
// and spoken announcements) or by the "Add to cluster…" menu on each note.
import { useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type Collision,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
  type KeyboardCoordinateGetter,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { conceptLabel, LIMITS, type Note, type WorkshopState } from '@world-cafe/shared';
import { newEntityId } from '../../net/ids';
import { allowed } from '../../state/optimistic';
import { useMyRole, useView, useViewShallow } from '../../state/selectors';
import { selectView, submit, useStore } from '../../state/store';
import { allNotes, clusterOfNote, commonTheme, matchesFilter, NO_FILTER, type NoteFilter } from '../../state/harvest';
import { noteConcepts } from '../../lib/noteConcepts';
import { askConfirm } from '../ConfirmDialog';
import { MenuButton } from '../MenuButton';
import { NoteCard } from './NoteCard';
import { Suggestions } from './Suggestions';

const PROBE = 'probe-harvest';

export function useCanGroup(): boolean {
  return useView((s, me) => allowed(s, me, { type: 'cluster:create', clientOpId: PROBE, clusterId: PROBE, name: 'x', noteIds: [] }));
}

export function useCanDraft(): boolean {
  return useView((s, me) =>
    allowed(s, me, { type: 'goal:create', clientOpId: PROBE, goalId: PROBE, title: 'x', themeId: null, clusterIds: [], noteIds: [] }),
  );
}

/** Keyboard dragging: an arrow key jumps to the nearest drop target in that direction. */
const jumpToTarget: KeyboardCoordinateGetter = (event, { active, context }) => {
  const { collisionRect, droppableRects, droppableContainers } = context;
  const dir = { ArrowDown: [0, 1], ArrowUp: [0, -1], ArrowRight: [1, 0], ArrowLeft: [-1, 0] }[event.code];
  if (!dir || !collisionRect) return undefined;
  event.preventDefault();
  const cx = collisionRect.left + collisionRect.width / 2;
  const cy = collisionRect.top + collisionRect.height / 2;
  // Targets inside a 2:3 cone in that direction first, then anything further that way.
  let best: { x: number; y: number } | null = null;
  let bestScore = Infinity;
  for (const c of droppableContainers.getEnabled()) {
    if (c.id === `n:${String(active)}`) continue;
    const r = droppableRects.get(c.id);
    if (!r) continue;
    const dx = r.left + r.width / 2 - cx;
    const dy = r.top + r.height / 2 - cy;
    const along = dx * dir[0]! + dy * dir[1]!;
    if (along <= 4) continue;
    const across = Math.abs(dir[0] ? dy : dx);
    const score = along + across * 3 + (across > along * 1.5 ? 1e6 : 0);
    if (score < bestScore) {
      bestScore = score;
      best = { x: r.left + r.width / 2 - collisionRect.width / 2, y: r.top + r.height / 2 - collisionRect.height / 2 };
    }
  }
  return best ?? undefined;
};

/**
 * Pointer: what is under the pointer; keyboard: what contains the dragged note's centre (the
 * keyboard getter moves it onto the centre of a target). Never the note itself; a note wins
 * over the cluster around it.
 */
const collisions: CollisionDetection = (args) => {
  const activeId = `n:${String(args.active.id)}`;
  const containers = args.droppableContainers.filter((c) => c.id !== activeId);
  let hits: Collision[];
  if (args.pointerCoordinates) hits = pointerWithin({ ...args, droppableContainers: containers });
  else {
    const r = args.collisionRect;
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    hits = containers
      .filter((c) => {
        const d = args.droppableRects.get(c.id);
        return d && x >= d.left && x <= d.left + d.width && y >= d.top && y <= d.top + d.height;
      })
      .map((c) => ({ id: c.id, data: { droppableContainer: c, value: 0 } }));
  }
  const note = hits.find((c) => String(c.id).startsWith('n:'));
  return note ? [note] : hits.slice(0, 1);
};

function currentState(): WorkshopState | null {
  return selectView(useStore.getState())?.state ?? null;
}

export function HarvestBoard({ onDrafted }: { onDrafted: (goalId: string) => void }) {
  const { t } = useTranslation();
  const role = useMyRole();
  const isFacilitator = role === 'facilitator';
  const canGroup = useCanGroup();
  const canDraft = useCanDraft();
  const notes = useViewShallow((s) => allNotes(s));
  const owner = useViewShallow((s) => clusterOfNote(s));
  const clusterIds = useViewShallow((s) => s.harvest.clusterOrder);
  const [filter, setFilter] = useState<NoteFilter>(NO_FILTER);
  const visible = useViewShallow((s) =>
    allNotes(s)
      .filter((n) => matchesFilter(s, n, filter))
      .map((n) => n.id),
  );
  const visibleSet = useMemo(() => new Set(visible), [visible]);
  const [selected, setSelected] = useState<string[]>([]);
  const [activeId, setActiveId] = useState<string | null>(null);
  const pool = notes.filter((n) => !owner[n.id] && visibleSet.has(n.id));
  const poolDrop = useDroppable({ id: 'pool', disabled: !canGroup });

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: jumpToTarget }),
  );

  const toggle = (id: string) => setSelected((sel) => (sel.includes(id) ? sel.filter((x) => x !== id) : [...sel, id]));

  const noteText = (id: UniqueIdentifier): string => {
    const text = currentState()?.notes[String(id)]?.text ?? '';
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  };
  const nameOf = (id: UniqueIdentifier): string => {
    const s = currentState();
    if (!s) return '';
    const key = String(id);
    if (key === 'pool') return t('harvest.dnd.pool');
    if (key.startsWith('c:')) return t('harvest.dnd.cluster', { name: s.harvest.clusters[key.slice(2)]?.name ?? '' });
    return t('harvest.dnd.note', { text: noteText(key.slice(2)) });
  };

  const announcements: Announcements = {
    onDragStart: ({ active }) => t('harvest.dnd.picked', { text: noteText(active.id) }),
    onDragOver: ({ active, over }) =>
      over
        ? t('harvest.dnd.over', { text: noteText(active.id), target: nameOf(over.id) })
        : t('harvest.dnd.notOver', { text: noteText(active.id) }),
    onDragEnd: ({ active, over }) =>
      over
        ? t('harvest.dnd.dropped', { text: noteText(active.id), target: nameOf(over.id) })
        : t('harvest.dnd.cancelled', { text: noteText(active.id) }),
    onDragCancel: ({ active }) => t('harvest.dnd.cancelled', { text: noteText(active.id) }),
  };

  const onDragStart = (e: DragStartEvent) => setActiveId(String(e.active.id));
  const onDragEnd = (e: DragEndEvent) => {
    setActiveId(null);
    const s = currentState();
    if (!s || !e.over) return;
    const noteId = String(e.active.id);
    const target = String(e.over.id);
    const from = clusterOfNote(s)[noteId] ?? null;
    if (target === 'pool') {
      if (from) submit({ type: 'cluster:remove-note', clusterId: from, noteId });
      return;
    }
    if (target.startsWith('c:')) {
      const clusterId = target.slice(2);
      if (clusterId !== from) submit({ type: 'cluster:add-notes', clusterId, noteIds: [noteId] });
      return;
    }
    if (target.startsWith('n:')) {
      const other = target.slice(2);
      if (other === noteId) return;
      const otherCluster = clusterOfNote(s)[other];
      if (otherCluster) {
        if (otherCluster !== from) submit({ type: 'cluster:add-notes', clusterId: otherCluster, noteIds: [noteId] });
      } else {
        submit({
          type: 'cluster:create',
          clusterId: newEntityId(),
          name: t('harvest.cluster.defaultName', { n: s.harvest.clusterOrder.length + 1 }),
          noteIds: [other, noteId],
        });
      }
    }
  };

  const groupSelected = () => {
    const s = currentState();
    if (!s || selected.length === 0) return;
    if (
      submit({
        type: 'cluster:create',
        clusterId: newEntityId(),
        name: t('harvest.cluster.defaultName', { n: s.harvest.clusterOrder.length + 1 }),
        noteIds: selected,
      })
    )
      setSelected([]);
  };
  const draftFromSelection = () => {
    const s = currentState();
    if (!s || selected.length === 0) return;
    const goalId = newEntityId();
    const first = s.notes[selected[0]!]?.text ?? '';
    const title = first.length > 80 ? `${first.slice(0, 77)}…` : first;
    if (
      submit({
        type: 'goal:create',
        goalId,
        title: title || t('harvest.goal.untitled'),
        themeId: commonTheme(s, selected),
        clusterIds: [],
        noteIds: selected,
      })
    ) {
      setSelected([]);
      onDrafted(goalId);
    }
  };

  const active = activeId ? notes.find((n) => n.id === activeId) : undefined;

  return (
    <section className="hv-board-wrap" aria-labelledby="hv-board-h">
      <h2 id="hv-board-h">{t('harvest.board.heading', { n: notes.length })}</h2>
      {isFacilitator && <GroupingToggle />}
      {!canGroup && role !== 'facilitator' && <p className="muted">{t('harvest.board.readOnly')}</p>}
      {canGroup && <p className="muted small">{t('harvest.board.help')}</p>}
      <Filters filter={filter} onChange={setFilter} shown={visible.length} total={notes.length} />
      {canGroup && <Suggestions />}
      {(canGroup || canDraft) && selected.length > 0 && (
        <div className="hv-selection" role="region" aria-label={t('harvest.selection.label')}>
          <span>{t('harvest.selection.count', { count: selected.length, n: selected.length })}</span>
          {canGroup && (
            <button type="button" className="small" onClick={groupSelected}>
              {t('harvest.selection.group')}
            </button>
          )}
          {canDraft && (
            <button type="button" className="small primary" onClick={draftFromSelection}>
              {t('harvest.selection.draft')}
            </button>
          )}
          <button type="button" className="small link-button" onClick={() => setSelected([])}>
            {t('harvest.selection.clear')}
          </button>
        </div>
      )}
      <DndContext
        sensors={sensors}
        collisionDetection={collisions}
        onDragStart={onDragStart}
        onDragEnd={onDragEnd}
        onDragCancel={() => setActiveId(null)}
        accessibility={{ announcements, screenReaderInstructions: { draggable: t('harvest.dnd.instructions') } }}
      >
        <div className="hv-board">
          <section
            ref={poolDrop.setNodeRef}
            className={`hv-pool${poolDrop.isOver ? ' is-over' : ''}`}
            aria-labelledby="hv-pool-h"
            data-testid="hv-pool"
          >
            <h3 id="hv-pool-h">{t('harvest.board.unclustered', { n: pool.length })}</h3>
            {pool.length === 0 && <p className="muted small">{t('harvest.board.poolEmpty')}</p>}
            <ul className="hv-note-list">
              {pool.map((n) => (
                <li key={n.id}>
                  <NoteCard
                    note={n}
                    clusterId={null}
                    canGroup={canGroup}
                    isFacilitator={isFacilitator}
                    selected={selected.includes(n.id)}
                    onToggleSelect={canGroup || canDraft ? toggle : undefined}
                  />
                </li>
              ))}
            </ul>
          </section>
          <section className="hv-clusters" aria-labelledby="hv-clusters-h">
            <h3 id="hv-clusters-h">{t('harvest.board.clusters', { n: clusterIds.length })}</h3>
            {clusterIds.length === 0 && <p className="muted small">{t('harvest.board.noClusters')}</p>}
            <ul className="hv-cluster-grid">
              {clusterIds.map((id) => (
                <li key={id}>
                  <ClusterCard
                    clusterId={id}
                    visible={visibleSet}
                    canGroup={canGroup}
                    canDraft={canDraft}
                    isFacilitator={isFacilitator}
                    selected={selected}
                    onToggleSelect={canGroup || canDraft ? toggle : undefined}
                    onDrafted={onDrafted}
                  />
                </li>
              ))}
            </ul>
          </section>
        </div>
        <DragOverlay dropAnimation={null}>
          {active ? (
            <div className={`hv-note hv-overlay note-${active.color}`}>
              <p className="hv-note-text" dir="auto">
                {active.text}
              </p>
            </div>
          ) : null}
        </DragOverlay>
      </DndContext>
    </section>
  );
}

function GroupingToggle() {
  const { t } = useTranslation();
  const grouping = useView((s) => s.harvest.grouping);
  const name = useId();
  return (
    <fieldset className="hv-grouping">
      <legend>{t('harvest.grouping.legend')}</legend>
      {(['hosts', 'everyone'] as const).map((g) => (
        <label key={g} className="check">
          <input type="radio" name={name} checked={grouping === g} onChange={() => submit({ type: 'harvest:configure', grouping: g })} />
          <span>{t(`harvest.grouping.${g}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function Filters({
  filter,
  onChange,
  shown,
  total,
}: {
  filter: NoteFilter;
  onChange: (f: NoteFilter) => void;
  shown: number;
  total: number;
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.resolvedLanguage ?? i18n.language;
  const texts = useViewShallow((s) => Object.values(s.notes).map((n) => n.text));
  const concepts = useMemo(() => conceptOptions(texts, locale), [texts, locale]);
  const uid = useId();
  const tables = useViewShallow((s) => s.tableOrder.map((id) => s.tables[id]!).filter(Boolean));
  const themes = useViewShallow((s) => s.themeOrder.map((id) => s.themes[id]!).filter(Boolean));
  const delegations = useViewShallow((s) => Object.values(s.delegations).sort((a, b) => a.code.localeCompare(b.code)));
  const rounds = useViewShallow((s) => [...new Set(Object.values(s.notes).map((n) => n.round))].sort((a, b) => a - b));
  const set = (k: keyof NoteFilter) => (e: { target: { value: string } }) => onChange({ ...filter, [k]: e.target.value });
  const any = filter.tableId || filter.round || filter.themeId || filter.delegationId || filter.concept;
  return (
    <fieldset className="hv-filters">
      <legend className="sr-only">{t('harvest.filter.legend')}</legend>
      <div className="field">
        <label htmlFor={`${uid}-t`}>{t('harvest.filter.table')}</label>
        <select id={`${uid}-t`} value={filter.tableId} onChange={set('tableId')}>
          <option value="">{t('harvest.filter.all')}</option>
          {tables.map((tb) => (
            <option key={tb.id} value={tb.id}>
              {tb.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-r`}>{t('harvest.filter.round')}</label>
        <select id={`${uid}-r`} value={filter.round} onChange={set('round')}>
          <option value="">{t('harvest.filter.all')}</option>
          {rounds.map((r) => (
            <option key={r} value={String(r)}>
              {t('harvest.note.round', { round: r })}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-th`}>{t('harvest.filter.theme')}</label>
        <select id={`${uid}-th`} value={filter.themeId} onChange={set('themeId')}>
          <option value="">{t('harvest.filter.all')}</option>
          {themes.map((th) => (
            <option key={th.id} value={th.id}>
              {th.name}
            </option>
          ))}
          <option value="-">{t('harvest.filter.noTheme')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-d`}>{t('harvest.filter.delegation')}</label>
        <select id={`${uid}-d`} value={filter.delegationId} onChange={set('delegationId')}>
          <option value="">{t('harvest.filter.all')}</option>
          {delegations.map((d) => (
            <option key={d.id} value={d.id}>
              {d.code} – {d.name}
            </option>
          ))}
          <option value="-">{t('harvest.filter.noDelegation')}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${uid}-c`}>{t('concepts.filter')}</label>
        <select
          id={`${uid}-c`}
          value={filter.concept}
          onChange={set('concept')}
          aria-describedby={`${uid}-ch`}
          data-testid="hv-concept-filter"
        >
          <option value="">{t('harvest.filter.all')}</option>
          {concepts.map((c) => (
            <option key={c.id} value={c.id}>
              {c.label} ({c.count})
            </option>
          ))}
        </select>
        <span id={`${uid}-ch`} className="sr-only">
          {t('concepts.filterHelp')}
        </span>
      </div>
      <p className="muted small hv-filter-count" role="status">
        {any ? t('harvest.filter.showing', { shown, total }) : ''}
        {any && (
          <button type="button" className="link-button small" onClick={() => onChange(NO_FILTER)}>
            {t('harvest.filter.clear')}
          </button>
        )}
      </p>
    </fieldset>
  );
}

/** The concepts the harvest's notes are about, with how many notes each, by label. */
function conceptOptions(texts: readonly string[], locale: string): Array<{ id: string; label: string; count: number }> {
  const counts = new Map<string, number>();
  for (const text of texts) for (const id of noteConcepts(text)) counts.set(id, (counts.get(id) ?? 0) + 1);
  const collator = new Intl.Collator(locale);
  return [...counts]
    .map(([id, count]) => ({ id, label: conceptLabel(id, locale) ?? id, count }))
    .sort((a, b) => collator.compare(a.label, b.label));
}

interface ClusterCardProps {
  clusterId: string;
  visible: ReadonlySet<string>;
  canGroup: boolean;
  canDraft: boolean;
  isFacilitator: boolean;
  selected: string[];
  onToggleSelect?: (id: string) => void;
  onDrafted: (goalId: string) => void;
}

function ClusterCard({ clusterId, visible, canGroup, canDraft, isFacilitator, selected, onToggleSelect, onDrafted }: ClusterCardProps) {
  const { t } = useTranslation();
  const cluster = useView((s) => s.harvest.clusters[clusterId]);
  const notes = useViewShallow((s) =>
    (s.harvest.clusters[clusterId]?.noteIds ?? []).map((id) => s.notes[id]).filter((n): n is Note => Boolean(n)),
  );
  const spotlit = useView((s) => s.harvest.spotlight?.kind === 'cluster' && s.harvest.spotlight.id === clusterId);
  const goals = useView((s) => s.goalOrder.filter((g) => s.goals[g]?.sources.clusterIds.includes(clusterId)).length);
  const drop = useDroppable({ id: `c:${clusterId}`, disabled: !canGroup });
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState('');
  const uid = useId();
  if (!cluster) return null;
  const shown = notes.filter((n) => visible.has(n.id));
  const hidden = notes.length - shown.length;

  const rename = (e: FormEvent) => {
    e.preventDefault();
    const v = name.trim();
    if (v && v !== cluster.name) submit({ type: 'cluster:rename', clusterId, name: v });
    setRenaming(false);
  };
  const draft = () => {
    const s = currentState();
    if (!s) return;
    const goalId = newEntityId();
    if (
      submit({
        type: 'goal:create',
        goalId,
        title: cluster.name,
        themeId: commonTheme(s, cluster.noteIds),
        clusterIds: [clusterId],
        noteIds: [],
      })
    )
      onDrafted(goalId);
  };

  return (
    <section
      ref={drop.setNodeRef}
      className={`card hv-cluster${drop.isOver ? ' is-over' : ''}${spotlit ? ' is-spotlit' : ''}`}
      aria-labelledby={`${uid}-h`}
      data-testid="hv-cluster"
      data-cluster-id={clusterId}
    >
      <div className="hv-cluster-head">
        {renaming ? (
          <form onSubmit={rename} className="inline-form">
            <label htmlFor={`${uid}-n`} className="sr-only">
              {t('harvest.cluster.nameLabel')}
            </label>
            <input
              id={`${uid}-n`}
              value={name}
              maxLength={LIMITS.nameChars}
              onChange={(e) => setName(e.target.value)}
              onKeyDown={(e) => e.key === 'Escape' && setRenaming(false)}
              autoFocus
              dir="auto"
            />
            <button type="submit" className="small primary">
              {t('common.save')}
            </button>
            <button type="button" className="small" onClick={() => setRenaming(false)}>
              {t('common.cancel')}
            </button>
          </form>
        ) : (
          <h4 id={`${uid}-h`} dir="auto">
            {cluster.name} <span className="muted small">({t('harvest.cluster.count', { count: notes.length, n: notes.length })})</span>
          </h4>
        )}
        {goals > 0 && <span className="hv-badge">{t('harvest.cluster.goals', { count: goals, n: goals })}</span>}
      </div>
      <div className="button-row hv-cluster-actions">
        {canDraft && (
          <button
            type="button"
            className="small primary"
            onClick={draft}
            aria-label={t('harvest.cluster.draftLabel', { name: cluster.name })}
          >
            {t('harvest.cluster.draft')}
          </button>
        )}
        {(canGroup || isFacilitator) && !renaming && (
          <MenuButton
            label={t('ui.menu.more')}
            name={t('ui.menu.moreFor', { name: cluster.name })}
            testId="hv-cluster-menu"
            items={[
              ...(canGroup
                ? [
                    {
                      key: 'rename',
                      label: t('harvest.cluster.rename'),
                      onSelect: () => {
                        setName(cluster.name);
                        setRenaming(true);
                      },
                    },
                  ]
                : []),
              ...(isFacilitator
                ? [
                    {
                      key: 'spotlight',
                      role: 'menuitemcheckbox' as const,
                      checked: spotlit,
                      label: t('harvest.spotlight.show'),
                      onSelect: () => submit({ type: 'spotlight:set', target: spotlit ? null : { kind: 'cluster', id: clusterId } }),
                    },
                  ]
                : []),
              ...(canGroup
                ? [
                    {
                      key: 'delete',
                      danger: true,
                      label: t('common.delete'),
                      onSelect: () =>
                        void askConfirm({
                          title: t('ui.dialogs.deleteClusterTitle'),
                          body: t('harvest.cluster.confirmDelete', { name: cluster.name }),
                          confirmLabel: t('ui.dialogs.deleteClusterYes'),
                          danger: true,
                        }).then((ok) => ok && submit({ type: 'cluster:delete', clusterId })),
                    },
                  ]
                : []),
            ]}
          />
        )}
      </div>
      {notes.length === 0 && <p className="muted small">{t('harvest.cluster.empty')}</p>}
      <ul className="hv-note-list">
        {shown.map((n) => (
          <li key={n.id}>
            <NoteCard
              note={n}
              clusterId={clusterId}
              canGroup={canGroup}
              isFacilitator={isFacilitator}
              selected={selected.includes(n.id)}
              onToggleSelect={onToggleSelect}
              moreItems={
                canGroup
                  ? [
                      {
                        key: 'remove',
                        label: t('harvest.cluster.removeNote'),
                        onSelect: () => submit({ type: 'cluster:remove-note', clusterId, noteId: n.id }),
                      },
                    ]
                  : []
              }
            />
          </li>
        ))}
      </ul>
      {hidden > 0 && <p className="muted small">{t('harvest.cluster.hidden', { count: hidden, n: hidden })}</p>}
    </section>
  );
}
