// One note on the harvest board: its text and where it came from (table, round, delegation),
// a drag handle, and the non-drag alternative "Add to cluster…" for keyboard and touch users.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useDraggable, useDroppable } from '@dnd-kit/core';
import type { Note } from '@world-cafe/shared';
import { useView, useViewShallow } from '../../state/selectors';
import { ConceptChips } from './ConceptChips';
import { MenuButton, type MenuItem } from '../MenuButton';
import { NoteMeta } from './NoteMeta';
import { submit } from '../../state/store';
import { newEntityId } from '../../net/ids';

export interface NoteCardProps {
  note: Note;
  clusterId: string | null;
  canGroup: boolean;
  isFacilitator: boolean;
  selected?: boolean;
  onToggleSelect?: (id: string) => void;
  /** Further actions for the card's "More" menu (e.g. "Remove from cluster"). */
  moreItems?: readonly MenuItem[];
}

export function NoteCard({ note, clusterId, canGroup, isFacilitator, selected, onToggleSelect, moreItems = [] }: NoteCardProps) {
  const { t } = useTranslation();
  const drag = useDraggable({ id: note.id, disabled: !canGroup, data: { noteId: note.id } });
  const drop = useDroppable({ id: `n:${note.id}`, disabled: !canGroup, data: { noteId: note.id } });
  const spotlit = useView((s) => s.harvest.spotlight?.kind === 'note' && s.harvest.spotlight.id === note.id);
  const short = note.text.length > 60 ? `${note.text.slice(0, 57)}…` : note.text;
  // The whole card is dragged (and measured); only its handle starts a drag.
  const setRef = (el: HTMLElement | null) => {
    drag.setNodeRef(el);
    drop.setNodeRef(el);
  };
  return (
    <article
      ref={setRef}
      className={`hv-note note-${note.color}${drag.isDragging ? ' is-dragging' : ''}${drop.isOver ? ' is-over' : ''}${selected ? ' is-selected' : ''}`}
      aria-label={t('harvest.note.label', { text: note.text })}
      data-testid="hv-note"
      data-note-id={note.id}
    >
      <div className="hv-note-top">
        {canGroup && (
          <button
            type="button"
            ref={drag.setActivatorNodeRef}
            className="hv-handle"
            {...drag.listeners}
            {...drag.attributes}
            aria-label={t('harvest.note.drag', { text: short })}
            title={t('harvest.note.dragHint')}
          >
            <span aria-hidden="true">⠿</span>
          </button>
        )}
        <p className="hv-note-text" dir="auto">
          {note.text}
        </p>
      </div>
      <NoteMeta note={note} />
      <ConceptChips text={note.text} />
      <div className="hv-note-actions">
        {onToggleSelect && (
          <label className="hv-select">
            <input type="checkbox" checked={Boolean(selected)} onChange={() => onToggleSelect(note.id)} />
            <span className="sr-only">{t('harvest.note.select', { text: short })}</span>
            <span aria-hidden="true">{t('harvest.note.selectShort')}</span>
          </label>
        )}
        {canGroup && <AddToCluster noteId={note.id} clusterId={clusterId} short={short} />}
        {/* one primary action on the card; the rest wait in its menu */}
        {(isFacilitator || moreItems.length > 0) && (
          <MenuButton
            label={t('ui.menu.more')}
            name={t('ui.menu.moreFor', { name: short })}
            testId="hv-note-menu"
            items={[
              ...(isFacilitator
                ? [
                    {
                      key: 'spotlight',
                      role: 'menuitemcheckbox' as const,
                      checked: spotlit,
                      label: t('harvest.spotlight.show'),
                      onSelect: () => submit({ type: 'spotlight:set', target: spotlit ? null : { kind: 'note', id: note.id } }),
                    },
                  ]
                : []),
              ...moreItems,
            ]}
          />
        )}
      </div>
    </article>
  );
}

/** "Add to cluster…": a disclosure with one button per cluster (and "New cluster"). */
function AddToCluster({ noteId, clusterId, short }: { noteId: string; clusterId: string | null; short: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const btn = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const clusters = useViewShallow((s) => s.harvest.clusterOrder.map((id) => s.harvest.clusters[id]!).filter(Boolean));
  const count = clusters.length;
  useEffect(() => {
    if (open) list.current?.querySelector('button')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    btn.current?.focus();
  };
  return (
    // Escape from anywhere inside the open menu closes it; the keys reach it from its buttons.
    // eslint-disable-next-line jsx-a11y/no-static-element-interactions
    <div className="hv-menu" onKeyDown={(e) => e.key === 'Escape' && open && (e.stopPropagation(), close())}>
      <button
        type="button"
        className="small"
        ref={btn}
        aria-expanded={open}
        aria-label={t('harvest.note.addToLabel', { text: short })}
        onClick={() => setOpen((o) => !o)}
      >
        {t('harvest.note.addTo')}
      </button>
      {open && (
        <ul className="hv-menu-list" ref={list}>
          {clusters
            .filter((c) => c.id !== clusterId)
            .map((c) => (
              <li key={c.id}>
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    submit({ type: 'cluster:add-notes', clusterId: c.id, noteIds: [noteId] });
                    close();
                  }}
                >
                  <span dir="auto">{c.name}</span>
                </button>
              </li>
            ))}
          <li>
            <button
              type="button"
              className="small"
              onClick={() => {
                submit({
                  type: 'cluster:create',
                  clusterId: newEntityId(),
                  name: t('harvest.cluster.defaultName', { n: count + 1 }),
                  noteIds: [noteId],
                });
                close();
              }}
            >
              {t('harvest.note.newCluster')}
            </button>
          </li>
          <li>
            <button type="button" className="small link-button" onClick={close}>
              {t('common.cancel')}
            </button>
          </li>
        </ul>
      )}
    </div>
  );
}
