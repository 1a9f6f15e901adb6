// ភាសាខ្មែរ (Khmer) strings for what has not reached the server yet (see en.unsent.ts). No plural
// forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const kmUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'មិនទាន់បានផ្ញើ',
    change: 'ការផ្លាស់ប្ដូរមិនទាន់បានផ្ញើ',
    noteLabel: 'កំណត់ចំណាំដោយ {{author}} មិនទាន់បានផ្ញើ៖ {{text}}',
    changeLabel: 'កំណត់ចំណាំដោយ {{author}} ការផ្លាស់ប្ដូរមិនទាន់បានផ្ញើ៖ {{text}}',
    notes_one: 'កំណត់ចំណាំ {{n}}',
    notes_other: 'កំណត់ចំណាំ {{n}}',
    changes_one: 'ការផ្លាស់ប្ដូរ {{n}}',
    changes_other: 'ការផ្លាស់ប្ដូរ {{n}}',
    both: '{{notes}} និង {{changes}} មិនទាន់បានផ្ញើ',
    one: '{{what}} មិនទាន់បានផ្ញើ',
  },
};
