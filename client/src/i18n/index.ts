// i18next in nine languages. English is bundled; the others are loaded on demand (locales.ts).
// The choice is remembered and mirrored on <html lang>, which also lets the browser pick the
// language's line-breaking and fonts (fonts.css declares one per script, downloaded on first use).
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { LANGUAGES, UI_LANGUAGES, isUiLanguage, matchLanguage, type UiLanguage } from './languages';
import { LOADERS } from './locales';
import { readString, writeString } from '../lib/storage';
import { INTERPOLATION } from './interpolation';

export { LANGUAGES, type UiLanguage };

const KEY = 'wc:lang';

function initialLanguage(): UiLanguage {
  const stored = readString(KEY);
  if (isUiLanguage(stored)) return stored;
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages?.length ? navigator.languages : [navigator.language];
  return matchLanguage(preferred) ?? 'en';
}

/** Fetches a language's strings once and hands them to i18next. */
export async function loadLanguage(lng: UiLanguage): Promise<void> {
  // Not `hasResourceBundle`: lazily loaded screens (charts, home) add their own strings for every
  // language, so a bundle can exist before the language's main strings have been fetched.
  if (lng === 'en' || loaded.has(lng)) return;
  i18n.addResourceBundle(lng, 'translation', await LOADERS[lng](), true, false);
  loaded.add(lng);
}
const loaded = new Set<UiLanguage>();

const first = initialLanguage();

void i18n.use(initReactI18next).init({
  resources: { en: { translation: en } },
  partialBundledLanguages: true,
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...UI_LANGUAGES],
  interpolation: INTERPOLATION,
  returnNull: false,
});

document.documentElement.lang = 'en';
i18n.on('languageChanged', (lng) => {
  document.documentElement.lang = lng;
});

async function switchTo(lng: UiLanguage): Promise<void> {
  await loadLanguage(lng);
  if (i18n.language !== lng) await i18n.changeLanguage(lng);
}

/**
 * Resolves once the first language is loaded, so the first render is already in it. A chunk that
 * cannot be fetched leaves the page in English rather than blank.
 */
export const i18nReady: Promise<void> = switchTo(first).catch(() => undefined);

/** Follows a workshop's language until the person picks one themselves. */
export function suggestLanguage(lng: string): void {
  if (readString(KEY)) return;
  if (isUiLanguage(lng) && i18n.language !== lng) void switchTo(lng).catch(() => undefined);
}

export function setLanguage(lng: UiLanguage): Promise<void> {
  writeString(KEY, lng);
  return switchTo(lng);
}

export default i18n;
