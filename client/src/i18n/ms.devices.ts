// Bahasa Melayu: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const msDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: '{{count}} peranti',
    summary_other: '{{count}} peranti',
    none: 'Belum dibuka pada mana-mana peranti',
    listLabel: 'Peranti {{name}}',
    connectedNow: 'Sedang bersambung',
    lastSeen: 'Kali terakhir dilihat {{date}}',
    kind: {
      phone: 'Telefon',
      tablet: 'Tablet',
      computer: 'Komputer',
      unknown: 'Peranti',
    },
    reissue: 'Keluarkan semula pautan',
    reissueTitle: 'Keluarkan semula pautan {{name}}?',
    reissueBody:
      'Pautan semasanya berhenti berfungsi serta-merta dan setiap peranti yang menggunakannya diputuskan. Anda akan mendapat pautan baharu untuk diberikan kepadanya.',
    newLink: 'Pautan peribadi baharu untuk {{name}}',
    newLinkHelp: 'Pautan lama tidak berfungsi lagi. Berikan pautan ini kepada {{name}} secara peribadi, bukan di skrin projektor.',
    reissueFailed: 'Pautan tidak dapat dikeluarkan semula. Cuba lagi.',
    loadFailed: 'Senarai peranti tidak dapat dimuatkan.',
    refresh: 'Muat semula senarai peranti',
  },
};
