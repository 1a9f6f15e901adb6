// Filipino: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: '{{count}} kagamitan',
    summary_other: '{{count}} kagamitan',
    none: 'Hindi pa nabubuksan sa anumang kagamitan',
    listLabel: 'Mga kagamitan ni {{name}}',
    connectedNow: 'Nakakonekta ngayon',
    lastSeen: 'Huling nakita {{date}}',
    kind: {
      phone: 'Telepono',
      tablet: 'Tablet',
      computer: 'Kompyuter',
      unknown: 'Kagamitan',
    },
    reissue: 'Gumawa ng bagong link',
    reissueTitle: 'Gawan ng bagong link si {{name}}?',
    reissueBody:
      'Hihinto agad ang kasalukuyan niyang link at madidiskonekta ang bawat kagamitang gumagamit nito. Makakakuha ka ng bagong link na ibibigay sa kanya.',
    newLink: 'Bagong personal na link ni {{name}}',
    newLinkHelp: 'Hindi na gumagana ang lumang link. Ibigay ito nang pribado kay {{name}}, hindi sa projector.',
    reissueFailed: 'Hindi nagawa ang bagong link. Subukang muli.',
    loadFailed: 'Hindi ma-load ang mga kagamitan.',
    refresh: 'I-refresh ang mga kagamitan',
  },
};
