/** English messages for a receipt still queued (French keys, shared/messages/fr-follow-up.ts). */
export const enFollowUp = {
  'done.followUp.keep': 'Keep this reference. The terminal finishes the activation on its own: you do not need to come back.',
  'done.followUp.ifRefused': 'If the activation cannot go through (for example if the account was activated elsewhere in the meantime), your school is told and finds your request with this reference.',
  'done.followUp.contact': 'If you cannot sign in with this password, show this reference to:',
  'done.followUp.desk': 'If you cannot sign in with this password, show this reference at the front desk.',
} as const;
