// ພາສາລາວ (Lao): strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const loConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'ກ່ຽວກັບ',
    filter: 'ປະເດັນ',
    filterHelp: 'ບັນທຶກກ່ຽວກັບປະເດັນນີ້ ໃນທຸກພາສາ',
    relatedTo: 'ກ່ຽວຂ້ອງກັບ: {{labels}}',
    relatedHelp: 'ປະເດັນທີ່ໃກ້ຄຽງແຕ່ແຕກຕ່າງ ສະເໜີແຍກເປັນອີກກຸ່ມໜຶ່ງ',
  },
};
