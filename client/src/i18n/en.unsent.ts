// English strings for what has not reached the server yet: the note card's "not sent yet" and
// the connection badge's count of notes and changes waiting to be sent.
export const enUnsent = {
  unsent: {
    note: 'Not sent yet',
    change: 'Change not sent yet',
    noteLabel: 'Note by {{author}}, not sent yet: {{text}}',
    changeLabel: 'Note by {{author}}, change not sent yet: {{text}}',
    notes_one: '{{n}} note',
    notes_other: '{{n}} notes',
    changes_one: '{{n}} change',
    changes_other: '{{n}} changes',
    both: '{{notes}} and {{changes}} not sent yet',
    one: '{{what}} not sent yet',
  },
};
