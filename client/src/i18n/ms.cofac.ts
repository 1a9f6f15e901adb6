// Bahasa Melayu: the same keys as en.cofac.ts.
import type { enCofac } from './en.cofac';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msCofac: Strings<typeof enCofac> = {
  cofac: {
    toggle: 'Orang yang mengendalikan bengkel ini',
    heading: 'Orang yang mengendalikan “{{title}}”',
    loading: 'Memuatkan…',
    you: '(anda)',
    owner: 'Pemilik',
    cofacilitator: 'Fasilitator bersama',
    added: 'sejak {{date}}',
    invite: 'Jemput fasilitator bersama',
    inviteHelp:
      'Hantar pautan ini kepada seorang sahaja. Pautan boleh digunakan sekali, oleh akaun pertama yang telah log masuk dan membukanya, sehingga {{date}}. Sesiapa yang memegangnya boleh menjadi fasilitator bersama, jadi kongsikan secara peribadi.',
    linkLabel: 'Pautan jemputan',
    pendingHeading: 'Jemputan yang belum digunakan',
    pendingItem: 'Jemputan dibuat {{created}}, sah sehingga {{expires}}',
    withdraw: 'Tarik balik',
    withdrawn: 'Jemputan ditarik balik: pautannya tidak lagi berfungsi.',
    remove: 'Keluarkan {{name}}',
    removeTitle: 'Keluarkan {{name}}?',
    removeBody:
      '{{name}} tidak lagi dapat melihat atau mengendalikan bengkel ini. Skrin fasilitator yang sedang dibukanya ditutup serta-merta.',
    removed: '{{name}} tidak lagi mengendalikan bengkel ini.',
    makeOwner: 'Jadikan {{name}} pemilik',
    transferTitle: 'Jadikan {{name}} pemilik?',
    transferBody: '{{name}} akan dapat menjemput dan mengeluarkan orang serta memadam bengkel. Anda kekal sebagai fasilitator bersama.',
    transferred: '{{name}} kini pemilik bengkel ini.',
    leave: 'Berhenti mengendalikan bengkel ini',
    leaveTitle: 'Berhenti mengendalikan “{{title}}”?',
    leaveBody: 'Bengkel ini hilang daripada senarai anda dan skrin fasilitator anda untuknya ditutup. Pemilik boleh menjemput anda semula.',
    left: 'Anda tidak lagi mengendalikan “{{title}}”.',
    ownerNote: 'Pemilik tidak boleh dikeluarkan. Untuk keluar, jadikan seorang fasilitator bersama sebagai pemilik dahulu.',
    cofacNote: 'Hanya pemilik yang menjemput dan mengeluarkan orang.',
    accepted: 'Anda kini fasilitator bersama “{{title}}”. Ia ada dalam senarai di bawah.',
    signInToAccept: 'Anda dijemput menjadi fasilitator bersama sebuah bengkel. Log masuk atau cipta akaun untuk menerimanya.',
    errors: {
      unknown: 'Pautan jemputan ini tidak sah. Minta pautan baharu daripada pemilik bengkel.',
      used: 'Jemputan ini sudah digunakan. Minta pautan baharu daripada pemilik bengkel.',
      revoked: 'Jemputan ini telah ditarik balik. Minta pautan baharu daripada pemilik bengkel.',
      expired: 'Jemputan ini telah tamat tempoh. Minta pautan baharu daripada pemilik bengkel.',
      already_runs: 'Anda sudah mengendalikan bengkel ini. Jemputan kekal tidak digunakan untuk orang lain.',
      failed: 'Tidak berjaya. Cuba lagi.',
    },
  },
};
