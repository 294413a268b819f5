/**
 * French messages about the link to the server (issue 5: online, online but slow, offline),
 * shown before the person types anything. True to what the kiosk can do offline: the identity
 * check needs the server, so nobody is invited to fill a form that cannot be checked now.
 */
export const frLink = {
  'app.status.slow': 'Borne en ligne, connexion lente',
  'link.offline.title': 'La borne ne peut pas joindre le serveur pour le moment',
  'link.offline.body': 'Vous ne pourrez pas activer votre compte maintenant : la vérification de vos informations passe par le serveur. Réessayez dans quelques minutes ; ce message disparaît de lui-même quand la connexion revient.',
  'link.offline.askDesk': 'Si cela dure, adressez-vous à l’accueil.',
  'link.offline.askContact': 'Si cela dure, adressez-vous à : {contact}',
  'link.slow.title': 'La connexion est lente en ce moment',
  'link.slow.body': 'Chaque étape peut prendre quelques secondes de plus. Vous pouvez continuer normalement.',
} as const;
