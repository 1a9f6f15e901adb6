// Dates, numbers and language names through Intl, in the UI language.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../i18n/languages';

export function useFormat() {
  const { i18n } = useTranslation();
  const lang = i18n.resolvedLanguage ?? i18n.language ?? 'en';
  return useMemo(() => {
    const locale = intlLocale(lang);
    const num = new Intl.NumberFormat(locale);
    const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
    const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
    let names: Intl.DisplayNames | null = null;
    try {
      names = new Intl.DisplayNames([locale], { type: 'language' });
    } catch {
      names = null;
    }
    return {
      lang,
      num: (n: number) => num.format(n),
      time: (ms: number) => time.format(ms),
      dateTime: (ms: number) => dateTime.format(ms),
      language: (code: string) => {
        try {
          return names?.of(code) ?? code;
        } catch {
          return code;
        }
      },
    };
  }, [lang]);
}
