import 'i18next';
import type { en } from './en';
import type { enHome } from './en.home';
import type { enOidc } from './en.oidc';
import type { enCofac } from './en.cofac';
import type { enTemplates } from './en.templates';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // the home's strings (with organisation sign-in's and the co-facilitators' panel's) and the
    // templates' are added when their chunks load (screens/Home.tsx, components/templates/strings.ts),
    // but typed as always there
    resources: { translation: typeof en & typeof enHome & typeof enOidc & typeof enCofac & typeof enTemplates };
  }
}
