// ภาษาไทย: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const thDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: '{{count}} อุปกรณ์',
    summary_other: '{{count}} อุปกรณ์',
    none: 'ยังไม่ได้เปิดบนอุปกรณ์ใด',
    listLabel: 'อุปกรณ์ของ {{name}}',
    connectedNow: 'เชื่อมต่ออยู่ตอนนี้',
    lastSeen: 'เห็นล่าสุด {{date}}',
    kind: {
      phone: 'โทรศัพท์',
      tablet: 'แท็บเล็ต',
      computer: 'คอมพิวเตอร์',
      unknown: 'อุปกรณ์',
    },
    reissue: 'ออกลิงก์ใหม่',
    reissueTitle: 'ออกลิงก์ใหม่ให้ {{name}} หรือไม่',
    reissueBody: 'ลิงก์ปัจจุบันของเขาจะใช้ไม่ได้ทันที และทุกอุปกรณ์ที่ใช้ลิงก์นั้นจะถูกตัดการเชื่อมต่อ คุณจะได้ลิงก์ใหม่ไว้ให้เขา',
    newLink: 'ลิงก์ส่วนตัวใหม่ของ {{name}}',
    newLinkHelp: 'ลิงก์เดิมใช้ไม่ได้แล้ว ส่งลิงก์นี้ให้ {{name}} เป็นการส่วนตัว อย่าแสดงบนจอโปรเจกเตอร์',
    reissueFailed: 'ออกลิงก์ใหม่ไม่สำเร็จ ลองอีกครั้ง',
    loadFailed: 'โหลดรายการอุปกรณ์ไม่ได้',
    refresh: 'โหลดรายการอุปกรณ์ใหม่',
  },
};
