// A menu button (the WAI-ARIA menu button pattern): the button says it opens a menu
// (aria-haspopup, aria-expanded); opening puts focus on the first item; ↑ ↓ Home End move between
// items, Escape or Tab closes, and focus goes back to the button. Choosing an item closes the menu
// first, so a confirmation the item opens returns focus to the button when it is done.
import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface MenuItem {
  key: string;
  label: ReactNode;
  onSelect: () => void;
  /** menuitemcheckbox / menuitemradio carry a checked state. */
  role?: 'menuitem' | 'menuitemcheckbox' | 'menuitemradio';
  checked?: boolean;
  disabled?: boolean;
  danger?: boolean;
  lang?: string;
}

export interface MenuButtonProps {
  /** What the button shows. */
  label: ReactNode;
  /** Its accessible name when more than the visible label is needed (must start with the label). */
  name?: string;
  items: readonly MenuItem[];
  /** Something shown at the top of the menu that is not an item (e.g. the connection state). */
  header?: ReactNode;
  className?: string;
  buttonClassName?: string;
  testId?: string;
}

export function MenuButton({ label, name, items, header, className = '', buttonClassName = 'small', testId }: MenuButtonProps) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  const root = useRef<HTMLDivElement>(null);

  const itemEls = () => Array.from(menu.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]:not([aria-disabled="true"])') ?? []);
  const close = (refocus: boolean) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };

  // Focus moves in the same commit that shows the menu (not a frame later), so a fast ↓ ↓ lands on
  // the second item instead of being swallowed by the button.
  useLayoutEffect(() => {
    if (open) itemEls()[0]?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const els = itemEls();
    const i = els.indexOf(document.activeElement as HTMLElement);
    const go = (n: number) => {
      e.preventDefault();
      els[(n + els.length) % els.length]?.focus();
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(i + 1);
      case 'ArrowUp':
        return go(i - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(els.length - 1);
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        return close(true);
      case 'Tab':
        return close(false);
      default:
        return;
    }
  };

  return (
    <div className={`menu-button ${className}`} ref={root} data-testid={testId}>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? `${uid}-menu` : undefined}
        aria-label={name}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {label}
        <span aria-hidden="true" className="menu-caret">
          ▾
        </span>
      </button>
      {open && (
        // The keys (arrows, Home, End, Escape, Tab) come from the menu's items and bubble up here.
        // eslint-disable-next-line jsx-a11y/no-static-element-interactions
        <div className="menu-popup" id={`${uid}-menu`} onKeyDown={onMenuKey}>
          {header}
          <div role="menu" ref={menu} aria-label={name ?? (typeof label === 'string' ? label : undefined)}>
            {items.map((it) => (
              <button
                key={it.key}
                type="button"
                role={it.role ?? 'menuitem'}
                aria-checked={it.role && it.role !== 'menuitem' ? Boolean(it.checked) : undefined}
                aria-disabled={it.disabled || undefined}
                lang={it.lang}
                tabIndex={-1}
                className={`menu-item${it.danger ? ' danger-quiet' : ''}`}
                onClick={() => {
                  if (it.disabled) return;
                  close(true);
                  it.onSelect();
                }}
              >
                {it.role && it.role !== 'menuitem' && (
                  <span aria-hidden="true" className="menu-check">
                    {it.checked ? '✓' : ''}
                  </span>
                )}
                {it.label}
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
