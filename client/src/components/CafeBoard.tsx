// The café's parts of a table board: the question(s) in force this round, the carry-forward
// summaries of earlier rounds pinned at the top, and the host's summary editor.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { charCount, LIMITS, questionsInForce, summaryKey, type Summary, type WorkshopState } from '@world-cafe/shared';
import { useFormat } from '../lib/format';
import { allowed } from '../state/optimistic';
import { useView, useViewShallow } from '../state/selectors';
import { submit } from '../state/store';

const PROBE = 'probe-summary';

export function QuestionsInForce({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const q = useViewShallow((s) => questionsInForce(s, tableId));
  const round = useView((s) => s.round);
  if (!q.table && !q.round) return null;
  return (
    <div className="questions-in-force" data-testid="questions">
      {q.round && (
        <p className="question round-question" dir="auto">
          <span className="q-label">{t('cafe.board.roundQuestion', { round: f.num(round) })}: </span>
          {q.round}
        </p>
      )}
      {q.table && (
        <p className="question" dir="auto">
          <span className={q.round ? 'q-label' : 'sr-only'}>{t('cafe.board.tableQuestion')}: </span>
          {q.table}
        </p>
      )}
    </div>
  );
}

function summariesOf(state: WorkshopState, tableId: string): Summary[] {
  return Object.values(state.summaries)
    .filter((s) => s.tableId === tableId)
    .sort((a, b) => b.round - a.round);
}

/** True when I did not sit at this table in any earlier round (I just arrived). */
function isNewcomer(state: WorkshopState, tableId: string, me: string | null): boolean {
  if (!me || state.round <= 1) return false;
  const earlier = state.cafe.history.slice(0, state.round - 1);
  return !earlier.some((seating) => seating?.[tableId]?.includes(me));
}

/** How many summaries CarryForward shows at this table (for the board's folded line). */
export function useCarryForwardCount(tableId: string): number {
  const round = useView((s) => s.round);
  const canWrite = useView((s, me) => allowed(s, me, { type: 'summary:write', clientOpId: PROBE, tableId, round: s.round, text: 'x' }));
  return useViewShallow((s) => summariesOf(s, tableId)).filter((s) => s.round < round || (!canWrite && s.round === round)).length;
}

/** Whether I just arrived at this table (so what it found so far is shown open). */
export function useNewcomer(tableId: string): boolean {
  return useView((s, me) => isNewcomer(s, tableId, me));
}

/** The host's summary editor for this round, when I may write it. */
export function SummaryEditorIfHost({ tableId }: { tableId: string }) {
  const round = useView((s) => s.round);
  const canWrite = useView((s, me) => allowed(s, me, { type: 'summary:write', clientOpId: PROBE, tableId, round: s.round, text: 'x' }));
  return canWrite ? <SummaryEditor tableId={tableId} round={round} /> : null;
}

/** Summaries of earlier rounds, newest first; the current round's too for those who cannot edit it. */
export function CarryForward({ tableId }: { tableId: string }) {
  const { t } = useTranslation();
  const f = useFormat();
  const round = useView((s) => s.round);
  const all = useViewShallow((s) => summariesOf(s, tableId));
  const names = useView((s) => s.participants);
  const canWrite = useView((s, me) => allowed(s, me, { type: 'summary:write', clientOpId: PROBE, tableId, round: s.round, text: 'x' }));
  const newcomer = useView((s, me) => isNewcomer(s, tableId, me));
  const shown = all.filter((s) => s.round < round || (!canWrite && s.round === round));

  return (
    <>
      {shown.length > 0 && (
        <section className={`carry-forward${newcomer ? ' newcomer' : ''}`} aria-labelledby="found-h" data-testid="carry-forward">
          <h2 id="found-h">{t('cafe.board.foundHeading')}</h2>
          {newcomer && <p className="muted">{t('cafe.board.newcomer')}</p>}
          <ol className="summary-list">
            {shown.map((s) => (
              <li key={summaryKey(s.tableId, s.round)} className="summary-item">
                <p className="summary-meta">
                  <strong>{s.round === round ? t('cafe.board.thisRound') : t('cafe.board.roundN', { round: f.num(s.round) })}</strong>{' '}
                  <span className="muted small" dir="auto">
                    {t('cafe.board.by', { name: names[s.by]?.name ?? t('board.someone') })} · {f.time(s.at)}
                  </span>
                </p>
                <p className="summary-text" dir="auto">
                  {s.text}
                </p>
              </li>
            ))}
          </ol>
        </section>
      )}
    </>
  );
}

function SummaryEditor({ tableId, round }: { tableId: string; round: number }) {
  const { t } = useTranslation();
  const f = useFormat();
  const uid = useId();
  const current = useView((s) => s.summaries[summaryKey(tableId, round)]?.text ?? '');
  const [draft, setDraft] = useState<{ round: number; text: string } | null>(null);
  const [savedRound, setSavedRound] = useState<number | null>(null);
  const text = draft && draft.round === round ? draft.text : current;
  const n = charCount(text);
  const dirty = text !== current;
  const ok = dirty && n <= LIMITS.summaryChars;

  const save = (e?: FormEvent) => {
    e?.preventDefault();
    if (!ok) return;
    if (submit({ type: 'summary:write', tableId, round, text })) {
      setDraft(null);
      setSavedRound(round);
    }
  };

  return (
    <form className="summary-editor" onSubmit={save} aria-labelledby={`${uid}-h`}>
      <h2 id={`${uid}-h`} className="inline-h">
        {t('cafe.board.editorHeading', { round: f.num(round) })}
      </h2>
      <label htmlFor={`${uid}-text`}>{t('cafe.board.editorLabel', { round: f.num(round) })}</label>
      <textarea
        id={`${uid}-text`}
        value={text}
        rows={3}
        dir="auto"
        aria-describedby={`${uid}-help ${uid}-count`}
        onChange={(e) => {
          setDraft({ round, text: e.target.value });
          setSavedRound(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) save();
        }}
      />
      <div className="composer-bar">
        <span id={`${uid}-help`} className="muted small">
          {t('cafe.board.editorHelp')}
        </span>
        <span id={`${uid}-count`} className={n > LIMITS.summaryChars ? 'counter over' : 'counter'}>
          {t('cafe.board.counter', { n: f.num(n), max: f.num(LIMITS.summaryChars) })}
        </span>
        <button type="submit" className="primary" disabled={!ok}>
          {t('cafe.board.save')}
        </button>
      </div>
      <p role="status" className="muted small">
        {savedRound === round && !dirty ? t('cafe.board.saved') : ''}
      </p>
    </form>
  );
}
