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
      endBody: 'The clock stops at zero on every screen and the room sees “Time’s up”. Tables can still finish their notes; nobody moves until you rotate.',
      endYes: 'End round {{round}}',
      rotateTitle: 'Rotate to round {{round}}?',
      rotateBody: 'Everyone who changes table gets a seat card for round {{round}}; their old board becomes read-only until they confirm “I’m here”. Hosts stay at their tables. The clock is reset to {{minutes}} minutes and waits for you to start it.',
      rotateYes: 'Rotate to round {{round}}',
    },
    save: {
      saving: 'Saving…',
      allSaved: 'All changes saved',
      saved: 'Saved',
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
