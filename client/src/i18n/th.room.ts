// ภาษาไทย: the same keys as en.room.ts.
import type { enRoom } from './en.room';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const thRoom: Strings<typeof enRoom> = {
  crash: {
    title: 'หน้าจอนี้เกิดข้อผิดพลาด',
    body: 'ระบบได้รายงานข้อผิดพลาดแล้ว โน้ตและการเปลี่ยนแปลงของคุณปลอดภัยอยู่บนเซิร์ฟเวอร์ ลองอีกครั้งหรือโหลดหน้าใหม่',
    retry: 'ลองอีกครั้ง',
    reload: 'โหลดหน้าใหม่',
    home: 'ไปที่หน้าแรก',
  },
  room: {
    dismissMessage: 'ปิดข้อความ',
    undo: 'เลิกทำ',
    noteDeleted: 'ลบโน้ตแล้ว',
    console: {
      nav: 'ส่วนต่าง ๆ ของคอนโซล',
      cafeLists: 'โต๊ะและผู้เข้าร่วมของคาเฟ่',
      sections: {
        phase: 'ขั้นตอน',
        invite: 'เชิญ',
        cafe: 'รอบคาเฟ่',
        review: 'ทบทวนและส่งออก',
        stats: 'ภาพรวม',
        tables: 'โต๊ะ',
        waiting: 'ยังไม่มีที่นั่ง',
        people: 'ทุกคน',
        cafeLists: 'โต๊ะและผู้เข้าร่วม',
      },
    },
    confirm: {
      endTitle: 'จบรอบที่ {{round}} ตอนนี้หรือไม่',
      endBody: 'นาฬิกาจะหยุดที่ศูนย์บนทุกหน้าจอและทุกคนจะเห็น “หมดเวลา” แต่ละโต๊ะยังเขียนโน้ตต่อได้ ยังไม่มีใครย้ายโต๊ะจนกว่าคุณจะหมุนเวียน',
      endYes: 'จบรอบที่ {{round}}',
      rotateTitle: 'หมุนเวียนไปรอบที่ {{round}} หรือไม่',
      rotateBody:
        'ทุกคนที่ต้องย้ายโต๊ะจะได้รับบัตรที่นั่งของรอบที่ {{round}} กระดานโต๊ะเดิมจะเป็นแบบอ่านอย่างเดียวจนกว่าจะยืนยันว่า “ฉันมาถึงแล้ว” เจ้าภาพโต๊ะอยู่ที่โต๊ะเดิม นาฬิกาจะตั้งใหม่เป็น {{minutes}} นาทีและรอให้คุณกดเริ่ม',
      rotateYes: 'หมุนเวียนไปรอบที่ {{round}}',
    },
    save: {
      saving: 'กำลังบันทึก…',
      allSaved: 'บันทึกครบแล้ว',
      saved: 'บันทึกแล้ว',
    },
    keys: {
      title: 'แป้นพิมพ์ลัด',
      groups: { everywhere: 'ทุกหน้า', board: 'บนกระดานของโต๊ะ', harvest: 'ในช่วงสรุปผล' },
      sheet: { keys: '?', does: 'แสดงรายการแป้นพิมพ์ลัดนี้' },
      skip: { keys: 'Tab (ครั้งแรก)', does: 'ข้ามไปยังเนื้อหาหลัก' },
      close: { keys: 'Esc', does: 'ปิดหน้าต่างหรือยกเลิกการแก้ไข', button: 'ปิด' },
      add: { keys: 'Ctrl + Enter', does: 'เพิ่มโน้ตที่กำลังเขียน (⌘ + Enter บน Mac)' },
      move: { keys: '← ↑ → ↓', does: 'ย้ายโน้ตที่เลือกอยู่' },
      moveFar: { keys: 'Shift + ลูกศร', does: 'ย้ายทีละมาก ๆ' },
      edit: { keys: 'Enter', does: 'แก้ไขโน้ตที่เลือกอยู่' },
      save: { keys: 'Ctrl + Enter', does: 'บันทึกโน้ตที่กำลังแก้ไข' },
      cancel: { keys: 'Esc', does: 'เลิกแก้ไขโดยไม่บันทึก' },
      remove: { keys: 'Delete', does: 'ลบโน้ตที่เลือกอยู่ (มีปุ่มเลิกทำให้กดได้สักครู่)' },
      undo: { keys: 'Ctrl+Z / ⌘Z', does: 'เลิกทำการลบหรือการย้ายโน้ตครั้งล่าสุดของคุณ (กลับไปที่โน้ตนั้น)' },
      tabs: { keys: '← → Home End', does: 'สลับแท็บในช่วงสรุปผล' },
      pickUp: { keys: 'Space หรือ Enter', does: 'หยิบโน้ตที่ที่จับ' },
      carry: { keys: 'ลูกศร', does: 'พาไปยังกลุ่มหรือโน้ตอื่น' },
      drop: { keys: 'Space หรือ Enter / Esc', does: 'วางลงตรงนั้น / ยกเลิก' },
    },
    presence: {
      online: 'ออนไลน์',
      offline: 'ไม่ได้เชื่อมต่อ',
      here: 'อยู่ {{n}} จาก {{of}} คน',
      typingOne: '{{name}} กำลังพิมพ์…',
      typingMany: '{{names}} กำลังพิมพ์…',
    },
  },
};
