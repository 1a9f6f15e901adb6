// ភាសាខ្មែរ (Khmer): the same keys as en.templates.ts. "Template" is គំរូ; rounds are ជុំ as in km.cafe.ts.
import type { enTemplates } from './en.templates';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const kmTemplates: Strings<typeof enTemplates> = {
  templates: {
    heading: 'គំរូ',
    startHeading: 'ចាប់ផ្ដើមពីគំរូ',
    startHelp: 'គំរូនឹងបំពេញប្រធានបទ តុ សំណួរ គណៈប្រតិភូ និងជុំឱ្យ។ អ្នកអាចកែប្រែអ្វីៗទាំងអស់មុនបង្កើតសិក្ខាសាលា។',
    builtinHeading: 'គំរូដែលរៀបចំរួច',
    builtin: {
      classic: {
        name: 'វើលកាហ្វេបែបបុរាណ',
        description: 'បីជុំ ជុំនីមួយៗ ២០ នាទី នៅតុប្រាំ ជុំនីមួយៗមានសំណួរកាន់តែស៊ីជម្រៅ។',
      },
      accsm: {
        name: 'កាហ្វេត្រៀមរៀបចំ ACCSM',
        description:
          'គណៈប្រតិភូដប់មួយ (រដ្ឋជាសមាជិកអាស៊ានទាំងដប់ និងលេខាធិការដ្ឋានអាស៊ាន) លក្ខណៈប្រាំរបស់ ASCC ជាប្រធានបទ និងតុ បីជុំព្រមទាំងសំណួរ។',
      },
      short: {
        name: 'កាហ្វេមួយម៉ោង',
        description: 'ពីរជុំ ជុំនីមួយៗ ១៥ នាទី នៅតុបីដែលប្ដូរវេនដោយខ្លួនឯង បន្ទាប់មកប្រមូលលទ្ធផលខ្លីៗជាមួយគ្នា។',
      },
    },
    counts: 'តុ៖ {{tables}} · គណៈប្រតិភូ៖ {{delegations}} · ជុំ៖ {{rounds}}',
    use: 'ប្រើគំរូនេះ',
    mineHeading: 'គំរូរបស់អ្នក',
    mineNone: 'មិនទាន់មានគំរូដែលបានរក្សាទុកទេ។ រក្សាទុកពីសិក្ខាសាលាមួយ ឬនាំចូលឯកសារគំរូ។',
    signInForMine: 'ចូលនៅ «សិក្ខាសាលារបស់អ្នក» ដើម្បីរក្សាទុកគំរូផ្ទាល់ខ្លួន។',
    pastHeading: 'ចាប់ផ្ដើមពីសិក្ខាសាលាមុន',
    pastLabel: 'សិក្ខាសាលា',
    pastUse: 'ប្រើការរៀបចំរបស់វា',
    rename: 'ប្ដូរឈ្មោះ',
    renameLabel: 'ឈ្មោះថ្មីសម្រាប់ «{{name}}»',
    save: 'រក្សាទុក',
    cancel: 'បោះបង់',
    exportJson: 'នាំចេញ (JSON)',
    delete: 'លុប',
    deleteTitle: 'លុបគំរូ «{{name}}» ឬ?',
    deleteBody: 'សិក្ខាសាលាដែលបានបង្កើតពីវារួចហើយ នៅដដែល។',
    deleted: 'បានលុបគំរូ «{{name}}»។',
    renamed: 'បានប្ដូរឈ្មោះគំរូទៅ «{{name}}»។',
    importLabel: 'នាំចូលឯកសារគំរូ (JSON)',
    imported: 'បាននាំចូលគំរូ «{{name}}»។',
    importTooLarge: 'ឯកសារនេះធំពេក ({{size}} KB)។ ឯកសារគំរូមានទំហំយ៉ាងច្រើន {{max}} KB។',
    importNotJson: 'ឯកសារនេះមិនមែនជា JSON ត្រឹមត្រូវទេ។',
    importNotTemplate: 'នេះមិនមែនជាឯកសារគំរូទេ។ នាំចេញមួយពី «គំរូរបស់អ្នក»។',
    importInvalid: 'ឯកសារគំរូនេះមានបញ្ហានៅ៖ {{fields}}',
    saveAs: 'រក្សាទុកជាគំរូ',
    saveAsLabel: 'ឈ្មោះគំរូ',
    saveAsButton: 'រក្សាទុកគំរូ',
    saved: 'បានរក្សាទុកជាគំរូ «{{name}}»។',
    startFromThis: 'សិក្ខាសាលាថ្មីដូចនេះ',
    filledFrom: 'បានបំពេញពី «{{name}}»។ កែប្រែអ្វីក៏បានមុនបង្កើតសិក្ខាសាលា។',
    failed: 'មិនបានសម្រេចទេ។ សូមព្យាយាមម្ដងទៀត។',
    limitReached: 'អ្នកមានគំរូគ្រប់ចំនួនអតិបរមាដែលគណនីមួយអាចរក្សាទុកបានហើយ។ សូមលុបមួយសិន។',
    roundsLegend: 'ជុំ',
    roundsHelp: 'កំណត់ចំនួនជុំ និងរយៈពេល។ អ្នកអាចប្ដូរវាពេលក្រោយនៅក្នុងផ្ទាំងបញ្ជា។',
    roundsLabel: 'ចំនួនជុំ',
    minutesLabel: 'នាទីក្នុងមួយជុំ',
    roundQuestion: 'សំណួរនៃជុំទី {{n}} (ស្រេចចិត្ត)',
    autoRotate: 'ប្ដូរទៅជុំបន្ទាប់ដោយស្វ័យប្រវត្តិពេលអស់ពេល',
    groupingEveryone: 'មនុស្សគ្រប់គ្នាអាចដាក់ក្រុមកំណត់ចំណាំ និងព្រាងគោលដៅ មិនត្រឹមតែម្ចាស់តុទេ',
  },
};
