/**
 * French messages for a receipt whose submission is still queued (issue 5): the kiosk finishes on
 * its own, and if the server refuses it after the person has left, staff are told (a follow-up,
 * found by the reference). The server cannot reach the person from the reference alone, so the
 * person is told what to notice and where to bring the reference, never "we will call you".
 */
export const frFollowUp = {
  'done.followUp.keep': 'Gardez cette référence. La borne termine l’activation toute seule : vous n’avez pas besoin de revenir.',
  'done.followUp.ifRefused': 'Si l’activation ne peut pas aboutir (par exemple si le compte a été activé ailleurs entre-temps), l’établissement en est averti et retrouve votre demande grâce à cette référence.',
  'done.followUp.contact': 'Si vous ne pouvez pas vous connecter avec ce mot de passe, présentez cette référence à :',
  'done.followUp.desk': 'Si vous ne pouvez pas vous connecter avec ce mot de passe, présentez cette référence à l’accueil.',
} as const;
