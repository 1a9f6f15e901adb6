// ភាសាខ្មែរ: the same keys as en.devices.ts.
import type { enDevices } from './en.devices';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const kmDevices: Strings<typeof enDevices> = {
  devices: {
    summary_one: 'ឧបករណ៍ {{count}}',
    summary_other: 'ឧបករណ៍ {{count}}',
    none: 'មិនទាន់បានបើកនៅលើឧបករណ៍ណាមួយនៅឡើយ',
    listLabel: 'ឧបករណ៍របស់ {{name}}',
    connectedNow: 'កំពុងភ្ជាប់ឥឡូវនេះ',
    lastSeen: 'ឃើញចុងក្រោយ {{date}}',
    kind: {
      phone: 'ទូរសព្ទ',
      tablet: 'ថេប្លេត',
      computer: 'កុំព្យូទ័រ',
      unknown: 'ឧបករណ៍',
    },
    reissue: 'ចេញតំណថ្មី',
    reissueTitle: 'ចេញតំណថ្មីសម្រាប់ {{name}} ឬ?',
    reissueBody: 'តំណបច្ចុប្បន្នរបស់គាត់នឹងឈប់ដំណើរការភ្លាមៗ ហើយឧបករណ៍ទាំងអស់ដែលកំពុងប្រើវានឹងត្រូវផ្តាច់។ អ្នកនឹងទទួលបានតំណថ្មីដើម្បីផ្តល់ឱ្យគាត់។',
    newLink: 'តំណផ្ទាល់ខ្លួនថ្មីសម្រាប់ {{name}}',
    newLinkHelp: 'តំណចាស់លែងដំណើរការហើយ។ សូមផ្តល់តំណនេះទៅ {{name}} ដោយឯកជន មិនមែននៅលើអេក្រង់បញ្ចាំងទេ។',
    reissueFailed: 'មិនអាចចេញតំណថ្មីបានទេ។ សូមព្យាយាមម្តងទៀត។',
    loadFailed: 'មិនអាចផ្ទុកបញ្ជីឧបករណ៍បានទេ។',
    refresh: 'ផ្ទុកបញ្ជីឧបករណ៍ឡើងវិញ',
  },
};
