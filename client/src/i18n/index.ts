// i18next with English and Thai. The choice is remembered and mirrored on <html lang>,
// which also lets the browser pick Thai line-breaking and fonts.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { th } from './th';
import { readString, writeString } from '../lib/storage';

export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'th', label: 'ไทย' },
] as const;
export type UiLanguage = (typeof LANGUAGES)[number]['code'];

const KEY = 'wc:lang';

function initialLanguage(): UiLanguage {
  const stored = readString(KEY);
  if (stored === 'en' || stored === 'th') return stored;
  return typeof navigator !== 'undefined' && navigator.language?.toLowerCase().startsWith('th') ? 'th' : 'en';
}

export const resources = { en: { translation: en }, th: { translation: th } } as const;

void i18n.use(initReactI18next).init({
  resources,
  lng: initialLanguage(),
  fallbackLng: 'en',
  supportedLngs: ['en', 'th'],
  interpolation: { escapeValue: false },
  returnNull: false,
});

document.documentElement.lang = i18n.language;
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

/** Follows a workshop's language until the person picks one themselves. */
export function suggestLanguage(lng: string): void {
  if (readString(KEY)) return;
  if ((lng === 'en' || lng === 'th') && i18n.language !== lng) void i18n.changeLanguage(lng);
}

export function setLanguage(lng: UiLanguage): void {
  writeString(KEY, lng);
  void i18n.changeLanguage(lng);
}

export default i18n;
