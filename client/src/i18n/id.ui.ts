// Bahasa Indonesia (Indonesian) of en.ui.ts (issue 16).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enUi } from './en.ui';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idUi: Strings<typeof enUi> = {
  ui: {
    dialogs: {
      clearPlanTitle: 'Kosongkan rencana tempat duduk?',
      clearPlanYes: 'Kosongkan rencana',
      closeTitle: 'Tutup lokakarya secara permanen?',
      closeYes: 'Tutup lokakarya',
      deleteClusterTitle: 'Hapus klaster ini?',
      deleteClusterYes: 'Hapus klaster',
      deleteGoalTitle: 'Hapus sasaran ini?',
      deleteGoalBody: 'Teks, asal-usul, dan komentarnya dihapus dari rencana.',
      deleteGoalYes: 'Hapus sasaran',
      mergeGoalTitle: 'Gabungkan sasaran-sasaran ini?',
      mergeGoalYes: 'Gabungkan',
    },
    board: {
      tableInfoSummary_one: '{{people}} di meja ini · {{count}} ringkasan dari putaran sebelumnya',
      tableInfoSummary_other: '{{people}} di meja ini · {{count}} ringkasan dari putaran sebelumnya',
      tableInfoPeople: '{{people}} di meja ini',
      undoKeys: 'Ctrl + Z',
    },
    menu: {
      more: 'Tindakan lain',
      moreFor: 'Tindakan lain untuk “{{name}}”',
    },
    header: {
      menu: 'Menu utama',
    },
  },
};
