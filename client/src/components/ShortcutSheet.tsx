// The "?" sheet: every keyboard shortcut of the app in one modal dialog. "?" opens it anywhere
// except while typing; Escape closes it. A small "?" button in the header opens it too.
import { useEffect, useId, useRef } from 'react';
import { create } from 'zustand';
import { useTranslation } from 'react-i18next';

const useSheet = create<{ open: boolean }>()(() => ({ open: false }));
export const openShortcutSheet = () => useSheet.setState({ open: true });

/** Typing a "?" into a field is text, not a command. */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return Boolean(el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName)));
}

/** Where each shortcut works, and its keys (i18n keys under room.keys). */
const SHORTCUT_GROUPS = [
  { group: 'everywhere', items: ['sheet', 'skip', 'close'] },
  { group: 'board', items: ['add', 'move', 'moveFar', 'edit', 'save', 'cancel', 'remove', 'undo'] },
  { group: 'harvest', items: ['tabs', 'pickUp', 'carry', 'drop'] },
] as const;

export function ShortcutSheet() {
  const { t } = useTranslation();
  const uid = useId();
  const open = useSheet((s) => s.open);
  const ref = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || isTyping(e.target)) return;
      if (document.querySelector('dialog[open]')) return;
      e.preventDefault();
      openShortcutSheet();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      className="app-dialog shortcut-sheet"
      aria-labelledby={`${uid}-h`}
      data-testid="shortcut-sheet"
      onClose={() => useSheet.setState({ open: false })}
    >
      {open && (
        <>
          <h2 id={`${uid}-h`}>{t('room.keys.title')}</h2>
          {SHORTCUT_GROUPS.map(({ group, items }) => (
            <section key={group} aria-labelledby={`${uid}-${group}`}>
              <h3 id={`${uid}-${group}`}>{t(`room.keys.groups.${group}`)}</h3>
              <dl className="shortcut-list">
                {items.map((item) => (
                  <div key={item}>
                    <dt>
                      <kbd>{t(`room.keys.${item}.keys`)}</kbd>
                    </dt>
                    <dd>{t(`room.keys.${item}.does`)}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="button-row">
            <button type="button" className="primary" onClick={() => useSheet.setState({ open: false })} autoFocus>
              {t('room.keys.close.button')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}

/** The header's "?" button (pointer users find the sheet without knowing the key). */
export function ShortcutButton() {
  const { t } = useTranslation();
  return (
    <button
      type="button"
      className="icon-button shortcut-button"
      onClick={openShortcutSheet}
      title={t('room.keys.title')}
      aria-keyshortcuts="?"
    >
      <span aria-hidden="true">?</span>
      <span className="sr-only">{t('room.keys.title')}</span>
    </button>
  );
}
