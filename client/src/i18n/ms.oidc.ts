// Bahasa Melayu: the same keys as en.oidc.ts.
import type { enOidc } from './en.oidc';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msOidc: Strings<typeof enOidc> = {
  oidc: {
    signIn: 'Log masuk dengan akaun organisasi anda',
    signInHelp: 'Gunakan akaun yang diberikan oleh kementerian, agensi atau organisasi anda.',
    heading: 'Log masuk dengan akaun organisasi',
    linkedAs: 'Log masuk dengan {{email}}',
    linkedNoEmail: 'Satu akaun organisasi boleh log masuk ke akaun ini',
    link: 'Pautkan akaun organisasi anda',
    linkHelp: 'Selepas itu anda boleh log masuk dengan akaun organisasi dan juga dengan kunci laluan.',
    result: {
      signed_in: 'Anda telah log masuk dengan akaun organisasi.',
      linked: 'Akaun organisasi anda telah dipautkan: mulai sekarang anda boleh log masuk dengannya.',
      denied: 'Log masuk dibatalkan di organisasi anda. Tiada apa-apa yang berubah.',
      provider_unavailable:
        'Perkhidmatan log masuk organisasi anda tidak dapat dihubungi sekarang. Cuba lagi dalam beberapa minit, atau log masuk dengan kunci laluan.',
      expired: 'Log masuk itu mengambil masa terlalu lama atau sudah digunakan. Sila mula semula.',
      already_linked: 'Akaun organisasi itu sudah dipautkan kepada akaun lain di sini.',
      failed: 'Log masuk dengan akaun organisasi tidak berjaya. Sila mula semula.',
    },
  },
};
