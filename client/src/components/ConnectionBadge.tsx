import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { unsentCount } from '../net/opQueue';
import { useFormat } from '../lib/format';

/** Online / reconnecting / offline, and how many of my changes still wait for the server. */
export function ConnectionBadge() {
  const { t } = useTranslation();
  const f = useFormat();
  const status = useStore((s) => s.status);
  const everSynced = useStore((s) => s.everSynced);
  const queued = useStore((s) => unsentCount(s.pending));
  const label =
    status === 'online'
      ? t('conn.online')
      : status === 'offline'
        ? t('conn.offline')
        : everSynced
          ? t('conn.reconnecting')
          : t('conn.connecting');
  return (
    <div className={`conn-badge conn-${status}`} role="status" aria-live="polite" data-testid="connection-badge">
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{label}</span>
      {queued > 0 && <span className="conn-queued">{t('conn.queued', { count: queued, n: f.num(queued) })}</span>}
    </div>
  );
}
