// ภาษาไทย: strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const thConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'เกี่ยวกับ',
    filter: 'ประเด็น',
    filterHelp: 'โน้ตเกี่ยวกับหัวข้อนี้ ในทุกภาษา',
    relatedTo: 'เกี่ยวข้องกับ: {{labels}}',
    relatedHelp: 'หัวข้อที่ใกล้เคียงแต่ต่างกัน เสนอแยกเป็นอีกกลุ่ม',
  },
};
