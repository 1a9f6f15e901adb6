// Filipino strings for what has not reached the server yet (see en.unsent.ts). Filipino has two
// plural forms (one, other), as English does; the noun itself does not change ("1 tala", "3 tala").
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const filUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'Hindi pa naipadala',
    change: 'Hindi pa naipadala ang pagbabago',
    noteLabel: 'Tala ni {{author}}, hindi pa naipadala: {{text}}',
    changeLabel: 'Tala ni {{author}}, hindi pa naipadala ang pagbabago: {{text}}',
    notes_one: '{{n}} tala',
    notes_other: '{{n}} tala',
    changes_one: '{{n}} pagbabago',
    changes_other: '{{n}} pagbabago',
    both: '{{notes}} at {{changes}} ang hindi pa naipadala',
    one: '{{what}} ang hindi pa naipadala',
  },
};
