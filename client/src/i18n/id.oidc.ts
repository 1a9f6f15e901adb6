// Bahasa Indonesia: the same keys as en.oidc.ts.
import type { enOidc } from './en.oidc';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idOidc: Strings<typeof enOidc> = {
  oidc: {
    signIn: 'Masuk dengan akun organisasi Anda',
    signInHelp: 'Gunakan akun yang diberikan kementerian, lembaga, atau organisasi Anda.',
    heading: 'Masuk dengan akun organisasi',
    linkedAs: 'Masuk dengan {{email}}',
    linkedNoEmail: 'Sebuah akun organisasi dapat masuk ke akun ini',
    link: 'Tautkan akun organisasi Anda',
    linkHelp: 'Setelah itu Anda dapat masuk dengan akun organisasi maupun dengan kunci sandi.',
    result: {
      signed_in: 'Berhasil masuk dengan akun organisasi Anda.',
      linked: 'Akun organisasi Anda sudah ditautkan: mulai sekarang Anda dapat masuk dengannya.',
      denied: 'Proses masuk dibatalkan di organisasi Anda. Tidak ada yang diubah.',
      provider_unavailable:
        'Layanan masuk organisasi Anda tidak dapat dihubungi saat ini. Coba lagi beberapa menit lagi, atau masuk dengan kunci sandi.',
      expired: 'Proses masuk itu terlalu lama atau sudah pernah dipakai. Silakan mulai lagi.',
      already_linked: 'Akun organisasi itu sudah ditautkan ke akun lain di sini.',
      failed: 'Masuk dengan akun organisasi tidak berhasil. Silakan mulai lagi.',
    },
  },
};
