// မြန်မာဘာသာ (Burmese) of en.ui.ts (issue 16).
export const myUi = {
  ui: {
    dialogs: {
      clearPlanTitle: 'ထိုင်ခုံအစီအစဉ်ကို ရှင်းမလား။',
      clearPlanYes: 'အစီအစဉ် ရှင်းရန်',
      closeTitle: 'ဆွေးနွေးပွဲကို အပြီးပိတ်မလား။',
      closeYes: 'ဆွေးနွေးပွဲ ပိတ်ရန်',
      deleteClusterTitle: 'ဤအုပ်စုကို ဖျက်မလား။',
      deleteClusterYes: 'အုပ်စု ဖျက်ရန်',
      deleteGoalTitle: 'ဤပန်းတိုင်ကို ဖျက်မလား။',
      deleteGoalBody: '၎င်း၏ စာသားများ၊ ရင်းမြစ်များနှင့် မှတ်ချက်များကို လုပ်ငန်းအစီအစဉ်မှ ဖယ်ရှားပါမည်။',
      deleteGoalYes: 'ပန်းတိုင် ဖျက်ရန်',
      mergeGoalTitle: 'ဤပန်းတိုင်များကို ပေါင်းမလား။',
      mergeGoalYes: 'ပေါင်းရန်',
    },
    board: {
      tableInfoSummary_one: 'ဤစားပွဲတွင် {{people}} · ယခင်အနှစ်ချုပ် {{count}} ခု',
      tableInfoSummary_other: 'ဤစားပွဲတွင် {{people}} · ယခင်အနှစ်ချုပ် {{count}} ခု',
      tableInfoPeople: 'ဤစားပွဲတွင် {{people}}',
      undoKeys: 'Ctrl+Z',
    },
    menu: {
      more: 'နောက်ထပ် လုပ်ဆောင်ချက်များ',
      moreFor: '“{{name}}” အတွက် နောက်ထပ် လုပ်ဆောင်ချက်များ',
    },
    header: {
      menu: 'မီနူး',
    },
  },
};
