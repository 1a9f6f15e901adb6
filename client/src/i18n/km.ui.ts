// ភាសាខ្មែរ (Khmer) of en.ui.ts (issue 16). No plural forms: *_one is kept for the type.
import type { enUi } from './en.ui';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const kmUi: Strings<typeof enUi> = {
  ui: {
    dialogs: {
      clearPlanTitle: 'សម្អាតផែនការកន្លែងអង្គុយ?',
      clearPlanYes: 'សម្អាតផែនការ',
      closeTitle: 'បិទសិក្ខាសាលាជាស្ថាពរ?',
      closeYes: 'បិទសិក្ខាសាលា',
      deleteClusterTitle: 'លុបក្រុមនេះ?',
      deleteClusterYes: 'លុបក្រុម',
      deleteGoalTitle: 'លុបគោលដៅនេះ?',
      deleteGoalBody: 'អត្ថបទ ប្រភព និងមតិយោបល់របស់គោលដៅនេះនឹងត្រូវដកចេញពីផែនការ។',
      deleteGoalYes: 'លុបគោលដៅ',
      mergeGoalTitle: 'បញ្ចូលគោលដៅទាំងនេះចូលគ្នា?',
      mergeGoalYes: 'បញ្ចូលគ្នា',
    },
    board: {
      tableInfoSummary_one: '{{people}} នៅតុនេះ · សេចក្ដីសង្ខេបពីជុំមុន {{count}}',
      tableInfoSummary_other: '{{people}} នៅតុនេះ · សេចក្ដីសង្ខេបពីជុំមុន {{count}}',
      tableInfoPeople: '{{people}} នៅតុនេះ',
      undoKeys: 'Ctrl + Z',
    },
    menu: {
      more: 'សកម្មភាពបន្ថែម',
      moreFor: 'សកម្មភាពបន្ថែមសម្រាប់ “{{name}}”',
    },
    header: {
      menu: 'ម៉ឺនុយ',
    },
  },
};
