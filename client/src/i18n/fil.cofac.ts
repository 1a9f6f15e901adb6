// Filipino: the same keys as en.cofac.ts.
import type { enCofac } from './en.cofac';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filCofac: Strings<typeof enCofac> = {
  cofac: {
    toggle: 'Mga nagpapatakbo ng workshop na ito',
    heading: 'Mga nagpapatakbo ng “{{title}}”',
    loading: 'Naglo-load…',
    you: '(ikaw)',
    owner: 'May-ari',
    cofacilitator: 'Katuwang na facilitator',
    added: 'mula {{date}}',
    invite: 'Mag-imbita ng katuwang na facilitator',
    inviteHelp:
      'Ipadala ang link na ito sa isang tao. Isang beses lang itong gagana, para sa unang naka-sign in na account na magbubukas nito, hanggang {{date}}. Sinumang may hawak nito ay maaaring maging katuwang na facilitator, kaya ibahagi ito nang pribado.',
    linkLabel: 'Link ng imbitasyon',
    pendingHeading: 'Mga imbitasyong hindi pa nagagamit',
    pendingItem: 'Imbitasyong ginawa noong {{created}}, may bisa hanggang {{expires}}',
    withdraw: 'Bawiin',
    withdrawn: 'Binawi ang imbitasyon: hindi na gumagana ang link nito.',
    remove: 'Alisin si {{name}}',
    removeTitle: 'Alisin si {{name}}?',
    removeBody:
      'Hindi na makikita o mapapatakbo ni {{name}} ang workshop na ito. Agad na isasara ang mga bukas niyang screen ng facilitator.',
    removed: 'Hindi na nagpapatakbo si {{name}} ng workshop na ito.',
    makeOwner: 'Gawing may-ari si {{name}}',
    transferTitle: 'Gawing may-ari si {{name}}?',
    transferBody:
      'Makakapag-imbita at makakapag-alis si {{name}} ng mga tao at makakapagbura ng workshop. Mananatili kang katuwang na facilitator.',
    transferred: 'Si {{name}} na ang may-ari ng workshop na ito.',
    leave: 'Tumigil sa pagpapatakbo ng workshop na ito',
    leaveTitle: 'Tumigil sa pagpapatakbo ng “{{title}}”?',
    leaveBody: 'Mawawala ito sa listahan mo at isasara ang mga screen mo ng facilitator para dito. Maaari kang imbitahin muli ng may-ari.',
    left: 'Hindi ka na nagpapatakbo ng “{{title}}”.',
    ownerNote: 'Hindi maaaring alisin ang may-ari. Para umalis, gawin munang may-ari ang isang katuwang na facilitator.',
    cofacNote: 'Ang may-ari lang ang nag-iimbita at nag-aalis ng mga tao.',
    accepted: 'Katuwang na facilitator ka na ng “{{title}}”. Nasa listahan ito sa ibaba.',
    signInToAccept:
      'Inimbitahan kang maging katuwang na facilitator ng isang workshop. Mag-sign in o gumawa ng account para tanggapin ito.',
    errors: {
      unknown: 'Hindi wasto ang link ng imbitasyong ito. Humingi ng bagong link sa may-ari ng workshop.',
      used: 'Nagamit na ang imbitasyong ito. Humingi ng bagong link sa may-ari ng workshop.',
      revoked: 'Binawi na ang imbitasyong ito. Humingi ng bagong link sa may-ari ng workshop.',
      expired: 'Nag-expire na ang imbitasyong ito. Humingi ng bagong link sa may-ari ng workshop.',
      already_runs: 'Nagpapatakbo ka na ng workshop na ito. Hindi nagamit ang imbitasyon at nananatili para sa iba.',
      failed: 'Hindi ito gumana. Subukang muli.',
    },
  },
};
