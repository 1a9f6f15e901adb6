// The seat card: after a rotation (or before round 1 with a plan) a traveller sees where to go,
// with the table's theme and host, and confirms with "I'm here"; the board switches when the
// server confirms. A host who stays is told to brief the newcomers.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { hostsOfTable, type WorkshopState } from '@world-cafe/shared';
import { useFormat } from '../lib/format';
import { useMeId, useView, useViewShallow } from '../state/selectors';
import { submit, useStore } from '../state/store';

/** A table's name and its theme's name (when the theme says more than the name). */
export function tableInfo(state: WorkshopState, tableId: string): { name: string; theme: string | null } {
  const table = state.tables[tableId];
  if (!table) return { name: '', theme: null };
  const theme = table.themeId ? (state.themes[table.themeId]?.name ?? null) : null;
  return { name: table.name, theme: theme && theme !== table.name ? theme : null };
}

/** "Table 3: Inclusive" */
export function useTableLabel(tableId: string | undefined): string {
  const { t } = useTranslation();
  const info = useViewShallow((s) => (tableId ? tableInfo(s, tableId) : { name: '', theme: null }));
  return info.theme ? t('cafe.seatCard.tableWithTheme', { table: info.name, theme: info.theme }) : info.name;
}

/**
 * The hosts of a table. A seated delegate knows only its own table's seats (seat changes are
 * scoped to the tables involved), so for another table the plan's seating of this round (or the
 * last round's seating), which everyone holds, says where its hosts sit.
 */
export function hostIdsOf(state: WorkshopState, tableId: string): string[] {
  const known = hostsOfTable(state, tableId);
  if (known.length > 0) return known;
  const { plan, history } = state.cafe;
  const seating = plan?.[state.round - 1]?.[tableId] ?? history[history.length - 1]?.[tableId] ?? [];
  return seating.filter((id) => state.participants[id]?.role === 'host' && state.seats[id] === undefined);
}

export function hostNames(state: WorkshopState, tableId: string): string[] {
  return hostIdsOf(state, tableId)
    .map((id) => state.participants[id]?.name ?? '')
    .filter(Boolean);
}

export function SeatCard() {
  const { t } = useTranslation();
  const f = useFormat();
  const meId = useMeId();
  const move = useView((s, me) => (me ? s.cafe.moves[me] : undefined));
  const role = useView((s, me) => (me ? s.participants[me]?.role : undefined));
  const seat = useView((s, me) => (me ? s.seats[me] : undefined));
  const phase = useView((s) => s.phase);
  const round = useView((s) => s.round);
  const rounds = useView((s) => s.cafe.rounds);
  const idle = useView((s) => s.cafe.clock.status === 'idle');
  const hasPlan = useView((s) => s.cafe.plan !== null);
  // Sat at this same table in the previous round (a traveller who just arrived did not).
  const stayed = useView((s, me) => Boolean(me && s.seats[me] && s.cafe.history[s.round - 2]?.[s.seats[me]]?.includes(me)));
  const target = move ?? seat;
  const label = useTableLabel(target);
  const hosts = useViewShallow((s) => (target ? hostNames(s, target) : []));
  const myHostNames = useViewShallow((s, me) => (target ? hostIdsOf(s, target).filter((id) => id !== me) : []));
  const confirming = useStore((s) => s.pending.some((op) => op.cmd.type === 'seat:confirm-move'));
  const headingRef = useRef<HTMLHeadingElement>(null);

  // A new card takes focus, so keyboard and screen-reader users meet it first.
  useEffect(() => {
    if (move) headingRef.current?.focus({ preventScroll: false });
  }, [move]);

  if (!meId || (phase !== 'cafe' && phase !== 'setup')) return null;
  const roundOf = { round: f.num(round), rounds: f.num(rounds) };

  if (move) {
    return (
      <section className="seat-card" aria-labelledby="seat-card-h" data-testid="seat-card">
        {/* the card is the whole screen until "I'm here": its heading is the page's */}
        <h1 id="seat-card-h" ref={headingRef} tabIndex={-1} dir="auto">
          {t('cafe.seatCard.goTo', { ...roundOf, table: label })}
        </h1>
        {hosts.length > 0 ? (
          <p className="seat-card-host" dir="auto">
            {t('cafe.seatCard.host', { count: hosts.length, names: hosts.join(', ') })}
          </p>
        ) : (
          <p>{t('cafe.seatCard.noHost')}</p>
        )}
        <p className="muted">{t('cafe.seatCard.help')}</p>
        <button type="button" className="primary big" disabled={confirming} onClick={() => submit({ type: 'seat:confirm-move' })}>
          {confirming ? t('cafe.seatCard.confirming') : t('cafe.seatCard.confirm')}
        </button>
      </section>
    );
  }

  // Between rounds (after a rotation): who stays.
  if (!seat || !idle || round <= 1 || phase !== 'cafe' || !stayed) return null;
  if (role === 'host') {
    return (
      <section className="seat-card stay" aria-labelledby="seat-card-h" data-testid="seat-card">
        <h2 id="seat-card-h" tabIndex={-1} dir="auto">
          {t('cafe.seatCard.stayHost', { table: label })}
        </h2>
        <p className="muted">{t('cafe.seatCard.stayHostHelp')}</p>
      </section>
    );
  }
  if (!hasPlan) return null;
  return (
    <section className="seat-card stay" aria-labelledby="seat-card-h" data-testid="seat-card">
      <h2 id="seat-card-h" tabIndex={-1} dir="auto">
        {t('cafe.seatCard.stay', { ...roundOf, table: label })}
      </h2>
      {myHostNames.length > 0 && (
        <p className="seat-card-host" dir="auto">
          {t('cafe.seatCard.host', { count: hosts.length, names: hosts.join(', ') })}
        </p>
      )}
    </section>
  );
}
