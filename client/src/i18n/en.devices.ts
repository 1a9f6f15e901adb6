// English strings of each person's devices in the facilitator console's people list, and the
// reissue of a person's link from there. Composed into en.ts; <lang>.devices.ts has the same keys.
export const enDevices = {
  devices: {
    summary_one: '{{count}} device',
    summary_other: '{{count}} devices',
    none: 'Not opened on any device yet',
    listLabel: 'Devices of {{name}}',
    connectedNow: 'Connected now',
    lastSeen: 'Last seen {{date}}',
    kind: {
      phone: 'Phone',
      tablet: 'Tablet',
      computer: 'Computer',
      unknown: 'Device',
    },
    reissue: 'Reissue link',
    reissueTitle: 'Reissue the link of {{name}}?',
    reissueBody: 'Their current link stops working at once and every device using it is disconnected. You get a new link to give them.',
    newLink: 'New personal link for {{name}}',
    newLinkHelp: 'The old link no longer works. Give this one to {{name}} privately, not on the projector.',
    reissueFailed: 'The link could not be reissued. Try again.',
    loadFailed: 'The devices could not be loaded.',
    refresh: 'Refresh devices',
  },
};
