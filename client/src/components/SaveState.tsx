// "Saving…" while my changes wait for the server, then "All changes saved" with the time of the
// last acknowledgement: beside the connection badge, so a delegate knows their notes are safe.
import { useTranslation } from 'react-i18next';
import { unsentCount } from '../net/opQueue';
import { useFormat } from '../lib/format';
import { useStore } from '../state/store';

export function SaveState() {
  const { t } = useTranslation();
  const f = useFormat();
  const unsent = useStore((s) => unsentCount(s.pending));
  const status = useStore((s) => s.status);
  const lastSavedAt = useStore((s) => s.lastSavedAt);
  // Offline, the connection badge already counts what is queued.
  if (status !== 'online' && unsent > 0) return null;
  return (
    <span className={`save-state${unsent > 0 ? ' saving' : ''}`} data-testid="save-state">
      {unsent > 0 ? (
        t('room.save.saving')
      ) : (
        <>
          {/* a phone shows the short form (the other is display: none, so it is not read twice) */}
          <span className="save-long">{t('room.save.allSaved')}</span>
          <span className="save-short">{t('room.save.saved')}</span>
        </>
      )}
      {unsent === 0 && lastSavedAt && <span className="save-time"> · {f.time(lastSavedAt)}</span>}
    </span>
  );
}
