// Bahasa Melayu: strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'Tentang',
    filter: 'Topik',
    filterHelp: 'Nota tentang topik ini, dalam apa-apa bahasa',
    relatedTo: 'Berkaitan dengan: {{labels}}',
    relatedHelp: 'Topik yang hampir sama tetapi berbeza, dicadangkan sebagai kelompok tersendiri',
  },
};
