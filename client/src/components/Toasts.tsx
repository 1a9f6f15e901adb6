import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/apiErrors';
import { useStore } from '../state/store';

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useStore((s) => s.toasts);
  const dismiss = useStore((s) => s.dismissToast);
  // Values that are i18n keys themselves ("ops.note_create") are translated too.
  const translate = (v: string | number) => (typeof v === 'string' && /^[a-z]+\.[a-z_]+$/i.test(v) ? t(v as never) : v);
  return (
    <div className="toasts" role="status" aria-live="polite">
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
              <button
                type="button"
                className="small toast-action"
                onClick={() => {
                  toast.action!.run();
                  dismiss(toast.id);
                }}
              >
                {t(toast.action.key as never)}
              </button>
            )}
            <button type="button" className="icon-button" onClick={() => dismiss(toast.id)} aria-label={t('common.dismiss')}>
              ×
            </button>
          </div>
        );
      })}
    </div>
  );
}
