import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';
import { navigate } from '../lib/router';
import { toggleTheme, useTheme } from '../lib/theme';
import { MenuButton } from './MenuButton';
import { LanguagePicker } from './LanguagePicker';
import { ThemeToggle } from './ThemeToggle';
import { openShortcutSheet, ShortcutButton } from './ShortcutSheet';

/**
 * The header of every screen. On a phone the theme switch and the "?" sheet move into a compact
 * menu (which also names the connection state, `status`, and offers the languages again).
 */
export function AppHeader({ children, status }: { children?: ReactNode; status?: ReactNode }) {
  const { t, i18n } = useTranslation();
  const dark = useTheme() === 'dark';
  const current = i18n.resolvedLanguage ?? i18n.language;
  return (
    <header className="app-header">
      <div className="header-inner">
        <a
          className="brand"
          href="/"
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey || e.button !== 0) return;
            e.preventDefault();
            navigate('/');
          }}
        >
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">{t('app.name')}</span>
        </a>
        <div className="header-slot">{children}</div>
        <ThemeToggle />
        <LanguagePicker />
        <ShortcutButton />
        <MenuButton
          className="header-menu"
          buttonClassName="small header-menu-button"
          testId="header-menu"
          label={<span aria-hidden="true">☰</span>}
          name={t('ui.header.menu')}
          header={status && <div className="menu-status">{status}</div>}
          items={[
            { key: 'theme', role: 'menuitemcheckbox', checked: dark, label: t('theme.dark'), onSelect: toggleTheme },
            ...LANGUAGES.map((l) => ({
              key: l.code,
              role: 'menuitemradio' as const,
              checked: current === l.code,
              lang: l.code,
              label: l.label,
              onSelect: () => void setLanguage(l.code),
            })),
            { key: 'keys', label: t('room.keys.title'), onSelect: openShortcutSheet },
          ]}
        />
      </div>
    </header>
  );
}
