import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { unsentSummary } from '../net/opQueue';
import { useFormat } from '../lib/format';

function useConnectionLabel(): { status: string; label: string } {
  const { t } = useTranslation();
  const status = useStore((s) => s.status);
  const everSynced = useStore((s) => s.everSynced);
  const label =
    status === 'online'
      ? t('conn.online')
      : status === 'offline'
        ? t('conn.offline')
        : everSynced
          ? t('conn.reconnecting')
          : t('conn.connecting');
  return { status, label };
}

/** Online / reconnecting / offline, and how many of my changes still wait for the server. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const f = useFormat();
  const { status, label } = useConnectionLabel();
  const notes = useStore((s) => unsentSummary(s.pending).notes);
  const changes = useStore((s) => unsentSummary(s.pending).changes);
  // "2 notes and 1 change not sent yet": new notes counted apart from edits, moves and deletes
  const noteWords = t('unsent.notes', { count: notes, n: f.num(notes) });
  const changeWords = t('unsent.changes', { count: changes, n: f.num(changes) });
  const queued =
    notes > 0 && changes > 0
      ? t('unsent.both', { notes: noteWords, changes: changeWords })
      : notes + changes > 0
        ? t('unsent.one', { what: notes > 0 ? noteWords : changeWords })
        : null;
  return (
    <div className={`conn-badge conn-${status}`} role="status" aria-live="polite" data-testid="connection-badge">
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{label}</span>
      {queued && <span className="conn-queued">{queued}</span>}
    </div>
  );
}

/** The connection state in words, for the phone header's menu. */
export function ConnectionLine() {
  const { status, label } = useConnectionLabel();
  return (
    <p className={`conn-line conn-${status}`}>
      <span className="conn-dot" aria-hidden="true" /> {label}
    </p>
  );
}
