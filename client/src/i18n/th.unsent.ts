// Thai strings for what has not reached the server yet (see en.unsent.ts). Thai has one plural
// form; the classifiers are แผ่น for notes and รายการ for changes.
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const thUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'ยังไม่ได้ส่ง',
    change: 'การแก้ไขยังไม่ได้ส่ง',
    noteLabel: 'โน้ตของ {{author}} ยังไม่ได้ส่ง: {{text}}',
    changeLabel: 'โน้ตของ {{author}} การแก้ไขยังไม่ได้ส่ง: {{text}}',
    notes_one: 'โน้ต {{n}} แผ่น',
    notes_other: 'โน้ต {{n}} แผ่น',
    changes_one: 'การแก้ไข {{n}} รายการ',
    changes_other: 'การแก้ไข {{n}} รายการ',
    both: '{{notes}} และ{{changes}} ยังไม่ได้ส่ง',
    one: '{{what}} ยังไม่ได้ส่ง',
  },
};
