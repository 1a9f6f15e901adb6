// Bahasa Melayu strings for what has not reached the server yet (see en.unsent.ts).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'Belum dihantar',
    change: 'Perubahan belum dihantar',
    noteLabel: 'Nota oleh {{author}}, belum dihantar: {{text}}',
    changeLabel: 'Nota oleh {{author}}, perubahan belum dihantar: {{text}}',
    notes_one: '{{n}} nota',
    notes_other: '{{n}} nota',
    changes_one: '{{n}} perubahan',
    changes_other: '{{n}} perubahan',
    both: '{{notes}} dan {{changes}} belum dihantar',
    one: '{{what}} belum dihantar',
  },
};
