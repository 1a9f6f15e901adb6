import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readJson, writeJson } from '../lib/storage';
import { useView } from '../state/selectors';
import { useStore } from '../state/store';

const dismissedKey = (workshopId: string) => `wc:dismissed-broadcast:${workshopId}`;

/**
 * The facilitator's broadcast message while it is set (a phase change clears it). Each person
 * can hide it on their own screen; a new message shows again. The projector has no close button.
 */
export function BroadcastBanner({ className = '', dismissible = true }: { className?: string; dismissible?: boolean }) {
  const { t } = useTranslation();
  const message = useView((s) => s.cafe.message);
  const workshopId = useStore((s) => s.workshopId) ?? '';
  const [dismissedAt, setDismissedAt] = useState<number | undefined>(() => readJson<number>(dismissedKey(workshopId)));
  const visible = message && !(dismissible && dismissedAt === message.at);
  const dismiss = () => {
    if (!message) return;
    writeJson(dismissedKey(workshopId), message.at);
    setDismissedAt(message.at);
  };
  return (
    <div role="status" aria-live="polite" className={`broadcast-slot ${className}`}>
      {visible && (
        <p className="broadcast-banner" data-testid="broadcast">
          <span className="broadcast-label">{t('cafe.banner.label')}:</span> <span dir="auto">{message.text}</span>
          {dismissible && (
            <button type="button" className="icon-button broadcast-dismiss" onClick={dismiss} aria-label={t('room.dismissMessage')}>
              ×
            </button>
          )}
        </p>
      )}
    </div>
  );
}
