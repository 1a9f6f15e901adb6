// Tiếng Việt of en.ui.ts (issue 16).
export const viUi = {
  ui: {
    dialogs: {
      clearPlanTitle: 'Xóa sơ đồ chỗ ngồi?',
      clearPlanYes: 'Xóa sơ đồ',
      closeTitle: 'Đóng hẳn hội thảo?',
      closeYes: 'Đóng hội thảo',
      deleteClusterTitle: 'Xóa nhóm này?',
      deleteClusterYes: 'Xóa nhóm',
      deleteGoalTitle: 'Xóa mục tiêu này?',
      deleteGoalBody: 'Nội dung, nguồn và bình luận của mục tiêu sẽ bị gỡ khỏi kế hoạch.',
      deleteGoalYes: 'Xóa mục tiêu',
      mergeGoalTitle: 'Gộp các mục tiêu này?',
      mergeGoalYes: 'Gộp',
    },
    board: {
      tableInfoSummary_one: '{{people}} tại bàn này · {{count}} bản tóm tắt trước',
      tableInfoSummary_other: '{{people}} tại bàn này · {{count}} bản tóm tắt trước',
      tableInfoPeople: '{{people}} tại bàn này',
      undoKeys: 'Ctrl+Z',
    },
    menu: {
      more: 'Thao tác khác',
      moreFor: 'Thao tác khác cho “{{name}}”',
    },
    header: {
      menu: 'Trình đơn',
    },
  },
};
