// An in-app confirmation that says what will happen (instead of the browser's bare confirm()):
// askConfirm() opens one modal <dialog> (focus trapped by the browser, Escape cancels) and
// resolves true or false. <ConfirmHost /> is rendered once, by App.
import { useEffect, useId, useRef } from 'react';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';

export interface ConfirmRequest {
  title: string;
  body: string;
  confirmLabel: string;
  /** A destructive action gets the danger style. */
  danger?: boolean;
}

interface Pending extends ConfirmRequest {
  resolve: (ok: boolean) => void;
}

const useConfirmStore = create<{ pending: Pending | null }>()(() => ({ pending: null }));

export function askConfirm(req: ConfirmRequest): Promise<boolean> {
  useConfirmStore.getState().pending?.resolve(false);
  return new Promise((resolve) => useConfirmStore.setState({ pending: { ...req, resolve } }));
}

export function ConfirmHost() {
  const { t } = useTranslation();
  const uid = useId();
  const pending = useConfirmStore((s) => s.pending);
  const ref = useRef<HTMLDialogElement>(null);
  // Focus goes back where it was when the dialog closes.
  const opener = useRef<Element | null>(null);

  useEffect(() => {
    const d = ref.current;
    if (!d || !pending) return;
    opener.current = document.activeElement;
    if (!d.open) d.showModal();
  }, [pending]);

  const finish = (ok: boolean) => {
    const p = useConfirmStore.getState().pending;
    useConfirmStore.setState({ pending: null });
    if (ref.current?.open) ref.current.close();
    (opener.current as HTMLElement | null)?.focus?.();
    p?.resolve(ok);
  };

  return (
    <dialog
      ref={ref}
      className="app-dialog"
      aria-labelledby={`${uid}-t`}
      aria-describedby={`${uid}-b`}
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        finish(false);
      }}
    >
      {pending && (
        <>
          <h2 id={`${uid}-t`}>{pending.title}</h2>
          <p id={`${uid}-b`}>{pending.body}</p>
          <div className="button-row">
            <button type="button" className={pending.danger ? 'danger' : 'primary'} onClick={() => finish(true)}>
              {pending.confirmLabel}
            </button>
            <button type="button" onClick={() => finish(false)} autoFocus>
              {t('common.cancel')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
