import type { MessageKey } from './fr';

/** English messages about the link to the server (French keys, shared/messages/fr-link.ts). */
export const enLink: Partial<Record<MessageKey, string>> = {
  'app.status.slow': 'Terminal online, slow connection',
  'link.offline.title': 'The terminal cannot reach the server at the moment',
  'link.offline.body': 'You cannot activate your account right now: checking your details goes through the server. Try again in a few minutes; this message goes away by itself when the connection is back.',
  'link.offline.askDesk': 'If it lasts, ask at the front desk.',
  'link.offline.askContact': 'If it lasts, ask: {contact}',
  'link.slow.title': 'The connection is slow at the moment',
  'link.slow.body': 'Each step may take a few more seconds. You can carry on as usual.',
};
