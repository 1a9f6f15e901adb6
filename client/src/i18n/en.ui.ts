// English strings of issue 16 (board first, calm harvest, in-app dialogs, keyboard undo, the
// phone header's menu, the review console's cards).
export const enUi = {
  ui: {
    dialogs: {
      clearPlanTitle: 'Clear the seating plan?',
      clearPlanYes: 'Clear the plan',
      closeTitle: 'Close the workshop for good?',
      closeYes: 'Close the workshop',
      deleteClusterTitle: 'Delete this cluster?',
      deleteClusterYes: 'Delete the cluster',
      deleteGoalTitle: 'Delete this goal?',
      deleteGoalBody: 'Its texts, sources and comments are removed from the plan.',
      deleteGoalYes: 'Delete the goal',
      mergeGoalTitle: 'Merge these goals?',
      mergeGoalYes: 'Merge',
    },
    board: {
      tableInfoSummary_one: '{{people}} at this table · {{count}} earlier summary',
      tableInfoSummary_other: '{{people}} at this table · {{count}} earlier summaries',
      tableInfoPeople: '{{people}} at this table',
      undoKeys: 'Ctrl+Z',
    },
    menu: {
      more: 'More actions',
      moreFor: 'More actions for “{{name}}”',
    },
    header: {
      menu: 'Menu',
    },
  },
};
