// Bahasa Melayu of en.ui.ts (issue 16).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enUi } from './en.ui';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msUi: Strings<typeof enUi> = {
  ui: {
    dialogs: {
      clearPlanTitle: 'Kosongkan pelan tempat duduk?',
      clearPlanYes: 'Kosongkan pelan',
      closeTitle: 'Tutup bengkel secara kekal?',
      closeYes: 'Tutup bengkel',
      deleteClusterTitle: 'Padam kelompok ini?',
      deleteClusterYes: 'Padam kelompok',
      deleteGoalTitle: 'Padam matlamat ini?',
      deleteGoalBody: 'Teks, sumber dan ulasannya akan dikeluarkan daripada pelan.',
      deleteGoalYes: 'Padam matlamat',
      mergeGoalTitle: 'Gabungkan matlamat-matlamat ini?',
      mergeGoalYes: 'Gabungkan',
    },
    board: {
      tableInfoSummary_one: '{{people}} di meja ini · {{count}} ringkasan terdahulu',
      tableInfoSummary_other: '{{people}} di meja ini · {{count}} ringkasan terdahulu',
      tableInfoPeople: '{{people}} di meja ini',
      undoKeys: 'Ctrl + Z',
    },
    menu: {
      more: 'Tindakan lain',
      moreFor: 'Tindakan lain untuk “{{name}}”',
    },
    header: {
      menu: 'Menu pilihan',
    },
  },
};
