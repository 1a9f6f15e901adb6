// ភាសាខ្មែរ (Khmer): strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const kmConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'អំពី',
    filter: 'ប្រធានបទ',
    filterHelp: 'កំណត់ចំណាំអំពីប្រធានបទនេះ ជាភាសាណាក៏បាន',
    relatedTo: 'ពាក់ព័ន្ធនឹង៖ {{labels}}',
    relatedHelp: 'ប្រធានបទជិតគ្នា ប៉ុន្តែខុសគ្នា ដែលស្នើជាក្រុមដាច់ដោយឡែក',
  },
};
