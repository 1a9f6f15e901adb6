import 'i18next';
import type { en } from './en';
import type { enHome } from './en.home';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // the home's strings are added when its chunk loads (screens/Home.tsx), but typed as always there
    resources: { translation: typeof en & typeof enHome };
  }
}
