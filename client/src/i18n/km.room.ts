// ភាសាខ្មែរ (Khmer): the same keys as en.room.ts (checked by the types below).
// No plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enRoom } from './en.room';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const kmRoom: Strings<typeof enRoom> = {
  crash: {
    title: 'មានបញ្ហានៅលើអេក្រង់នេះ',
    body: 'កំហុសត្រូវបានរាយការណ៍។ កំណត់ចំណាំ និងការផ្លាស់ប្ដូររបស់អ្នកមានសុវត្ថិភាពនៅលើម៉ាស៊ីនមេ។ សូមព្យាយាមម្ដងទៀត ឬផ្ទុកទំព័រឡើងវិញ។',
    retry: 'ព្យាយាមម្ដងទៀត',
    reload: 'ផ្ទុកទំព័រឡើងវិញ',
    home: 'ទៅកាន់ទំព័រដើម',
  },
  room: {
    dismissMessage: 'បិទសារ',
    undo: 'មិនធ្វើវិញ',
    noteDeleted: 'បានលុបកំណត់ចំណាំ។',
    console: {
      nav: 'ផ្នែកនៃផ្ទាំងបញ្ជា',
      cafeLists: 'តុ និងមនុស្សនៃកាហ្វេ',
      sections: {
        phase: 'ដំណាក់កាល',
        invite: 'អញ្ជើញ',
        cafe: 'ជុំកាហ្វេ',
        review: 'ពិនិត្យ និងនាំចេញ',
        stats: 'សង្ខេប',
        tables: 'តុ',
        waiting: 'មិនទាន់អង្គុយ',
        people: 'មនុស្សគ្រប់គ្នា',
        cafeLists: 'តុ និងមនុស្ស',
      },
    },
    confirm: {
      endTitle: 'បញ្ចប់ជុំទី {{round}} ឥឡូវនេះ?',
      endBody: 'នាឡិកាឈប់នៅសូន្យលើគ្រប់អេក្រង់ ហើយបន្ទប់ឃើញ “អស់ពេលហើយ”។ តុនៅតែអាចបញ្ចប់កំណត់ចំណាំរបស់ខ្លួន។ គ្មាននរណាផ្លាស់ទីទេ រហូតដល់អ្នកប្ដូរជុំ។',
      endYes: 'បញ្ចប់ជុំទី {{round}}',
      rotateTitle: 'ប្ដូរទៅជុំទី {{round}}?',
      rotateBody:
        'អ្នកដែលប្ដូរតុនឹងទទួលបានកាតកន្លែងអង្គុយសម្រាប់ជុំទី {{round}}។ ក្ដារចាស់របស់ពួកគេក្លាយជាអានបានតែប៉ុណ្ណោះ រហូតដល់ពួកគេបញ្ជាក់ “ខ្ញុំនៅទីនេះ”។ ម្ចាស់តុនៅតុរបស់ខ្លួន។ នាឡិកាត្រូវកំណត់ឡើងវិញទៅ {{minutes}} នាទី ហើយរង់ចាំអ្នកចាប់ផ្ដើម។',
      rotateYes: 'ប្ដូរទៅជុំទី {{round}}',
    },
    save: {
      saving: 'កំពុងរក្សាទុក…',
      allSaved: 'បានរក្សាទុកការផ្លាស់ប្ដូរទាំងអស់',
      saved: 'បានរក្សាទុក',
    },
    keys: {
      title: 'ផ្លូវកាត់ក្ដារចុច',
      groups: { everywhere: 'គ្រប់ទីកន្លែង', board: 'នៅលើក្ដាររបស់តុ', harvest: 'នៅក្នុងការប្រមូលលទ្ធផល' },
      sheet: { keys: '?', does: 'បង្ហាញបញ្ជីផ្លូវកាត់នេះ' },
      skip: { keys: 'Tab (ដំបូង)', does: 'រំលងទៅមាតិកាចម្បង' },
      close: { keys: 'Esc', does: 'បិទប្រអប់ ឬបោះបង់ការកែ', button: 'បិទ' },
      add: { keys: 'Ctrl + Enter', does: 'បន្ថែមកំណត់ចំណាំដែលអ្នកកំពុងសរសេរ (⌘ + Enter នៅលើ Mac)' },
      move: { keys: '← ↑ → ↓', does: 'ផ្លាស់ទីកំណត់ចំណាំដែលកំពុងផ្ដោត' },
      moveFar: { keys: 'Shift + ព្រួញ', does: 'ផ្លាស់ទីជាជំហានធំ' },
      edit: { keys: 'Enter', does: 'កែកំណត់ចំណាំដែលកំពុងផ្ដោត' },
      save: { keys: 'Ctrl + Enter', does: 'រក្សាទុកកំណត់ចំណាំដែលអ្នកកំពុងកែ' },
      cancel: { keys: 'Esc', does: 'ឈប់កែដោយមិនរក្សាទុក' },
      remove: { keys: 'Delete', does: 'លុបកំណត់ចំណាំដែលកំពុងផ្ដោត (មិនធ្វើវិញ បង្ហាញពីរបីវិនាទី)' },
      undo: { keys: 'Ctrl + Z / ⌘ + Z', does: 'មិនធ្វើវិញនូវការលុប ឬការផ្លាស់ទីកំណត់ចំណាំចុងក្រោយរបស់អ្នក (ការផ្ដោតត្រឡប់ទៅវាវិញ)' },
      tabs: { keys: '← → Home End', does: 'ផ្លាស់ទីរវាងផ្ទាំងនៃការប្រមូលលទ្ធផល' },
      pickUp: { keys: 'Space ឬ Enter', does: 'លើកកំណត់ចំណាំតាមដៃកាន់របស់វា' },
      carry: { keys: 'ព្រួញ', does: 'យកវាទៅក្រុម ឬកំណត់ចំណាំមួយទៀត' },
      drop: { keys: 'Space ឬ Enter / Esc', does: 'ទម្លាក់វានៅទីនោះ / បោះបង់' },
    },
    presence: {
      online: 'អនឡាញ',
      offline: 'មិនបានភ្ជាប់',
      here: '{{n}} ក្នុងចំណោម {{of}} នៅទីនេះ',
      typingOne: '{{name}} កំពុងវាយ…',
      typingMany: '{{names}} កំពុងវាយ…',
    },
  },
};
