// English strings of the room's own furniture: the crash fallback, the shortcut sheet, the
// saved state, presence, confirmations and undo.
export const enRoom = {
  crash: {
    title: 'Something went wrong on this screen',
    body: 'The error has been reported. Your notes and changes are safe on the server. Try again, or reload the page.',
    retry: 'Try again',
    reload: 'Reload the page',
    home: 'Go to the start page',
  },
  room: {
    dismissMessage: 'Dismiss the message',
    undo: 'Undo',
    noteDeleted: 'Note deleted.',
    console: {
      nav: 'Console sections',
      cafeLists: 'Tables and people of the café',
      sections: {
        phase: 'Phase',
        invite: 'Invite',
        cafe: 'Café rounds',
        review: 'Review and export',
        stats: 'At a glance',
        tables: 'Tables',
        waiting: 'Not seated',
        people: 'Everyone',
        cafeLists: 'Tables and people',
      },
    },
    confirm: {
      endTitle: 'End round {{round}} now?',
      endBody:
        'The clock stops at zero on every screen and the room sees “Time’s up”. Tables can still finish their notes; nobody moves until you rotate.',
      endYes: 'End round {{round}}',
      rotateTitle: 'Rotate to round {{round}}?',
      rotateBody:
        'Everyone who changes table gets a seat card for round {{round}}; their old board becomes read-only until they confirm “I’m here”. Hosts stay at their tables. The clock is reset to {{minutes}} minutes and waits for you to start it.',
      rotateYes: 'Rotate to round {{round}}',
    },
    save: {
      saving: 'Saving…',
      allSaved: 'All changes saved',
      saved: 'Saved',
    },
    keys: {
      title: 'Keyboard shortcuts',
      groups: { everywhere: 'Everywhere', board: 'On a table’s board', harvest: 'In the harvest' },
      sheet: { keys: '?', does: 'Show this list of shortcuts' },
      skip: { keys: 'Tab (first)', does: 'Skip to the main content' },
      close: { keys: 'Esc', does: 'Close a dialog or cancel an edit', button: 'Close' },
      add: { keys: 'Ctrl + Enter', does: 'Add the note you are writing (⌘ + Enter on a Mac)' },
      move: { keys: '← ↑ → ↓', does: 'Move the focused note' },
      moveFar: { keys: 'Shift + arrows', does: 'Move it in bigger steps' },
      edit: { keys: 'Enter', does: 'Edit the focused note' },
      save: { keys: 'Ctrl + Enter', does: 'Save the note you are editing' },
      cancel: { keys: 'Esc', does: 'Stop editing without saving' },
      remove: { keys: 'Delete', does: 'Delete the focused note (Undo appears for a few seconds)' },
      undo: { keys: 'Ctrl+Z / ⌘Z', does: 'Undo your last delete or move of a note (focus returns to it)' },
      tabs: { keys: '← → Home End', does: 'Move between the harvest’s tabs' },
      pickUp: { keys: 'Space or Enter', does: 'Pick up a note by its handle' },
      carry: { keys: 'Arrows', does: 'Carry it to a cluster or another note' },
      drop: { keys: 'Space or Enter / Esc', does: 'Drop it there / cancel' },
    },
    presence: {
      online: 'online',
      offline: 'not connected',
      here: '{{n}} of {{of}} here',
      typingOne: '{{name}} is typing…',
      typingMany: '{{names}} are typing…',
    },
  },
};
