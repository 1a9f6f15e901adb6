import { useTranslation } from 'react-i18next';
import { toggleTheme, useTheme } from '../lib/theme';

/** "Dark mode", pressed when the dark theme is shown. The visible word is the accessible name. */
export function ThemeToggle() {
  const { t } = useTranslation();
  const dark = useTheme() === 'dark';
  return (
    <button type="button" className="theme-toggle" aria-pressed={dark} onClick={toggleTheme} title={t('theme.toggleHelp')}>
      <span aria-hidden="true" className="theme-icon">
        {dark ? '☾' : '☀'}
      </span>
      <span className="theme-label">{t('theme.dark')}</span>
    </button>
  );
}
