// မြန်မာဘာသာ (Burmese): strings for what notes are about, the same keys as en.concepts.ts.
import type { enConcepts } from './en.concepts';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const myConcepts: Strings<typeof enConcepts> = {
  concepts: {
    chips: 'အကြောင်းအရာများ',
    filter: 'အကြောင်းအရာ',
    filterHelp: 'ဤအကြောင်းအရာနှင့် ပတ်သက်သော မှတ်စုများ၊ မည်သည့်ဘာသာဖြင့်မဆို',
    relatedTo: 'ဆက်စပ်သည်- {{labels}}',
    relatedHelp: 'နီးစပ်သော်လည်း ကွဲပြားသော အကြောင်းအရာ၊ သီးခြားအုပ်စုအဖြစ် အကြံပြုထားသည်',
  },
};
