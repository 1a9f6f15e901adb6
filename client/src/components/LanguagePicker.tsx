import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';
import { isUiLanguage } from '../i18n/languages';

/**
 * A native <select> of the interface languages, each named in its own language and script so a
 * reader finds theirs without reading the current one; a globe marks it for the same reason. A
 * native control is what phones turn into their own picker, and keyboards and screen readers know.
 */
export function LanguagePicker() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const current = i18n.resolvedLanguage ?? i18n.language;
  // Also named in English when the interface is not: someone lost in an unknown script can find it.
  const name = current === 'en' ? t('lang.label') : `${t('lang.label')} (Language)`;
  return (
    <div className="lang-toggle lang-picker">
      <label htmlFor={id} className="lang-globe" title={name}>
        <svg aria-hidden="true" viewBox="0 0 24 24" width="18" height="18" focusable="false">
          <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path
            d="M3 12h18M12 3c2.6 2.6 3.8 5.6 3.8 9s-1.2 6.4-3.8 9c-2.6-2.6-3.8-5.6-3.8-9S9.4 5.6 12 3z"
            fill="none"
            stroke="currentColor"
            strokeWidth="1.8"
          />
        </svg>
        <span className="sr-only">{name}</span>
      </label>
      {/* Named on the select itself too: on a phone the globe (and its label) is hidden. */}
      <select id={id} aria-label={name} value={current} onChange={(e) => isUiLanguage(e.target.value) && void setLanguage(e.target.value)}>
        {LANGUAGES.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.label}
          </option>
        ))}
      </select>
    </div>
  );
}
