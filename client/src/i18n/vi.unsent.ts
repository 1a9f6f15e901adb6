// Vietnamese strings for what has not reached the server yet (see en.unsent.ts). Vietnamese has
// no plural forms: i18next uses the *_other keys; *_one are kept for the type.
import type { enUnsent } from './en.unsent';

type Strings<T> = { [K in keyof T]: T[K] extends string ? string : Strings<T[K]> };

export const viUnsent: Strings<typeof enUnsent> = {
  unsent: {
    note: 'Chưa gửi',
    change: 'Thay đổi chưa gửi',
    noteLabel: 'Ghi chú của {{author}}, chưa gửi: {{text}}',
    changeLabel: 'Ghi chú của {{author}}, thay đổi chưa gửi: {{text}}',
    notes_one: '{{n}} ghi chú',
    notes_other: '{{n}} ghi chú',
    changes_one: '{{n}} thay đổi',
    changes_other: '{{n}} thay đổi',
    both: '{{notes}} và {{changes}} chưa gửi',
    one: '{{what}} chưa gửi',
  },
};
