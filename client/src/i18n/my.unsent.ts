// မြန်မာဘာသာ (Burmese) strings for what has not reached the server yet (see en.unsent.ts).
// No plural forms: the counter ခု is used for notes and changes alike.
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const myUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'မပို့ရသေးပါ',
    change: 'ပြောင်းလဲမှု မပို့ရသေးပါ',
    noteLabel: '{{author}} ၏ မှတ်စု၊ မပို့ရသေးပါ- {{text}}',
    changeLabel: '{{author}} ၏ မှတ်စု၊ ပြောင်းလဲမှု မပို့ရသေးပါ- {{text}}',
    notes_one: 'မှတ်စု {{n}} ခု',
    notes_other: 'မှတ်စု {{n}} ခု',
    changes_one: 'ပြောင်းလဲမှု {{n}} ခု',
    changes_other: 'ပြောင်းလဲမှု {{n}} ခု',
    both: '{{notes}} နှင့် {{changes}} မပို့ရသေးပါ',
    one: '{{what}} မပို့ရသေးပါ',
  },
};
