// Bahasa Indonesia (Indonesian) strings for what has not reached the server yet (see
// en.unsent.ts). No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'Belum terkirim',
    change: 'Perubahan belum terkirim',
    noteLabel: 'Catatan dari {{author}}, belum terkirim: {{text}}',
    changeLabel: 'Catatan dari {{author}}, perubahan belum terkirim: {{text}}',
    notes_one: '{{n}} catatan',
    notes_other: '{{n}} catatan',
    changes_one: '{{n}} perubahan',
    changes_other: '{{n}} perubahan',
    both: '{{notes}} dan {{changes}} belum terkirim',
    one: '{{what}} belum terkirim',
  },
};
