/**
 * French messages of the portal view (LOCKDOWN.md #15): the ENT inside the kiosk, and what the
 * person must know about it on a shared terminal.
 */
export const frPortal = {
  'portal.open': 'Ouvrir mon ENT sur cette borne',
  'portal.heading': 'Mon ENT',
  'portal.frameTitle': 'ENT de {institution}',
  'portal.noRememberMe': 'Sur cette borne, « Se souvenir de moi » n’existe pas : vous êtes déconnecté dès que vous touchez « Terminer » ou que la borne reste inactive.',
  'portal.failed': 'L’ENT ne peut pas s’ouvrir sur cette borne pour le moment. Utilisez l’adresse ou le code QR ci-dessus depuis un autre appareil.',
} as const;
