import 'i18next';
import type { en } from './en';
import type { enHome } from './en.home';
import type { enTemplates } from './en.templates';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // the home's and the templates' strings are added when their chunks load (screens/Home.tsx,
    // components/templates/strings.ts), but typed as always there
    resources: { translation: typeof en & typeof enHome & typeof enTemplates };
  }
}
