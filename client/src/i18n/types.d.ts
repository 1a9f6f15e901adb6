import 'i18next';
import type { en } from './en';
import type { enHome } from './en.home';
import type { enOidc } from './en.oidc';
import type { enCofac } from './en.cofac';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    // the home's strings (with organisation sign-in's and the co-facilitators' panel's) are added
    // when its chunk loads (screens/Home.tsx), but typed as always there
    resources: { translation: typeof en & typeof enHome & typeof enOidc & typeof enCofac };
  }
}
