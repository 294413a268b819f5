/** English messages of the portal view (see fr-portal.ts). */
export const enPortal = {
  'portal.open': 'Open my ENT on this terminal',
  'portal.heading': 'My ENT',
  'portal.frameTitle': '{institution} ENT',
  'portal.noRememberMe': 'On this terminal there is no “Remember me”: you are logged out as soon as you tap “Finish” or leave the terminal idle.',
  'portal.failed': 'The ENT cannot open on this terminal right now. Use the address or the QR code above from another device.',
} as const;
