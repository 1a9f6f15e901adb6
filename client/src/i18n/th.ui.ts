// ภาษาไทย of en.ui.ts (issue 16).
export const thUi = {
  ui: {
    dialogs: {
      clearPlanTitle: 'ล้างแผนที่นั่งหรือไม่',
      clearPlanYes: 'ล้างแผน',
      closeTitle: 'ปิดเวิร์กช็อปถาวรหรือไม่',
      closeYes: 'ปิดเวิร์กช็อป',
      deleteClusterTitle: 'ลบกลุ่มนี้หรือไม่',
      deleteClusterYes: 'ลบกลุ่ม',
      deleteGoalTitle: 'ลบเป้าหมายนี้หรือไม่',
      deleteGoalBody: 'ข้อความ ที่มา และความคิดเห็นของเป้าหมายนี้จะถูกนำออกจากแผน',
      deleteGoalYes: 'ลบเป้าหมาย',
      mergeGoalTitle: 'รวมเป้าหมายเหล่านี้หรือไม่',
      mergeGoalYes: 'รวม',
    },
    board: {
      addNote: 'เพิ่มโน้ต',
      closeComposer: 'ปิด',
      tableInfo: 'ใครอยู่ที่นี่และรอบก่อน ๆ พบอะไร',
      tableInfoSummary_one: '{{people}} ที่โต๊ะนี้ · สรุปจากรอบก่อน {{count}} รายการ',
      tableInfoSummary_other: '{{people}} ที่โต๊ะนี้ · สรุปจากรอบก่อน {{count}} รายการ',
      tableInfoPeople: '{{people}} ที่โต๊ะนี้',
      noteRestored: 'กู้คืนโน้ตแล้ว',
      noteMoved: 'ย้ายโน้ตแล้ว',
      undoKeys: 'Ctrl+Z',
    },
    menu: {
      more: 'การทำงานเพิ่มเติม',
      moreFor: 'การทำงานเพิ่มเติม สำหรับ “{{name}}”',
    },
    header: {
      menu: 'เมนู',
      menuLabel: 'การตั้งค่าและความช่วยเหลือ',
    },
    review: {
      byGoal: 'ตามเป้าหมาย',
      goalCard: 'เป้าหมาย: {{title}}',
    },
  },
};
