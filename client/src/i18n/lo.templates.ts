// ພາສາລາວ (Lao): the same keys as en.templates.ts. "Template" is ແມ່ແບບ; rounds are ຮອບ as in lo.cafe.ts.
import type { enTemplates } from './en.templates';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const loTemplates: Strings<typeof enTemplates> = {
  templates: {
    heading: 'ແມ່ແບບ',
    startHeading: 'ເລີ່ມຈາກແມ່ແບບ',
    startHelp: 'ແມ່ແບບຈະຕື່ມຫົວຂໍ້, ໂຕະ, ຄຳຖາມ, ຄະນະຜູ້ແທນ ແລະ ຮອບໃຫ້ ທ່ານສາມາດແກ້ໄຂທຸກຢ່າງກ່ອນສ້າງກອງປະຊຸມ',
    builtinHeading: 'ແມ່ແບບສຳເລັດຮູບ',
    builtin: {
      classic: {
        name: 'ເວີນຄາເຟແບບດັ້ງເດີມ',
        description: 'ສາມຮອບ ຮອບລະ 20 ນາທີ ຢູ່ຫ້າໂຕະ ແຕ່ລະຮອບມີຄຳຖາມທີ່ເລິກເຊິ່ງຂຶ້ນ',
      },
      accsm: {
        name: 'ຄາເຟກະກຽມ ACCSM',
        description:
          'ສິບເອັດຄະນະຜູ້ແທນ (ສິບປະເທດສະມາຊິກອາຊຽນ ແລະ ກອງເລຂາອາຊຽນ), ຫ້າລັກສະນະຂອງ ASCC ເປັນຫົວຂໍ້ ແລະ ໂຕະ, ສາມຮອບພ້ອມຄຳຖາມ',
      },
      short: {
        name: 'ຄາເຟໜຶ່ງຊົ່ວໂມງ',
        description: 'ສອງຮອບ ຮອບລະ 15 ນາທີ ຢູ່ສາມໂຕະທີ່ໝູນວຽນເອງ ຈາກນັ້ນສະຫຼຸບຜົນສັ້ນໆຮ່ວມກັນ',
      },
    },
    counts: 'ໂຕະ: {{tables}} · ຄະນະຜູ້ແທນ: {{delegations}} · ຮອບ: {{rounds}}',
    use: 'ໃຊ້ແມ່ແບບນີ້',
    mineHeading: 'ແມ່ແບບຂອງທ່ານ',
    mineNone: 'ຍັງບໍ່ມີແມ່ແບບທີ່ບັນທຶກໄວ້ ບັນທຶກຈາກກອງປະຊຸມ ຫຼື ນຳເຂົ້າໄຟລ໌ແມ່ແບບ',
    signInForMine: 'ເຂົ້າສູ່ລະບົບທີ່ “ກອງປະຊຸມຂອງທ່ານ” ເພື່ອເກັບແມ່ແບບຂອງທ່ານເອງ',
    pastHeading: 'ເລີ່ມຈາກກອງປະຊຸມທີ່ຜ່ານມາ',
    pastLabel: 'ກອງປະຊຸມ',
    pastUse: 'ໃຊ້ການຕັ້ງຄ່າຂອງມັນ',
    rename: 'ປ່ຽນຊື່',
    renameLabel: 'ຊື່ໃໝ່ຂອງ “{{name}}”',
    save: 'ບັນທຶກ',
    cancel: 'ຍົກເລີກ',
    exportJson: 'ສົ່ງອອກ (JSON)',
    delete: 'ລຶບ',
    deleteTitle: 'ລຶບແມ່ແບບ “{{name}}” ບໍ?',
    deleteBody: 'ກອງປະຊຸມທີ່ສ້າງຈາກມັນແລ້ວຈະຍັງຄືເກົ່າ',
    deleted: 'ລຶບແມ່ແບບ “{{name}}” ແລ້ວ',
    renamed: 'ປ່ຽນຊື່ແມ່ແບບເປັນ “{{name}}” ແລ້ວ',
    importLabel: 'ນຳເຂົ້າໄຟລ໌ແມ່ແບບ (JSON)',
    imported: 'ນຳເຂົ້າແມ່ແບບ “{{name}}” ແລ້ວ',
    importTooLarge: 'ໄຟລ໌ນີ້ໃຫຍ່ເກີນໄປ ({{size}} KB) ໄຟລ໌ແມ່ແບບມີຂະໜາດບໍ່ເກີນ {{max}} KB',
    importNotJson: 'ໄຟລ໌ນີ້ບໍ່ແມ່ນ JSON ທີ່ຖືກຕ້ອງ',
    importNotTemplate: 'ນີ້ບໍ່ແມ່ນໄຟລ໌ແມ່ແບບ ສົ່ງອອກໄດ້ຈາກ “ແມ່ແບບຂອງທ່ານ”',
    importInvalid: 'ໄຟລ໌ແມ່ແບບນີ້ມີບັນຫາຢູ່: {{fields}}',
    saveAs: 'ບັນທຶກເປັນແມ່ແບບ',
    saveAsLabel: 'ຊື່ແມ່ແບບ',
    saveAsButton: 'ບັນທຶກແມ່ແບບ',
    saved: 'ບັນທຶກເປັນແມ່ແບບ “{{name}}” ແລ້ວ',
    startFromThis: 'ກອງປະຊຸມໃໝ່ແບບນີ້',
    filledFrom: 'ຕື່ມຂໍ້ມູນຈາກ “{{name}}” ແລ້ວ ແກ້ໄຂໄດ້ກ່ອນສ້າງກອງປະຊຸມ',
    failed: 'ເຮັດບໍ່ສຳເລັດ ລອງໃໝ່ອີກຄັ້ງ',
    limitReached: 'ທ່ານມີແມ່ແບບຄົບຈຳນວນສູງສຸດທີ່ບັນຊີໜຶ່ງເກັບໄດ້ແລ້ວ ລຶບອັນໜຶ່ງກ່ອນ',
    roundsLegend: 'ຮອບ',
    roundsHelp: 'ກຳນົດຈຳນວນຮອບ ແລະ ຄວາມຍາວ ທ່ານປ່ຽນໄດ້ພາຍຫຼັງໃນໜ້າຄວບຄຸມ',
    roundsLabel: 'ຈຳນວນຮອບ',
    minutesLabel: 'ນາທີຕໍ່ຮອບ',
    roundQuestion: 'ຄຳຖາມຂອງຮອບທີ {{n}} (ບໍ່ບັງຄັບ)',
    autoRotate: 'ປ່ຽນໄປຮອບຕໍ່ໄປອັດຕະໂນມັດເມື່ອໝົດເວລາ',
    groupingEveryone: 'ທຸກຄົນຈັດກຸ່ມບັນທຶກ ແລະ ຮ່າງເປົ້າໝາຍໄດ້ ບໍ່ສະເພາະເຈົ້າພາບໂຕະ',
  },
};
