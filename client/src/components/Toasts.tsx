import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/apiErrors';
import { holdTimers } from '../lib/pausableTimers';
import { useStore } from '../state/store';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  // Values that are i18n keys themselves ("ops.note_create") are translated too.
  const translate = (v: string | number) => (typeof v === 'string' && /^[a-z]+\.[a-z_]+$/i.test(v) ? t(v as never) : v);
  // Toasts (and the undo window behind them) stand still while hovered or focused.
  const hold = () => holdTimers(true);
  const release = (e: { currentTarget: HTMLElement; relatedTarget: EventTarget | null }) => {
    if (e.relatedTarget instanceof Node && e.currentTarget.contains(e.relatedTarget)) return;
    if (e.currentTarget.matches(':hover') || e.currentTarget.contains(document.activeElement)) return;
    holdTimers(false);
  };
  return (
    <div
      className="toasts"
      role="status"
      aria-live="polite"
      onPointerEnter={hold}
      onPointerLeave={(e) => {
        if (!e.currentTarget.contains(document.activeElement)) holdTimers(false);
      }}
      onFocus={hold}
      onBlur={release}
    >
      {toasts.map((toast) => {
        const values = Object.fromEntries(Object.entries(toast.values ?? {}).map(([k, v]) => [k, translate(v)]));
        const code = toast.values?.code;
        const text =
          toast.key === 'errors.rejected'
            ? t('errors.rejected', { what: values.what, reason: errorText(t, String(code)) })
            : t(toast.key as never, values as never);
        return (
          <div key={toast.id} className={`toast toast-${toast.kind}`}>
            <span>{text as string}</span>
            {toast.action && (
              <span className="toast-action-wrap">
                <button
                  type="button"
                  className="small toast-action"
                  aria-keyshortcuts={toast.action.keys ? 'Control+Z Meta+Z' : undefined}
                  onClick={() => {
                    toast.action!.run();
                    dismiss(toast.id);
                    holdTimers(false);
                  }}
                >
                  {t(toast.action.key as never)}
                </button>
                {toast.action.keys && <kbd className="toast-keys">{t(toast.action.keys as never)}</kbd>}
              </span>
            )}
            <button
              type="button"
              className="icon-button"
              onClick={() => {
                dismiss(toast.id);
                holdTimers(false);
              }}
              aria-label={t('common.dismiss')}
            >
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
