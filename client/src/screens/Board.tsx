import {
  memo,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FormEvent,
  type KeyboardEvent,
  type PointerEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { charCount, LIMITS, NOTE_COLORS, type Note, type NoteColor } from '@world-cafe/shared';
import { useFormat } from '../lib/format';
import { navigate, paths } from '../lib/router';
import { PHONE_QUERY, useMediaQuery } from '../lib/useMediaQuery';
import { newEntityId } from '../net/ids';
import { allowed } from '../state/optimistic';
import { notesOf, seatedAt, useMeId, useMyRole, useView, useViewShallow } from '../state/selectors';
import { submit, useStore } from '../state/store';
import { CarryForward, QuestionsInForce, SummaryEditorIfHost, useCarryForwardCount, useNewcomer } from '../components/CafeBoard';
import { isTyping } from '../components/ShortcutSheet';
import { freeSpot, layoutNotes, type Box } from '../lib/noteLayout';
import { readString, writeString } from '../lib/storage';
import { OnlineDot, TableHere, TypingLine } from '../components/Presence';
import { noteTyping } from '../net/presence';
import { deleteNoteWithUndo, rememberMove, undoLast, useUndoStore } from '../state/undo';

const NOTE_W = 220;
/** A note's height until the screen has measured it. */
const NOTE_H = 150;
const PAD = 16;
const BOARD_MAX = LIMITS.boardSize;
const PROBE = 'probe-note';

const clamp = (v: number) => Math.max(0, Math.min(BOARD_MAX, Math.round(v)));

/** The notes as this screen draws them: measured heights, pushed apart so none covers another. */
function drawnBoxes(notes: readonly Note[], heights: Record<string, number>): Box[] {
  const boxes = notes.map((n) => ({ id: n.id, x: n.x, y: n.y, w: NOTE_W, h: heights[n.id] ?? NOTE_H }));
  const at = layoutNotes(boxes);
  return boxes.map((b) => ({ ...b, ...at.get(b.id)! }));
}

/** How tall a new note with this text will be on this canvas (drawn off-screen once and measured). */
function measureNewNote(surface: HTMLElement | null, text: string): number {
  if (!surface) return NOTE_H;
  const mine = surface.querySelector<HTMLElement>('.note.on-canvas.mine');
  const chrome = mine ? mine.offsetHeight - (mine.querySelector<HTMLElement>('.note-text')?.offsetHeight ?? 0) : 110;
  const probe = document.createElement('div');
  probe.className = 'note on-canvas';
  probe.style.visibility = 'hidden';
  const p = document.createElement('p');
  p.className = 'note-text';
  p.textContent = text;
  probe.append(p);
  surface.append(probe);
  const h = p.offsetHeight;
  probe.remove();
  return Math.max(NOTE_H, Math.ceil(h + chrome));
}

export function Board({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const meId = useMeId();
  const role = useMyRole();
  const workshopId = useStore((s) => s.workshopId);
  const table = useView((s) => s.tables[tableId]);
  const theme = useView((s) => {
    const id = s.tables[tableId]?.themeId;
    return id ? s.themes[id]?.name : undefined;
  });
  const allNotes = useViewShallow((s) => notesOf(s, tableId));
  // Notes I just deleted stay hidden while their Undo is offered.
  const hidden = useUndoStore((s) => s.hidden);
  const notes = useMemo(() => allNotes.filter((n) => !hidden[n.id]), [allNotes, hidden]);
  const canWrite = useView((s, me) =>
    allowed(s, me, { type: 'note:create', clientOpId: PROBE, noteId: PROBE, tableId, text: 'x', color: 'yellow', x: 0, y: 0 }),
  );
  const phase = useView((s) => s.phase);
  const isPhone = useMediaQuery(PHONE_QUERY);
  const canvasRef = useRef<HTMLDivElement>(null);
  const announcement = useAnnouncements(notes, meId);
  const [heights, setHeights] = useState<Record<string, number>>({});
  const drawn = useMemo(() => drawnBoxes(notes, heights), [notes, heights]);

  // Ctrl/Cmd+Z undoes my last delete or move of a note (not while typing: fields have their own undo).
  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      if (e.key.toLowerCase() !== 'z' || !(e.ctrlKey || e.metaKey) || e.shiftKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      if (undoLast()) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  if (!table) return null;

  const placeNew = (text: string): { x: number; y: number } => {
    const el = canvasRef.current;
    if (!el || isPhone) return freeSpot(drawn, NOTE_W, NOTE_H, { x: 0, y: 0 }, 4 * (NOTE_W + 24));
    const h = measureNewNote(el.querySelector<HTMLElement>('.surface'), text);
    const spot = freeSpot(drawn, NOTE_W, h, { x: el.scrollLeft, y: el.scrollTop }, el.clientWidth);
    return { x: clamp(spot.x), y: clamp(spot.y) };
  };

  const readOnlyReason =
    role === 'observer' ? t('board.observerNotice') : phase !== 'setup' && phase !== 'cafe' ? t('board.closedNotice') : t('board.readOnly');

  return (
    <section className={`board${canWrite && isPhone ? ' has-dock' : ''}`} aria-labelledby="board-h">
      <div className="board-side">
        <div className="board-header">
          {role === 'facilitator' && workshopId && (
            <button type="button" className="link-button" onClick={() => navigate(paths.workshop(workshopId))}>
              ← {t('board.backToConsole')}
            </button>
          )}
          <div className="board-title">
            <h1 id="board-h" tabIndex={-1} dir="auto">
              {table.name}
            </h1>
            {theme && (
              <span className="theme-tag" dir="auto">
                {theme}
              </span>
            )}
          </div>
          <QuestionsInForce tableId={tableId} />
        </div>

        {canWrite ? <Composer tableId={tableId} placeNew={placeNew} docked={isPhone} /> : <p className="notice">{readOnlyReason}</p>}
        <TypingLine tableId={tableId} />
        <TableInfo tableId={tableId} />
        <SummaryEditorIfHost tableId={tableId} />
      </div>

      <div className="board-main">
        <div className="notes-head">
          <h2 className="inline-h">{t('board.notesHeading', { count: notes.length, n: notes.length })}</h2>
          {!isPhone && notes.length > 0 && canWrite && <span className="muted small">{t('board.keyboardHint')}</span>}
        </div>
        {notes.length === 0 && <p className="muted empty-board">{t('board.empty')}</p>}
        {isPhone ? (
          <ul className="note-list" aria-label={t('board.notesRegion')}>
            {notes.map((n) => (
              <li key={n.id}>
                <NoteCard note={n} mode="list" />
              </li>
            ))}
          </ul>
        ) : (
          <div className="canvas" ref={canvasRef} role="region" aria-label={t('board.notesRegion')} tabIndex={-1}>
            <CanvasSurface notes={notes} drawn={drawn} setHeights={setHeights} />
          </div>
        )}
      </div>
      <div className="sr-only" aria-live="polite" aria-atomic="true" data-testid="announcer">
        {announcement}
      </div>
    </section>
  );
}

/**
 * Who sits here and what earlier rounds found, folded into one line that opens on demand: open
 * the first time I arrive at a table as a traveller (to read what it found), folded after that.
 */
function TableInfo({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const meId = useMeId();
  const role = useMyRole();
  const people = useViewShallow((s) => seatedAt(s, tableId));
  const delegations = useView((s) => s.delegations);
  const round = useView((s) => s.round);
  const workshopId = useStore((s) => s.workshopId);
  const summaries = useCarryForwardCount(tableId);
  const newcomer = useNewcomer(tableId);
  const canLeave = useView((s, me) =>
    role !== 'facilitator' && me && s.seats[me] === tableId
      ? allowed(s, me, { type: 'seat:assign', clientOpId: PROBE, participantId: me, tableId: null })
      : false,
  );
  const seenKey = `wc:table-info:${workshopId}:${tableId}:${round}`;
  const [open, setOpen] = useState(false);
  // Opened once per table and round for a traveller (who may become one while the board is open).
  useEffect(() => {
    if (!newcomer || summaries === 0 || readString(seenKey)) return;
    writeString(seenKey, '1');
    // eslint-disable-next-line react-hooks/set-state-in-effect -- opened once from a record kept outside React (this device's storage)
    setOpen(true);
  }, [newcomer, summaries, seenKey]);

  const peopleText = f.num(people.length);
  return (
    <details className="table-info" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} data-testid="table-info">
      <summary>
        <span className="table-info-line">
          {summaries > 0
            ? t('ui.board.tableInfoSummary', { people: peopleText, count: summaries, n: f.num(summaries) })
            : t('ui.board.tableInfoPeople', { people: peopleText })}
        </span>{' '}
        <TableHere tableId={tableId} />
      </summary>
      <div className="tablemates">
        <h2 className="inline-h">{t('board.atThisTable')}</h2>
        {people.length === 0 ? (
          <span className="muted">{t('board.nobody')}</span>
        ) : (
          <ul className="chips">
            {people.map((p) => {
              const code = p.delegationId ? delegations[p.delegationId]?.code : undefined;
              return (
                <li key={p.id} className={p.id === meId ? 'chip me' : 'chip'}>
                  <OnlineDot participantId={p.id} />
                  <span dir="auto">{p.name}</span>
                  {code && <span className="code-tag">{code}</span>}
                  {p.role === 'host' && <span className="role-tag">{t('roles.host')}</span>}
                  {p.id === meId && <span className="muted"> ({t('board.you')})</span>}
                </li>
              );
            })}
          </ul>
        )}
        {canLeave && meId && (
          <button type="button" className="link-button" onClick={() => submit({ type: 'seat:assign', participantId: meId, tableId: null })}>
            {t('board.changeTable')}
          </button>
        )}
      </div>
      <CarryForward tableId={tableId} />
    </details>
  );
}

function CanvasSurface({
  notes,
  drawn,
  setHeights,
}: {
  notes: readonly Note[];
  drawn: readonly Box[];
  setHeights: (f: (h: Record<string, number>) => Record<string, number>) => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const observer = useRef<ResizeObserver | null>(null);
  // Every note's drawn height, measured (and re-measured when it grows: an edit, a language switch).
  useLayoutEffect(() => {
    observer.current ??= new ResizeObserver((entries) => {
      const seen: Record<string, number> = {};
      for (const e of entries) {
        const id = (e.target as HTMLElement).dataset.noteId;
        if (id) seen[id] = Math.ceil((e.target as HTMLElement).offsetHeight);
      }
      setHeights((h) => (Object.entries(seen).some(([id, v]) => h[id] !== v) ? { ...h, ...seen } : h));
    });
    for (const el of Array.from(ref.current?.querySelectorAll<HTMLElement>('.note.on-canvas') ?? [])) observer.current.observe(el);
  }, [notes, setHeights]);
  useEffect(() => () => observer.current?.disconnect(), []);

  let w = 0;
  let h = 0;
  for (const b of drawn) {
    w = Math.max(w, b.x + b.w + PAD * 4);
    h = Math.max(h, b.y + b.h + PAD * 8);
  }
  const at = new Map(drawn.map((b) => [b.id, b]));
  return (
    <div className="surface" ref={ref} style={{ width: Math.max(w, 0), height: Math.max(h, 480), minWidth: '100%' }}>
      {notes.map((n) => (
        <NoteCard key={n.id} note={n} mode="canvas" drawnX={at.get(n.id)?.x ?? n.x} drawnY={at.get(n.id)?.y ?? n.y} />
      ))}
    </div>
  );
}

/** Announces notes written by others (not the initial load, not my own). */
function useAnnouncements(notes: readonly Note[], meId: string | null): string {
  const { t } = useTranslation();
  const seen = useRef<Set<string> | null>(null);
  const [text, setText] = useState('');
  const names = useView((s) => s.participants);
  useEffect(() => {
    const ids = new Set(notes.map((n) => n.id));
    if (seen.current === null) {
      seen.current = ids;
      return;
    }
    const fresh = notes.filter((n) => !seen.current!.has(n.id) && n.authorId !== meId);
    seen.current = ids;
    if (fresh.length === 1) {
      const n = fresh[0]!;
      setText(t('board.announceNew', { name: names[n.authorId]?.name ?? t('board.someone'), text: n.text }));
    } else if (fresh.length > 1) {
      setText(t('board.announceMany', { count: fresh.length, n: fresh.length }));
    }
  }, [notes, meId, names, t]);
  return text;
}

function ColorPicker({
  value,
  onChange,
  name,
  small = false,
}: {
  value: NoteColor;
  onChange: (c: NoteColor) => void;
  name: string;
  small?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className={small ? 'swatches small' : 'swatches'}>
      <legend className="sr-only">{t('board.colorLegend')}</legend>
      {NOTE_COLORS.map((c) => (
        <label key={c} className={`swatch note-${c}`} title={t(`colors.${c}`)}>
          <input type="radio" name={name} value={c} checked={value === c} onChange={() => onChange(c)} />
          <span className="sr-only">{t(`colors.${c}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

function CharCounter({ text, id }: { text: string; id: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const n = charCount(text);
  return (
    <span id={id} className={n > LIMITS.noteChars ? 'counter over' : 'counter'}>
      {t('board.counter', { n: f.num(n), max: f.num(LIMITS.noteChars) })}
    </span>
  );
}

function Composer({
  tableId,
  placeNew,
  docked,
}: {
  tableId: string;
  placeNew: (text: string) => { x: number; y: number };
  docked: boolean;
}) {
  const { t } = useTranslation();
  const uid = useId();
  const [text, setText] = useState('');
  const [color, setColor] = useState<NoteColor>('yellow');
  const n = charCount(text);
  const ok = text.trim().length > 0 && n <= LIMITS.noteChars;
  const formRef = useRef<HTMLFormElement>(null);
  // Docked at the bottom of a phone's screen: the board keeps room for it below its last note,
  // and toasts rise above it.
  useLayoutEffect(() => {
    const el = formRef.current;
    if (!docked || !el) return;
    const root = document.documentElement;
    const ro = new ResizeObserver(() => root.style.setProperty('--dock-h', `${Math.ceil(el.offsetHeight)}px`));
    ro.observe(el);
    return () => {
      ro.disconnect();
      root.style.removeProperty('--dock-h');
    };
  }, [docked]);

  const add = (e?: FormEvent) => {
    e?.preventDefault();
    if (!ok) return;
    const { x, y } = placeNew(text);
    if (submit({ type: 'note:create', noteId: newEntityId(), tableId, text, color, x, y })) {
      setText('');
      noteTyping(tableId, false);
    }
  };

  return (
    <form
      ref={formRef}
      className={docked ? 'composer docked' : 'composer'}
      onSubmit={add}
      aria-label={t('board.composerLabel')}
      data-testid="composer"
    >
      <div className="composer-label">
        <label htmlFor={`${uid}-text`}>{t('board.newNoteLabel')}</label>
        {docked && <CharCounter text={text} id={`${uid}-count`} />}
      </div>
      <textarea
        id={`${uid}-text`}
        className={`note-${color}`}
        value={text}
        rows={docked ? 2 : 3}
        dir="auto"
        placeholder={t('board.newNotePlaceholder')}
        aria-describedby={`${uid}-count ${uid}-hint`}
        onChange={(e) => {
          setText(e.target.value);
          noteTyping(tableId, e.target.value.trim().length > 0);
        }}
        onBlur={() => noteTyping(tableId, false)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) add();
        }}
      />
      <div className="composer-bar">
        <ColorPicker value={color} onChange={setColor} name={`${uid}-color`} />
        {!docked && <CharCounter text={text} id={`${uid}-count`} />}
        <span id={`${uid}-hint`} className="sr-only">
          {t('board.composerHint')}
        </span>
        <button type="submit" className="primary" disabled={!ok}>
          {t('board.addNote')}
        </button>
      </div>
    </form>
  );
}

interface DragState {
  pointerId: number;
  startX: number;
  startY: number;
  origX: number;
  origY: number;
  moved: boolean;
}

const NoteCard = memo(function NoteCard({
  note,
  mode,
  drawnX = note.x,
  drawnY = note.y,
}: {
  note: Note;
  mode: 'canvas' | 'list';
  drawnX?: number;
  drawnY?: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const author = useView((s) => s.participants[note.authorId]?.name ?? t('board.someone'));
  const code = useView((s) => (note.delegationId ? (s.delegations[note.delegationId]?.code ?? null) : null));
  const mine = useView((s, me) => me === note.authorId);
  const pending = useStore((s) => s.pending.some((op) => 'noteId' in op.cmd && op.cmd.noteId === note.id && op.ackSeq === undefined));
  // the note itself has not reached the server (its create is unacknowledged), or only a change to it
  const unsentNote = useStore((s) =>
    s.pending.some((op) => op.cmd.type === 'note:create' && op.cmd.noteId === note.id && op.ackSeq === undefined),
  );
  const canEdit = useView((s, me) => allowed(s, me, { type: 'note:edit', clientOpId: PROBE, noteId: note.id, text: 'x' }));
  const canMove = useView((s, me) => allowed(s, me, { type: 'note:move', clientOpId: PROBE, noteId: note.id, x: 0, y: 0 }));
  const canDelete = useView((s, me) => allowed(s, me, { type: 'note:delete', clientOpId: PROBE, noteId: note.id }));
  const canRecolor = useView((s, me) => allowed(s, me, { type: 'note:recolor', clientOpId: PROBE, noteId: note.id, color: 'yellow' }));

  const [editing, setEditing] = useState<string | null>(null);
  const [dragPos, setDragPos] = useState<{ x: number; y: number } | null>(null);
  const drag = useRef<DragState | null>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  const focusSelf = () => requestAnimationFrame(() => rootRef.current?.focus());

  const move = (x: number, y: number) => {
    const nx = clamp(x);
    const ny = clamp(y);
    if (nx === note.x && ny === note.y) return;
    if (submit({ type: 'note:move', noteId: note.id, x: nx, y: ny }) && mine) rememberMove(note.id, note.x, note.y);
  };

  const remove = () => {
    deleteNoteWithUndo(note.id);
    // The note leaves the screen: keep the keyboard on the board.
    requestAnimationFrame(() => document.getElementById('board-h')?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || editing !== null) return;
    const step = e.shiftKey ? 50 : 10;
    const arrows: Record<string, [number, number]> = {
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
    };
    const d = arrows[e.key];
    if (d && mode === 'canvas') {
      e.preventDefault();
      if (canMove) move(drawnX + d[0], drawnY + d[1]);
      return;
    }
    if (e.key === 'Enter' && canEdit) {
      e.preventDefault();
      setEditing(note.text);
    } else if ((e.key === 'Delete' || e.key === 'Backspace') && canDelete) {
      e.preventDefault();
      remove();
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    if (mode !== 'canvas' || !canMove || editing !== null || e.button !== 0) return;
    if ((e.target as HTMLElement).closest('button, textarea, input, select, a, label')) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, origX: drawnX, origY: drawnY, moved: false };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const dx = e.clientX - d.startX;
    const dy = e.clientY - d.startY;
    if (!d.moved && Math.abs(dx) + Math.abs(dy) < 4) return;
    d.moved = true;
    setDragPos({ x: clamp(d.origX + dx), y: clamp(d.origY + dy) });
  };
  const endDrag = (e: PointerEvent<HTMLDivElement>, commit: boolean) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    drag.current = null;
    if (commit && d.moved) move(d.origX + (e.clientX - d.startX), d.origY + (e.clientY - d.startY));
    setDragPos(null);
  };

  const saveEdit = () => {
    if (editing === null) return;
    const n = charCount(editing);
    if (!editing.trim() || n > LIMITS.noteChars) return;
    if (editing !== note.text) submit({ type: 'note:edit', noteId: note.id, text: editing });
    setEditing(null);
    focusSelf();
  };

  const pos = dragPos ?? { x: drawnX, y: drawnY };
  const byline = code ? `${author} (${code})` : author;
  const label = t(unsentNote ? 'unsent.noteLabel' : pending ? 'unsent.changeLabel' : 'board.noteLabel', {
    author: byline,
    text: note.text,
  });
  const hasActions = canEdit || canDelete || (canMove && mode === 'canvas');

  return (
    // A note is one focusable widget: arrows move it, Enter edits, Delete deletes (announced by
    // aria-describedby). No native element is a movable card, so the article takes the keys.
    // eslint-disable-next-line jsx-a11y/no-noninteractive-element-interactions
    <div
      ref={rootRef}
      className={`note note-${note.color}${mode === 'canvas' ? ' on-canvas' : ''}${dragPos ? ' dragging' : ''}${pending ? ' pending' : ''}${mine ? ' mine' : ''}`}
      style={mode === 'canvas' ? { transform: `translate(${pos.x}px, ${pos.y}px)` } : undefined}
      // eslint-disable-next-line jsx-a11y/no-noninteractive-tabindex -- the note widget above
      tabIndex={0}
      role="article"
      aria-label={label}
      aria-describedby={hasActions ? `${uid}-keys` : undefined}
      data-note-id={note.id}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={(e) => endDrag(e, true)}
      onPointerCancel={(e) => endDrag(e, false)}
    >
      <div className="note-meta">
        <span className="note-author" dir="auto">
          {author}
        </span>
        {code && <span className="code-tag">{code}</span>}
        <time dateTime={new Date(note.createdAt).toISOString()} className="note-time">
          {f.time(note.createdAt)}
        </time>
      </div>
      {pending && (
        <p className="note-unsent" data-testid="note-unsent">
          {t(unsentNote ? 'unsent.note' : 'unsent.change')}
        </p>
      )}
      {editing === null ? (
        <p className="note-text" dir="auto">
          {note.text}
        </p>
      ) : (
        <div className="note-edit">
          <label htmlFor={`${uid}-edit`} className="sr-only">
            {t('board.editLabel')}
          </label>
          <textarea
            id={`${uid}-edit`}
            value={editing}
            dir="auto"
            rows={4}
            autoFocus
            aria-describedby={`${uid}-ecount`}
            onChange={(e) => setEditing(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Escape') {
                e.preventDefault();
                setEditing(null);
                focusSelf();
              } else if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                saveEdit();
              }
            }}
          />
          <CharCounter text={editing} id={`${uid}-ecount`} />
          <div className="note-actions">
            <button type="button" className="small primary" onClick={saveEdit}>
              {t('common.save')}
            </button>
            <button
              type="button"
              className="small"
              onClick={() => {
                setEditing(null);
                focusSelf();
              }}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {editing === null && (canEdit || canDelete || canRecolor) && (
        <div className="note-actions">
          {canEdit && (
            <button type="button" className="small" onClick={() => setEditing(note.text)} aria-label={t('board.editNoteLabel', { author })}>
              {t('common.edit')}
            </button>
          )}
          {canRecolor && (
            <ColorPicker
              value={note.color}
              name={`${uid}-color`}
              small
              onChange={(color) => color !== note.color && submit({ type: 'note:recolor', noteId: note.id, color })}
            />
          )}
          {canDelete && (
            <button type="button" className="small danger-quiet" onClick={remove} aria-label={t('board.deleteNoteLabel', { author })}>
              {t('common.delete')}
            </button>
          )}
        </div>
      )}
      {hasActions && (
        <span id={`${uid}-keys`} className="sr-only">
          {mode === 'canvas' ? t('board.noteKeys') : t('board.noteKeysList')}
        </span>
      )}
    </div>
  );
});
