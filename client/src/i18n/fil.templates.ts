// Filipino: the same keys as en.templates.ts.
import type { enTemplates } from './en.templates';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filTemplates: Strings<typeof enTemplates> = {
  templates: {
    heading: 'Mga template',
    startHeading: 'Magsimula sa isang template',
    startHelp: 'Pinupunan ng template ang mga tema, mesa, tanong, delegasyon at round. Mababago mo ang lahat bago mo likhain ang workshop.',
    builtinHeading: 'Mga handang template',
    builtin: {
      classic: {
        name: 'Klasikong World Café',
        description: 'Tatlong round na tig-20 minuto sa limang mesa, bawat round may mas malalim na tanong.',
      },
      accsm: {
        name: 'Paghahandang café ng ACCSM',
        description:
          'Labing-isang delegasyon (ang sampung kasaping bansa ng ASEAN at ang ASEAN Secretariat), ang limang katangian ng ASCC bilang mga tema at mesa, tatlong round kasama ang mga tanong.',
      },
      short: {
        name: 'Isang oras na café',
        description: 'Dalawang round na tig-15 minuto sa tatlong mesang kusang umiikot, saka maikling sama-samang pag-aani.',
      },
    },
    counts: 'Mesa: {{tables}} · Delegasyon: {{delegations}} · Round: {{rounds}}',
    use: 'Gamitin ang template na ito',
    mineHeading: 'Iyong mga template',
    mineNone: 'Wala pang naka-save na template. Mag-save mula sa isang workshop, o mag-import ng file ng template.',
    signInForMine: 'Mag-sign in sa “Iyong mga workshop” para magtago ng sarili mong mga template.',
    pastHeading: 'Magsimula sa nakaraang workshop',
    pastLabel: 'Piliin ang workshop',
    pastUse: 'Gamitin ang setup nito',
    rename: 'Palitan ang pangalan',
    renameLabel: 'Bagong pangalan ng “{{name}}”',
    save: 'I-save',
    cancel: 'Kanselahin',
    exportJson: 'I-export (JSON)',
    delete: 'Burahin',
    deleteTitle: 'Burahin ang template na “{{name}}”?',
    deleteBody: 'Hindi magbabago ang mga workshop na nagawa na mula rito.',
    deleted: 'Nabura ang template na “{{name}}”.',
    renamed: 'Napalitan ang pangalan ng template: “{{name}}”.',
    importLabel: 'Mag-import ng file ng template (JSON)',
    imported: 'Na-import ang template na “{{name}}”.',
    importTooLarge: 'Masyadong malaki ang file na ito ({{size}} KB). Hanggang {{max}} KB lamang ang file ng template.',
    importNotJson: 'Hindi wastong JSON ang file na ito.',
    importNotTemplate: 'Hindi ito file ng template. Mag-export ng isa mula sa “Iyong mga template”.',
    importInvalid: 'May problema ang file ng template sa: {{fields}}',
    saveAs: 'I-save bilang template',
    saveAsLabel: 'Pangalan ng template',
    saveAsButton: 'I-save ang template',
    saved: 'Na-save bilang template na “{{name}}”.',
    startFromThis: 'Bagong workshop na katulad nito',
    filledFrom: 'Napunan mula sa “{{name}}”. Baguhin ang anuman bago likhain ang workshop.',
    failed: 'Hindi ito nagtagumpay. Subukan muli.',
    limitReached: 'Naabot mo na ang pinakamaraming template na maitatago ng isang account. Magbura muna ng isa.',
    roundsLegend: 'Mga round',
    roundsHelp: 'Itakda kung ilang round at gaano katagal. Mababago mo ito mamaya sa console.',
    roundsLabel: 'Bilang ng round',
    minutesLabel: 'Minuto bawat round',
    roundQuestion: 'Tanong ng round {{n}} (opsyonal)',
    autoRotate: 'Kusang lumipat sa susunod na round kapag ubos na ang oras',
    groupingEveryone: 'Lahat ay maaaring magpangkat ng mga tala at bumalangkas ng mga layunin, hindi lang ang mga host ng mesa',
  },
};
