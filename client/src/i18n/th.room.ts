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
  },
  presence: {
    online: 'ออนไลน์',
    offline: 'ไม่ได้เชื่อมต่อ',
    here: 'อยู่ {{n}} จาก {{of}} คน',
    typingOne: '{{name}} กำลังพิมพ์…',
    typingMany: '{{names}} กำลังพิมพ์…',
  },
};
