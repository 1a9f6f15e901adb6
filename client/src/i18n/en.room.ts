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
  },
  presence: {
    online: 'online',
    offline: 'not connected',
    here: '{{n}} of {{of}} here',
    typingOne: '{{name}} is typing…',
    typingMany: '{{names}} are typing…',
  },
};
