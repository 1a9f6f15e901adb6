// ພາສາລາວ: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const loDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: '{{count}} ອຸປະກອນ',
    summary_other: '{{count}} ອຸປະກອນ',
    none: 'ຍັງບໍ່ທັນໄດ້ເປີດຢູ່ອຸປະກອນໃດ',
    listLabel: 'ອຸປະກອນຂອງ {{name}}',
    connectedNow: 'ກຳລັງເຊື່ອມຕໍ່ຢູ່',
    lastSeen: 'ເຫັນຫຼ້າສຸດ {{date}}',
    kind: {
      phone: 'ໂທລະສັບ',
      tablet: 'ແທັບເລັດ',
      computer: 'ຄອມພິວເຕີ',
      unknown: 'ອຸປະກອນ',
    },
    reissue: 'ອອກລິ້ງໃໝ່',
    reissueTitle: 'ອອກລິ້ງໃໝ່ໃຫ້ {{name}} ບໍ?',
    reissueBody: 'ລິ້ງປັດຈຸບັນຂອງເຂົາຈະໃຊ້ບໍ່ໄດ້ທັນທີ ແລະ ທຸກອຸປະກອນທີ່ໃຊ້ລິ້ງນັ້ນຈະຖືກຕັດການເຊື່ອມຕໍ່. ທ່ານຈະໄດ້ລິ້ງໃໝ່ເພື່ອມອບໃຫ້ເຂົາ.',
    newLink: 'ລິ້ງສ່ວນຕົວໃໝ່ຂອງ {{name}}',
    newLinkHelp: 'ລິ້ງເກົ່າໃຊ້ບໍ່ໄດ້ແລ້ວ. ສົ່ງລິ້ງນີ້ໃຫ້ {{name}} ເປັນການສ່ວນຕົວ, ຢ່າສະແດງຢູ່ຈໍໂປເຈັກເຕີ.',
    reissueFailed: 'ອອກລິ້ງໃໝ່ບໍ່ສຳເລັດ. ລອງອີກຄັ້ງ.',
    loadFailed: 'ໂຫຼດລາຍການອຸປະກອນບໍ່ໄດ້.',
    refresh: 'ໂຫຼດລາຍການອຸປະກອນໃໝ່',
  },
};
