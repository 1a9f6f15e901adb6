// Bahasa Indonesia: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const idDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: '{{count}} perangkat',
    summary_other: '{{count}} perangkat',
    none: 'Belum dibuka di perangkat mana pun',
    listLabel: 'Perangkat {{name}}',
    connectedNow: 'Sedang terhubung',
    lastSeen: 'Terakhir terlihat {{date}}',
    kind: {
      phone: 'Ponsel',
      tablet: 'Tablet',
      computer: 'Komputer',
      unknown: 'Perangkat',
    },
    reissue: 'Terbitkan ulang tautan',
    reissueTitle: 'Terbitkan ulang tautan {{name}}?',
    reissueBody:
      'Tautannya yang sekarang langsung berhenti berfungsi dan setiap perangkat yang memakainya diputus. Anda mendapat tautan baru untuk diberikan kepadanya.',
    newLink: 'Tautan pribadi baru untuk {{name}}',
    newLinkHelp: 'Tautan lama tidak berlaku lagi. Berikan tautan ini kepada {{name}} secara pribadi, jangan di layar proyektor.',
    reissueFailed: 'Tautan tidak dapat diterbitkan ulang. Coba lagi.',
    loadFailed: 'Daftar perangkat tidak dapat dimuat.',
    refresh: 'Muat ulang daftar perangkat',
  },
};
