// Bahasa Indonesia: the same keys as en.cofac.ts.
import type { enCofac } from './en.cofac';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idCofac: Strings<typeof enCofac> = {
  cofac: {
    toggle: 'Orang yang menjalankan lokakarya ini',
    heading: 'Orang yang menjalankan “{{title}}”',
    loading: 'Memuat…',
    you: '(Anda)',
    owner: 'Pemilik',
    cofacilitator: 'Fasilitator pendamping',
    added: 'sejak {{date}}',
    invite: 'Undang fasilitator pendamping',
    inviteHelp:
      'Kirim tautan ini kepada satu orang. Tautan hanya berlaku sekali, untuk akun pertama yang sudah masuk dan membukanya, sampai {{date}}. Siapa pun yang memegangnya bisa menjadi fasilitator pendamping, jadi bagikan secara pribadi.',
    linkLabel: 'Tautan undangan',
    pendingHeading: 'Undangan yang belum dipakai',
    pendingItem: 'Undangan dibuat {{created}}, berlaku sampai {{expires}}',
    withdraw: 'Tarik kembali',
    withdrawn: 'Undangan ditarik kembali: tautannya tidak berlaku lagi.',
    remove: 'Keluarkan {{name}}',
    removeTitle: 'Keluarkan {{name}}?',
    removeBody:
      '{{name}} tidak akan lagi melihat atau menjalankan lokakarya ini. Layar fasilitator yang sedang dibukanya langsung ditutup.',
    removed: '{{name}} tidak lagi menjalankan lokakarya ini.',
    makeOwner: 'Jadikan {{name}} pemilik',
    transferTitle: 'Jadikan {{name}} pemilik?',
    transferBody:
      '{{name}} akan dapat mengundang dan mengeluarkan orang serta menghapus lokakarya. Anda tetap menjadi fasilitator pendamping.',
    transferred: '{{name}} sekarang pemilik lokakarya ini.',
    leave: 'Berhenti menjalankan lokakarya ini',
    leaveTitle: 'Berhenti menjalankan “{{title}}”?',
    leaveBody: 'Lokakarya hilang dari daftar Anda dan layar fasilitator Anda untuknya ditutup. Pemilik dapat mengundang Anda lagi.',
    left: 'Anda tidak lagi menjalankan “{{title}}”.',
    ownerNote: 'Pemilik tidak dapat dikeluarkan. Untuk keluar, jadikan dulu seorang fasilitator pendamping sebagai pemilik.',
    cofacNote: 'Hanya pemilik yang mengundang dan mengeluarkan orang.',
    accepted: 'Anda sekarang fasilitator pendamping “{{title}}”. Lokakarya itu ada di daftar di bawah.',
    signInToAccept: 'Anda diundang menjadi fasilitator pendamping sebuah lokakarya. Masuk atau buat akun untuk menerimanya.',
    errors: {
      unknown: 'Tautan undangan ini tidak sah. Mintalah tautan baru kepada pemilik lokakarya.',
      used: 'Undangan ini sudah dipakai. Mintalah tautan baru kepada pemilik lokakarya.',
      revoked: 'Undangan ini sudah ditarik kembali. Mintalah tautan baru kepada pemilik lokakarya.',
      expired: 'Undangan ini sudah kedaluwarsa. Mintalah tautan baru kepada pemilik lokakarya.',
      already_runs: 'Anda sudah menjalankan lokakarya ini. Undangan tetap belum terpakai untuk orang lain.',
      failed: 'Tidak berhasil. Coba lagi.',
    },
  },
};
