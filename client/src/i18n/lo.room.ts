// ພາສາລາວ (Lao): the same keys as en.room.ts (checked by the types below).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enRoom } from './en.room';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const loRoom: Strings<typeof enRoom> = {
  crash: {
    title: 'ເກີດຂໍ້ຜິດພາດໃນໜ້າຈໍນີ້',
    body: 'ລາຍງານຂໍ້ຜິດພາດແລ້ວ ບັນທຶກ ແລະ ການປ່ຽນແປງຂອງທ່ານປອດໄພຢູ່ເຊີບເວີ ລອງໃໝ່ ຫຼື ໂຫຼດໜ້າຄືນ',
    retry: 'ລອງໃໝ່',
    reload: 'ໂຫຼດໜ້າຄືນ',
    home: 'ໄປໜ້າເລີ່ມຕົ້ນ',
  },
  room: {
    dismissMessage: 'ປິດຂໍ້ຄວາມ',
    undo: 'ຍ້ອນກັບ',
    noteDeleted: 'ລຶບບັນທຶກແລ້ວ',
    console: {
      nav: 'ພາກສ່ວນຂອງໜ້າຄວບຄຸມ',
      cafeLists: 'ໂຕະ ແລະ ຜູ້ເຂົ້າຮ່ວມຄາເຟ',
      sections: {
        phase: 'ໄລຍະ',
        invite: 'ເຊີນ',
        cafe: 'ຮອບຄາເຟ',
        review: 'ທົບທວນ ແລະ ສົ່ງອອກ',
        stats: 'ພາບລວມ',
        tables: 'ໂຕະ',
        waiting: 'ຍັງບໍ່ໄດ້ນັ່ງ',
        people: 'ທຸກຄົນ',
        cafeLists: 'ໂຕະ ແລະ ຜູ້ເຂົ້າຮ່ວມ',
      },
    },
    confirm: {
      endTitle: 'ຈົບຮອບທີ {{round}} ດຽວນີ້ບໍ?',
      endBody: 'ໂມງຈະຢຸດທີ່ສູນໃນທຸກໜ້າຈໍ ແລະ ຫ້ອງຈະເຫັນ “ໝົດເວລາແລ້ວ” ໂຕະຍັງຂຽນບັນທຶກໃຫ້ແລ້ວໄດ້; ບໍ່ມີໃຜຍ້າຍຈົນກວ່າທ່ານປ່ຽນຮອບ',
      endYes: 'ຈົບຮອບທີ {{round}}',
      rotateTitle: 'ປ່ຽນໄປຮອບທີ {{round}} ບໍ?',
      rotateBody:
        'ທຸກຄົນທີ່ປ່ຽນໂຕະຈະໄດ້ບັດບ່ອນນັ່ງສຳລັບຮອບທີ {{round}}; ກະດານເກົ່າຂອງເຂົາຈະອ່ານໄດ້ຢ່າງດຽວຈົນກວ່າຈະຢືນຢັນ “ຂ້ອຍມາຮອດແລ້ວ” ເຈົ້າພາບຢູ່ໂຕະຂອງຕົນ ໂມງຈະຕັ້ງຄືນເປັນ {{minutes}} ນາທີ ແລະ ລໍໃຫ້ທ່ານເລີ່ມ',
      rotateYes: 'ປ່ຽນໄປຮອບທີ {{round}}',
    },
    save: {
      saving: 'ກຳລັງບັນທຶກ…',
      allSaved: 'ບັນທຶກການປ່ຽນແປງທັງໝົດແລ້ວ',
      saved: 'ບັນທຶກແລ້ວ',
    },
    keys: {
      title: 'ປຸ່ມລັດແປ້ນພິມ',
      groups: { everywhere: 'ທຸກບ່ອນ', board: 'ເທິງກະດານຂອງໂຕະ', harvest: 'ໃນການສັງລວມ' },
      sheet: { keys: '?', does: 'ສະແດງລາຍການປຸ່ມລັດນີ້' },
      skip: { keys: 'Tab (ທຳອິດ)', does: 'ຂ້າມໄປຫາເນື້ອຫາຫຼັກ' },
      close: { keys: 'Esc', does: 'ປິດກ່ອງໂຕ້ຕອບ ຫຼື ຍົກເລີກການແກ້ໄຂ', button: 'ປິດ' },
      add: { keys: 'Ctrl + Enter', does: 'ເພີ່ມບັນທຶກທີ່ທ່ານກຳລັງຂຽນ (⌘ + Enter ໃນ Mac)' },
      move: { keys: '← ↑ → ↓', does: 'ຍ້າຍບັນທຶກທີ່ເລືອກຢູ່' },
      moveFar: { keys: 'Shift + ລູກສອນ', does: 'ຍ້າຍເປັນກ້າວໃຫຍ່ຂຶ້ນ' },
      edit: { keys: 'Enter', does: 'ແກ້ໄຂບັນທຶກທີ່ເລືອກຢູ່' },
      save: { keys: 'Ctrl + Enter', does: 'ບັນທຶກບັນທຶກທີ່ທ່ານກຳລັງແກ້ໄຂ' },
      cancel: { keys: 'Esc', does: 'ຢຸດແກ້ໄຂໂດຍບໍ່ບັນທຶກ' },
      remove: { keys: 'Delete', does: 'ລຶບບັນທຶກທີ່ເລືອກຢູ່ (ປຸ່ມຍ້ອນກັບປາກົດສອງສາມວິນາທີ)' },
      undo: { keys: 'Ctrl+Z / ⌘Z', does: 'ຍ້ອນກັບການລຶບ ຫຼື ການຍ້າຍບັນທຶກຄັ້ງລ່າສຸດຂອງທ່ານ (ກັບໄປທີ່ບັນທຶກນັ້ນ)' },
      tabs: { keys: '← → Home End', does: 'ຍ້າຍລະຫວ່າງແຖບຂອງການສັງລວມ' },
      pickUp: { keys: 'Space ຫຼື Enter', does: 'ຈັບບັນທຶກດ້ວຍບ່ອນຈັບ' },
      carry: { keys: 'ລູກສອນ', does: 'ພາໄປກຸ່ມ ຫຼື ບັນທຶກອື່ນ' },
      drop: { keys: 'Space ຫຼື Enter / Esc', does: 'ວາງບ່ອນນັ້ນ / ຍົກເລີກ' },
    },
    presence: {
      online: 'ອອນລາຍ',
      offline: 'ບໍ່ໄດ້ເຊື່ອມຕໍ່',
      here: 'ຢູ່ນີ້ {{n}} ຈາກ {{of}}',
      typingOne: '{{name}} ກຳລັງພິມ…',
      typingMany: '{{names}} ກຳລັງພິມ…',
    },
  },
};
