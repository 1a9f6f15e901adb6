// Lao strings for what has not reached the server yet (see en.unsent.ts). Lao has one plural
// form; the classifiers are ແຜ່ນ for notes and ລາຍການ for changes.
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const loUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'ຍັງບໍ່ໄດ້ສົ່ງ',
    change: 'ການປ່ຽນແປງຍັງບໍ່ໄດ້ສົ່ງ',
    noteLabel: 'ບັນທຶກໂດຍ {{author}} ຍັງບໍ່ໄດ້ສົ່ງ: {{text}}',
    changeLabel: 'ບັນທຶກໂດຍ {{author}} ການປ່ຽນແປງຍັງບໍ່ໄດ້ສົ່ງ: {{text}}',
    notes_one: 'ບັນທຶກ {{n}} ແຜ່ນ',
    notes_other: 'ບັນທຶກ {{n}} ແຜ່ນ',
    changes_one: 'ການປ່ຽນແປງ {{n}} ລາຍການ',
    changes_other: 'ການປ່ຽນແປງ {{n}} ລາຍການ',
    both: '{{notes}} ແລະ {{changes}} ຍັງບໍ່ໄດ້ສົ່ງ',
    one: '{{what}} ຍັງບໍ່ໄດ້ສົ່ງ',
  },
};
