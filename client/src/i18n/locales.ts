// Where each language's strings come from. English is in the first download (it is the fallback
// and the source of the types); every other language is a chunk of its own, fetched only when a
// person uses it. A language listed in languages.ts must have a loader here (the Record's type).
import type { Translation } from './en';
import type { UiLanguage } from './languages';

export const LOADERS: Record<Exclude<UiLanguage, 'en'>, () => Promise<Translation>> = {
  th: () => import('./th').then((m) => m.th),
  vi: () => import('./vi').then((m) => m.vi),
  id: () => import('./id').then((m) => m.id),
  ms: () => import('./ms').then((m) => m.ms),
  fil: () => import('./fil').then((m) => m.fil),
  km: () => import('./km').then((m) => m.km),
  lo: () => import('./lo').then((m) => m.lo),
  my: () => import('./my').then((m) => m.my),
};
