// Bahasa Indonesia: the same keys as en.templates.ts.
import type { enTemplates } from './en.templates';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idTemplates: Strings<typeof enTemplates> = {
  templates: {
    heading: 'Templat',
    startHeading: 'Mulai dari templat',
    startHelp: 'Templat mengisi tema, meja, pertanyaan, delegasi, dan putaran. Anda dapat mengubah semuanya sebelum membuat lokakarya.',
    builtinHeading: 'Templat siap pakai',
    builtin: {
      classic: {
        name: 'World Café klasik',
        description: 'Tiga putaran 20 menit di lima meja, setiap putaran dengan pertanyaan yang lebih mendalam.',
      },
      accsm: {
        name: 'Kafe persiapan ACCSM',
        description:
          'Sebelas delegasi (sepuluh negara anggota ASEAN dan Sekretariat ASEAN), lima karakteristik ASCC sebagai tema dan meja, tiga putaran beserta pertanyaannya.',
      },
      short: {
        name: 'Kafe satu jam',
        description: 'Dua putaran 15 menit di tiga meja yang berotasi sendiri, lalu panen hasil singkat bersama.',
      },
    },
    counts: 'Meja: {{tables}} · Delegasi: {{delegations}} · Putaran: {{rounds}}',
    use: 'Gunakan templat ini',
    mineHeading: 'Templat Anda',
    mineNone: 'Belum ada templat tersimpan. Simpan dari sebuah lokakarya, atau impor berkas templat.',
    signInForMine: 'Masuk di “Lokakarya Anda” untuk menyimpan templat Anda sendiri.',
    pastHeading: 'Mulai dari lokakarya sebelumnya',
    pastLabel: 'Lokakarya',
    pastUse: 'Gunakan pengaturannya',
    rename: 'Ganti nama',
    renameLabel: 'Nama baru untuk “{{name}}”',
    save: 'Simpan',
    cancel: 'Batal',
    exportJson: 'Ekspor (JSON)',
    delete: 'Hapus',
    deleteTitle: 'Hapus templat “{{name}}”?',
    deleteBody: 'Lokakarya yang sudah dibuat darinya tetap seperti semula.',
    deleted: 'Templat “{{name}}” dihapus.',
    renamed: 'Templat diganti namanya menjadi “{{name}}”.',
    importLabel: 'Impor berkas templat (JSON)',
    imported: 'Templat “{{name}}” diimpor.',
    importTooLarge: 'Berkas ini terlalu besar ({{size}} KB). Berkas templat paling besar {{max}} KB.',
    importNotJson: 'Berkas ini bukan JSON yang valid.',
    importNotTemplate: 'Ini bukan berkas templat. Ekspor satu dari “Templat Anda”.',
    importInvalid: 'Berkas templat ini bermasalah pada: {{fields}}',
    saveAs: 'Simpan sebagai templat',
    saveAsLabel: 'Nama templat',
    saveAsButton: 'Simpan templat',
    saved: 'Disimpan sebagai templat “{{name}}”.',
    startFromThis: 'Lokakarya baru seperti ini',
    filledFrom: 'Diisi dari “{{name}}”. Ubah apa saja sebelum membuat lokakarya.',
    failed: 'Tidak berhasil. Coba lagi.',
    limitReached: 'Anda sudah menyimpan templat sebanyak batas satu akun. Hapus satu terlebih dahulu.',
    roundsLegend: 'Putaran',
    roundsHelp: 'Atur jumlah putaran dan lamanya. Anda dapat mengubahnya nanti di konsol.',
    roundsLabel: 'Jumlah putaran',
    minutesLabel: 'Menit per putaran',
    roundQuestion: 'Pertanyaan putaran {{n}} (opsional)',
    autoRotate: 'Berpindah ke putaran berikutnya secara otomatis saat waktu habis',
    groupingEveryone: 'Semua orang boleh mengelompokkan catatan dan menyusun tujuan, bukan hanya tuan rumah meja',
  },
};
