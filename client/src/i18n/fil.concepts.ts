// Filipino: strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'Tungkol sa',
    filter: 'Paksa',
    filterHelp: 'Mga tala tungkol sa paksang ito, sa anumang wika',
    relatedTo: 'Kaugnay ng: {{labels}}',
    relatedHelp: 'Malapit pero ibang paksa, iminumungkahi bilang sariling grupo',
  },
};
