// ພາສາລາວ (Lao) of en.ui.ts (issue 16).
export const loUi = {
  ui: {
    dialogs: {
      clearPlanTitle: 'ລ້າງແຜນບ່ອນນັ່ງບໍ?',
      clearPlanYes: 'ລ້າງແຜນ',
      closeTitle: 'ປິດກອງປະຊຸມຖາວອນບໍ?',
      closeYes: 'ປິດກອງປະຊຸມ',
      deleteClusterTitle: 'ລຶບກຸ່ມນີ້ບໍ?',
      deleteClusterYes: 'ລຶບກຸ່ມ',
      deleteGoalTitle: 'ລຶບເປົ້າໝາຍນີ້ບໍ?',
      deleteGoalBody: 'ຂໍ້ຄວາມ, ທີ່ມາ ແລະ ຄຳເຫັນຂອງເປົ້າໝາຍນີ້ຈະຖືກເອົາອອກຈາກແຜນ',
      deleteGoalYes: 'ລຶບເປົ້າໝາຍ',
      mergeGoalTitle: 'ລວມເປົ້າໝາຍເຫຼົ່ານີ້ບໍ?',
      mergeGoalYes: 'ລວມ',
    },
    board: {
      tableInfoSummary_one: '{{people}} ຢູ່ໂຕະນີ້ · ບົດສະຫຼຸບຈາກຮອບກ່ອນ {{count}} ລາຍການ',
      tableInfoSummary_other: '{{people}} ຢູ່ໂຕະນີ້ · ບົດສະຫຼຸບຈາກຮອບກ່ອນ {{count}} ລາຍການ',
      tableInfoPeople: '{{people}} ຢູ່ໂຕະນີ້',
      undoKeys: 'Ctrl+Z',
    },
    menu: {
      more: 'ຄຳສັ່ງເພີ່ມເຕີມ',
      moreFor: 'ຄຳສັ່ງເພີ່ມເຕີມສຳລັບ “{{name}}”',
    },
    header: {
      menu: 'ເມນູ',
    },
  },
};
