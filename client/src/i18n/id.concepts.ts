// Bahasa Indonesia (Indonesian): strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'Tentang',
    filter: 'Topik',
    filterHelp: 'Catatan tentang topik ini, dalam bahasa apa pun',
    relatedTo: 'Berkaitan dengan: {{labels}}',
    relatedHelp: 'Topik yang dekat tetapi berbeda, diusulkan sebagai klaster tersendiri',
  },
};
