// Filipino: the same keys as en.room.ts (checked by the types below).
// Filipino has two plural forms (one, other), as English does.
import type { enRoom } from './en.room';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filRoom: Strings<typeof enRoom> = {
  crash: {
    title: 'Nagkaproblema sa screen na ito',
    body: 'Naiulat na ang error. Ligtas sa server ang iyong mga tala at pagbabago. Subukang muli, o i-reload ang page.',
    retry: 'Subukang muli',
    reload: 'I-reload ang page',
    home: 'Pumunta sa start page',
  },
  room: {
    dismissMessage: 'Isara ang mensahe',
    undo: 'I-undo',
    noteDeleted: 'Nabura ang tala.',
    console: {
      nav: 'Mga bahagi ng console',
      cafeLists: 'Mga mesa at tao sa café',
      sections: {
        phase: 'Yugto',
        invite: 'Mag-imbita',
        cafe: 'Mga round ng café',
        review: 'Pagsusuri at export',
        stats: 'Buod',
        tables: 'Mga mesa',
        waiting: 'Hindi pa nakaupo',
        people: 'Lahat',
        cafeLists: 'Mga mesa at tao',
      },
    },
    confirm: {
      endTitle: 'Tapusin na ang round {{round}}?',
      endBody:
        "Titigil sa zero ang orasan sa bawat screen at makikita ng silid ang “Tapos na ang oras”. Matatapos pa ng mga mesa ang kanilang tala; walang lilipat hangga't hindi ka naglilipat ng round.",
      endYes: 'Tapusin ang round {{round}}',
      rotateTitle: 'Lumipat sa round {{round}}?',
      rotateBody:
        'Makatatanggap ng seat card para sa round {{round}} ang bawat lilipat ng mesa; magiging pagbasa na lamang ang kanilang lumang board hanggang kumpirmahin nila ang “Nandito na ako”. Mananatili ang mga host sa kanilang mesa. Ibabalik ang orasan sa {{minutes}} minuto at hihintayin kang simulan ito.',
      rotateYes: 'Lumipat sa round {{round}}',
    },
    save: {
      saving: 'Sine-save…',
      allSaved: 'Na-save ang lahat ng pagbabago',
      saved: 'Na-save',
    },
    keys: {
      title: 'Mga keyboard shortcut',
      groups: { everywhere: 'Kahit saan', board: 'Sa board ng mesa', harvest: 'Sa pag-aani' },
      sheet: { keys: '?', does: 'Ipakita ang listahang ito ng mga shortcut' },
      skip: { keys: 'Tab (una)', does: 'Lumaktaw sa pangunahing nilalaman' },
      close: { keys: 'Esc', does: 'Isara ang dialog o kanselahin ang edit', button: 'Isara' },
      add: { keys: 'Ctrl + Enter', does: 'Idagdag ang talang isinusulat mo (⌘ + Enter sa Mac)' },
      move: { keys: '← ↑ → ↓', does: 'Ilipat ang napiling tala' },
      moveFar: { keys: 'Shift + arrow', does: 'Ilipat nang mas malalaking hakbang' },
      edit: { keys: 'Enter', does: 'I-edit ang napiling tala' },
      save: { keys: 'Ctrl + Enter', does: 'I-save ang talang ine-edit mo' },
      cancel: { keys: 'Esc', does: 'Tumigil sa pag-edit nang hindi nagse-save' },
      remove: { keys: 'Delete', does: 'Burahin ang napiling tala (lalabas ang I-undo nang ilang segundo)' },
      undo: { keys: 'Ctrl + Z / ⌘ + Z', does: 'I-undo ang huli mong pagbura o paglipat ng tala (babalik dito ang focus)' },
      tabs: { keys: '← → Home End', does: 'Lumipat sa pagitan ng mga tab ng pag-aani' },
      pickUp: { keys: 'Space o Enter', does: 'Hawakan ang tala sa hawakan nito' },
      carry: { keys: 'Mga arrow', does: 'Dalhin ito sa grupo o ibang tala' },
      drop: { keys: 'Space o Enter / Esc', does: 'Ilapag doon / kanselahin' },
    },
    presence: {
      online: 'konektado',
      offline: 'hindi konektado',
      here: '{{n}} sa {{of}} ang narito',
      typingOne: 'Nagta-type si {{name}}…',
      typingMany: 'Nagta-type sina {{names}}…',
    },
  },
};
