// Tiếng Việt: strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const viConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'Về',
    filter: 'Vấn đề',
    filterHelp: 'Ghi chú về vấn đề này, bằng mọi ngôn ngữ',
    relatedTo: 'Liên quan đến: {{labels}}',
    relatedHelp: 'Một vấn đề gần nhưng khác, được đề xuất thành nhóm riêng',
  },
};
