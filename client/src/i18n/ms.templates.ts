// Bahasa Melayu: the same keys as en.templates.ts.
import type { enTemplates } from './en.templates';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msTemplates: Strings<typeof enTemplates> = {
  templates: {
    heading: 'Templat',
    startHeading: 'Mula daripada templat',
    startHelp: 'Templat mengisi tema, meja, soalan, delegasi dan pusingan. Anda boleh mengubah semuanya sebelum mencipta bengkel.',
    builtinHeading: 'Templat sedia ada',
    builtin: {
      classic: {
        name: 'World Café klasik',
        description: 'Tiga pusingan 20 minit di lima meja, setiap pusingan dengan soalan yang lebih mendalam.',
      },
      accsm: {
        name: 'Kafe persediaan ACCSM',
        description:
          'Sebelas delegasi (sepuluh negara anggota ASEAN dan Sekretariat ASEAN), lima ciri ASCC sebagai tema dan meja, tiga pusingan bersama soalannya.',
      },
      short: {
        name: 'Kafe satu jam',
        description: 'Dua pusingan 15 minit di tiga meja yang bergilir sendiri, kemudian rumusan ringkas bersama.',
      },
    },
    counts: 'Meja: {{tables}} · Delegasi: {{delegations}} · Pusingan: {{rounds}}',
    use: 'Guna templat ini',
    mineHeading: 'Templat anda',
    mineNone: 'Belum ada templat disimpan. Simpan daripada bengkel, atau import fail templat.',
    signInForMine: 'Log masuk di “Bengkel anda” untuk menyimpan templat anda sendiri.',
    pastHeading: 'Mula daripada bengkel lepas',
    pastLabel: 'Bengkel',
    pastUse: 'Guna tetapannya',
    rename: 'Namakan semula',
    renameLabel: 'Nama baharu untuk “{{name}}”',
    save: 'Simpan',
    cancel: 'Batal',
    exportJson: 'Eksport (JSON)',
    delete: 'Padam',
    deleteTitle: 'Padam templat “{{name}}”?',
    deleteBody: 'Bengkel yang telah dicipta daripadanya kekal seperti sedia ada.',
    deleted: 'Templat “{{name}}” dipadam.',
    renamed: 'Templat dinamakan semula kepada “{{name}}”.',
    importLabel: 'Import fail templat (JSON)',
    imported: 'Templat “{{name}}” diimport.',
    importTooLarge: 'Fail ini terlalu besar ({{size}} KB). Fail templat paling besar {{max}} KB.',
    importNotJson: 'Fail ini bukan JSON yang sah.',
    importNotTemplate: 'Ini bukan fail templat. Eksport satu daripada “Templat anda”.',
    importInvalid: 'Fail templat ini bermasalah pada: {{fields}}',
    saveAs: 'Simpan sebagai templat',
    saveAsLabel: 'Nama templat',
    saveAsButton: 'Simpan templat',
    saved: 'Disimpan sebagai templat “{{name}}”.',
    startFromThis: 'Bengkel baharu seperti ini',
    filledFrom: 'Diisi daripada “{{name}}”. Ubah apa-apa sebelum mencipta bengkel.',
    failed: 'Tidak berjaya. Cuba lagi.',
    limitReached: 'Anda telah menyimpan bilangan templat maksimum bagi satu akaun. Padam satu dahulu.',
    roundsLegend: 'Pusingan',
    roundsHelp: 'Tetapkan bilangan pusingan dan tempohnya. Anda boleh mengubahnya kemudian di konsol.',
    roundsLabel: 'Bilangan pusingan',
    minutesLabel: 'Minit setiap pusingan',
    roundQuestion: 'Soalan pusingan {{n}} (pilihan)',
    autoRotate: 'Bergilir ke pusingan seterusnya secara automatik apabila masa tamat',
    groupingEveryone: 'Semua orang boleh mengumpulkan nota dan merangka matlamat, bukan hanya hos meja',
  },
};
