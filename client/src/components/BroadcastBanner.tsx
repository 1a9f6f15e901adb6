import { useTranslation } from 'react-i18next';
import { useView } from '../state/selectors';

/** The facilitator's broadcast message, on every screen while it is set. */
export function BroadcastBanner({ className = '' }: { className?: string }) {
  const { t } = useTranslation();
  const message = useView((s) => s.cafe.message);
  return (
    <div role="status" aria-live="polite" className={`broadcast-slot ${className}`}>
      {message && (
        <p className="broadcast-banner" data-testid="broadcast">
          <span className="broadcast-label">{t('cafe.banner.label')}:</span>{' '}
          <span dir="auto">{message.text}</span>
        </p>
      )}
    </div>
  );
}
