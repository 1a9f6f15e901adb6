// Filipino of en.ui.ts (issue 16). Filipino has two plural forms (one, other), as English does.
import type { enUi } from './en.ui';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filUi: Strings<typeof enUi> = {
  ui: {
    dialogs: {
      clearPlanTitle: 'I-clear ang seating plan?',
      clearPlanYes: 'I-clear ang plan',
      closeTitle: 'Isara nang tuluyan ang workshop?',
      closeYes: 'Isara ang workshop',
      deleteClusterTitle: 'Burahin ang grupong ito?',
      deleteClusterYes: 'Burahin ang grupo',
      deleteGoalTitle: 'Burahin ang layuning ito?',
      deleteGoalBody: 'Aalisin sa plan ang mga teksto, pinagmulan at puna nito.',
      deleteGoalYes: 'Burahin ang layunin',
      mergeGoalTitle: 'Pagsamahin ang mga layuning ito?',
      mergeGoalYes: 'Pagsamahin',
    },
    board: {
      tableInfoSummary_one: '{{people}} sa mesang ito · {{count}} buod mula sa naunang round',
      tableInfoSummary_other: '{{people}} sa mesang ito · {{count}} buod mula sa mga naunang round',
      tableInfoPeople: '{{people}} sa mesang ito',
      undoKeys: 'Ctrl + Z',
    },
    menu: {
      more: 'Iba pang aksyon',
      moreFor: 'Iba pang aksyon para sa “{{name}}”',
    },
    header: {
      menu: 'Pangunahing menu',
    },
  },
};
