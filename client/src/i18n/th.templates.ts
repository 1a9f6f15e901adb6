// ภาษาไทย: the same keys as en.templates.ts.
import type { enTemplates } from './en.templates';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const thTemplates: Strings<typeof enTemplates> = {
  templates: {
    heading: 'แม่แบบ',
    startHeading: 'เริ่มจากแม่แบบ',
    startHelp: 'แม่แบบจะกรอกประเด็น โต๊ะ คำถาม คณะผู้แทน และรอบให้ คุณแก้ไขได้ทุกอย่างก่อนสร้างเวิร์กช็อป',
    builtinHeading: 'แม่แบบสำเร็จรูป',
    builtin: {
      classic: {
        name: 'เวิลด์คาเฟ่แบบดั้งเดิม',
        description: 'สามรอบ รอบละ 20 นาที ที่โต๊ะห้าโต๊ะ แต่ละรอบมีคำถามที่ลึกขึ้น',
      },
      accsm: {
        name: 'คาเฟ่เตรียมการ ACCSM',
        description:
          'คณะผู้แทนสิบเอ็ดคณะ (ประเทศสมาชิกอาเซียนสิบประเทศและสำนักเลขาธิการอาเซียน) คุณลักษณะห้าประการของ ASCC เป็นประเด็นและโต๊ะ สามรอบพร้อมคำถาม',
      },
      short: {
        name: 'คาเฟ่หนึ่งชั่วโมง',
        description: 'สองรอบ รอบละ 15 นาที ที่โต๊ะสามโต๊ะซึ่งหมุนเวียนเอง แล้วสรุปผลร่วมกันสั้น ๆ',
      },
    },
    counts: 'โต๊ะ: {{tables}} · คณะผู้แทน: {{delegations}} · รอบ: {{rounds}}',
    use: 'ใช้แม่แบบนี้',
    mineHeading: 'แม่แบบของคุณ',
    mineNone: 'ยังไม่มีแม่แบบที่บันทึกไว้ บันทึกจากเวิร์กช็อป หรือนำเข้าไฟล์แม่แบบ',
    signInForMine: 'เข้าสู่ระบบที่ “เวิร์กช็อปของคุณ” เพื่อเก็บแม่แบบของคุณเอง',
    pastHeading: 'เริ่มจากเวิร์กช็อปที่ผ่านมา',
    pastLabel: 'เวิร์กช็อป',
    pastUse: 'ใช้การตั้งค่าของเวิร์กช็อปนี้',
    rename: 'เปลี่ยนชื่อ',
    renameLabel: 'ชื่อใหม่ของ “{{name}}”',
    save: 'บันทึก',
    cancel: 'ยกเลิก',
    exportJson: 'ส่งออก (JSON)',
    delete: 'ลบ',
    deleteTitle: 'ลบแม่แบบ “{{name}}” หรือไม่',
    deleteBody: 'เวิร์กช็อปที่สร้างจากแม่แบบนี้แล้วจะไม่เปลี่ยนแปลง',
    deleted: 'ลบแม่แบบ “{{name}}” แล้ว',
    renamed: 'เปลี่ยนชื่อแม่แบบเป็น “{{name}}” แล้ว',
    importLabel: 'นำเข้าไฟล์แม่แบบ (JSON)',
    imported: 'นำเข้าแม่แบบ “{{name}}” แล้ว',
    importTooLarge: 'ไฟล์นี้ใหญ่เกินไป ({{size}} KB) ไฟล์แม่แบบมีขนาดได้ไม่เกิน {{max}} KB',
    importNotJson: 'ไฟล์นี้ไม่ใช่ JSON ที่ถูกต้อง',
    importNotTemplate: 'ไฟล์นี้ไม่ใช่ไฟล์แม่แบบ ส่งออกได้จาก “แม่แบบของคุณ”',
    importInvalid: 'ไฟล์แม่แบบนี้มีปัญหาที่: {{fields}}',
    saveAs: 'บันทึกเป็นแม่แบบ',
    saveAsLabel: 'ชื่อแม่แบบ',
    saveAsButton: 'บันทึกแม่แบบ',
    saved: 'บันทึกเป็นแม่แบบ “{{name}}” แล้ว',
    startFromThis: 'สร้างเวิร์กช็อปใหม่แบบนี้',
    filledFrom: 'กรอกข้อมูลจาก “{{name}}” แล้ว แก้ไขได้ก่อนสร้างเวิร์กช็อป',
    failed: 'ทำไม่สำเร็จ ลองอีกครั้ง',
    limitReached: 'คุณมีแม่แบบครบจำนวนสูงสุดที่บัญชีเก็บได้แล้ว ลบแม่แบบหนึ่งก่อน',
    roundsLegend: 'รอบ',
    roundsHelp: 'กำหนดจำนวนรอบและความยาวของแต่ละรอบ เปลี่ยนภายหลังได้ในหน้าควบคุม',
    roundsLabel: 'จำนวนรอบ',
    minutesLabel: 'นาทีต่อรอบ',
    roundQuestion: 'คำถามของรอบที่ {{n}} (ไม่บังคับ)',
    autoRotate: 'หมุนเวียนไปยังรอบถัดไปโดยอัตโนมัติเมื่อหมดเวลา',
    groupingEveryone: 'ทุกคนจัดกลุ่มโน้ตและร่างเป้าหมายได้ ไม่เฉพาะเจ้าภาพโต๊ะ',
  },
};
