// မြန်မာဘာသာ: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const myDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: 'စက်ပစ္စည်း {{count}} ခု',
    summary_other: 'စက်ပစ္စည်း {{count}} ခု',
    none: 'မည်သည့်စက်ပစ္စည်းတွင်မျှ မဖွင့်ရသေးပါ',
    listLabel: '{{name}} ၏ စက်ပစ္စည်းများ',
    connectedNow: 'ယခု ချိတ်ဆက်ထားသည်',
    lastSeen: 'နောက်ဆုံးတွေ့ချိန် {{date}}',
    kind: {
      phone: 'ဖုန်း',
      tablet: 'တက်ဘလက်',
      computer: 'ကွန်ပျူတာ',
      unknown: 'စက်ပစ္စည်း',
    },
    reissue: 'လင့်ခ်အသစ် ထုတ်ပေးရန်',
    reissueTitle: '{{name}} အတွက် လင့်ခ်အသစ် ထုတ်ပေးမလား။',
    reissueBody: '၎င်းတို့၏ လက်ရှိလင့်ခ်သည် ချက်ချင်း အလုပ်မလုပ်တော့ဘဲ ၎င်းကို သုံးနေသော စက်ပစ္စည်းအားလုံး ချိတ်ဆက်မှု ပြတ်သွားပါမည်။ ၎င်းတို့ထံ ပေးရန် လင့်ခ်အသစ်တစ်ခု ရရှိပါမည်။',
    newLink: '{{name}} အတွက် ကိုယ်ပိုင်လင့်ခ်အသစ်',
    newLinkHelp: 'လင့်ခ်အဟောင်း အလုပ်မလုပ်တော့ပါ။ ဤလင့်ခ်ကို {{name}} ထံ သီးသန့်ပေးပါ၊ ပရိုဂျက်တာ မျက်နှာပြင်ပေါ်တွင် မပြပါနှင့်။',
    reissueFailed: 'လင့်ခ်အသစ် ထုတ်ပေး၍ မရပါ။ ထပ်ကြိုးစားပါ။',
    loadFailed: 'စက်ပစ္စည်းစာရင်းကို ဖွင့်၍ မရပါ။',
    refresh: 'စက်ပစ္စည်းစာရင်းကို ပြန်ဖွင့်ရန်',
  },
};
