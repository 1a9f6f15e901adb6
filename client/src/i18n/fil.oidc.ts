// Filipino: the same keys as en.oidc.ts.
import type { enOidc } from './en.oidc';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filOidc: Strings<typeof enOidc> = {
  oidc: {
    signIn: 'Mag-sign in gamit ang account ng iyong organisasyon',
    signInHelp: 'Gamitin ang account na ibinigay ng iyong kagawaran, ahensiya o organisasyon.',
    heading: 'Pag-sign in gamit ang organisasyon',
    linkedAs: 'Nagsa-sign in gamit ang {{email}}',
    linkedNoEmail: 'May account ng organisasyon na nagsa-sign in sa account na ito',
    link: 'Iugnay ang account ng iyong organisasyon',
    linkHelp: 'Pagkatapos, makakapag-sign in ka gamit ang iyong organisasyon at gamit din ang passkey.',
    result: {
      signed_in: 'Naka-sign in ka na gamit ang iyong organisasyon.',
      linked: 'Naiugnay na ang account ng iyong organisasyon: magagamit mo na ito sa pag-sign in.',
      denied: 'Kinansela ang pag-sign in sa iyong organisasyon. Walang nabago.',
      provider_unavailable:
        'Hindi maabot ngayon ang serbisyo ng pag-sign in ng iyong organisasyon. Subukang muli pagkalipas ng ilang minuto, o mag-sign in gamit ang passkey.',
      expired: 'Masyadong natagalan ang pag-sign in na iyon o nagamit na ito. Pakiulit mula sa simula.',
      already_linked: 'Nakaugnay na ang account na iyon ng organisasyon sa ibang account dito.',
      failed: 'Hindi gumana ang pag-sign in gamit ang iyong organisasyon. Pakiulit mula sa simula.',
    },
  },
};
