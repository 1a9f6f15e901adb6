import { useTranslation } from 'react-i18next';
import { useStore } from '../state/store';
import { unsentCount } from '../net/opQueue';
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
  const queued = useStore((s) => unsentCount(s.pending));
  return (
    <div className={`conn-badge conn-${status}`} role="status" aria-live="polite" data-testid="connection-badge">
      <span className="conn-dot" aria-hidden="true" />
      <span className="conn-label">{label}</span>
      {queued > 0 && <span className="conn-queued">{t('conn.queued', { count: queued, n: f.num(queued) })}</span>}
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
