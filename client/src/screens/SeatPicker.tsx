import { useTranslation } from 'react-i18next';
import type { Table } from '@world-cafe/shared';
import { useFormat } from '../lib/format';
import { seatCounts, useMeId, useView, useViewShallow } from '../state/selectors';
import { submit } from '../state/store';
import { allowed } from '../state/optimistic';

export function SeatPicker() {
  const { t } = useTranslation();
  const f = useFormat();
  const meId = useMeId();
  const myName = useView((s, me) => (me ? (s.participants[me]?.name ?? '') : ''));
  const tables = useViewShallow((s) => s.tableOrder.map((id) => s.tables[id]).filter((x): x is Table => Boolean(x)));
  const counts = useViewShallow((s) => seatCounts(s));
  const themes = useView((s) => s.themes);
  // Which tables decide() would let me sit at (free places, right phase).
  const canSit = useViewShallow((s, me) =>
    Object.fromEntries(
      s.tableOrder.map((id) => [
        id,
        allowed(s, me, { type: 'seat:assign', clientOpId: 'probe-seat', participantId: me ?? '', tableId: id }),
      ]),
    ),
  );
  const free = tables.filter((tb) => (counts[tb.id] ?? 0) < tb.capacity);

  return (
    <section className="seat-picker" aria-labelledby="seat-h">
      <h1 id="seat-h" tabIndex={-1}>
        {t('seat.title', { name: myName })}
      </h1>
      <p className="lead">{t('seat.help')}</p>
      {free.length === 0 ? (
        <p className="notice">{tables.length === 0 ? t('seat.noTables') : t('seat.allFull')}</p>
      ) : (
        <ul className="card-grid">
          {free.map((tb) => {
            const n = counts[tb.id] ?? 0;
            const theme = tb.themeId ? themes[tb.themeId]?.name : undefined;
            return (
              <li key={tb.id} className="card table-card">
                <h2 dir="auto">{tb.name}</h2>
                {theme && (
                  <p className="theme-tag" dir="auto">
                    {theme}
                  </p>
                )}
                {tb.question && (
                  <p className="question" dir="auto">
                    {tb.question}
                  </p>
                )}
                <p className="muted">{t('seat.places', { n: f.num(n), cap: f.num(tb.capacity) })}</p>
                <button
                  type="button"
                  className="primary"
                  disabled={!canSit[tb.id]}
                  onClick={() => meId && submit({ type: 'seat:assign', participantId: meId, tableId: tb.id })}
                  aria-label={t('seat.sitAtLabel', { table: tb.name })}
                >
                  {t('seat.sitHere')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
