import { groupCode } from '../../shared/policies/secret-codes';
import type { Locale } from '../../shared/schemas/localized-text-schema';
import type { Profile } from '../../shared/schemas/profile-schema';
import { institutionOf, renderMail } from './mail-layout';
import type { MailMessage } from './mailer';

export interface PasswordResetEmailInput {
  profile: Profile;
  to: string;
  login: string;
  /** Ungrouped (`K7P4QX`); printed grouped (`K7P-4QX`). */
  code: string;
  validHours: number;
  locale: Locale;
}

/**
 * "Mot de passe oublié": the reset goes to the address the person gave (ent77 seed: the personal
 * email "permettra de recevoir un mail de réinitialisation du mot de passe en cas d'oubli"; idf
 * seed, Cas 2: "l'adresse mail que vous aviez renseignée"). At a kiosk the person types the code
 * back there, so the message carries a short code rather than a link.
 */
export function passwordResetEmail(input: PasswordResetEmailInput): MailMessage {
  const institution = institutionOf(input.profile, input.locale);
  const code = groupCode(input.code);
  const fr = input.locale === 'fr';
  return renderMail({
    to: input.to,
    locale: input.locale,
    subject: fr ? `Réinitialisation de votre mot de passe — ${institution}` : `Reset your password — ${institution}`,
    blocks: [
      { kind: 'text', text: fr ? 'Bonjour,' : 'Hello,' },
      {
        kind: 'text',
        text: fr
          ? `Vous avez demandé à réinitialiser le mot de passe de votre compte ${institution} (identifiant : ${input.login}).`
          : `You asked to reset the password of your ${institution} account (identifier: ${input.login}).`,
      },
      { kind: 'code', label: fr ? 'À la borne, saisissez ce code :' : 'At the kiosk, type this code:', code },
      {
        kind: 'text',
        text: fr
          ? `Ce code est valable ${input.validHours} h et ne sert qu'une fois.`
          : `This code is valid for ${input.validHours} hours and works only once.`,
      },
      {
        kind: 'text',
        text: fr
          ? "Si vous n'avez rien demandé, ignorez ce message : votre mot de passe ne change pas."
          : 'If you did not ask for this, ignore this message: your password does not change.',
      },
    ],
  });
}

/**
 * "Identifiant oublié" (parents seed): the identifiers of the accounts of this address. The
 * identifier itself never changes ("L'identifiant n'est pas modifiable").
 */
export function identifierReminderEmail(input: { profile: Profile; to: string; logins: string[]; locale: Locale }): MailMessage {
  const institution = institutionOf(input.profile, input.locale);
  const fr = input.locale === 'fr';
  return renderMail({
    to: input.to,
    locale: input.locale,
    subject: fr ? `Votre identifiant — ${institution}` : `Your identifier — ${institution}`,
    blocks: [
      { kind: 'text', text: fr ? 'Bonjour,' : 'Hello,' },
      {
        kind: 'text',
        text: fr
          ? `Vous avez demandé votre identifiant ${institution}. Identifiant associé à cette adresse :`
          : `You asked for your ${institution} identifier. Identifier linked to this address:`,
      },
      { kind: 'list', items: input.logins },
      {
        kind: 'text',
        text: fr
          ? "L'identifiant n'est pas modifiable. Si vous n'avez rien demandé, ignorez ce message."
          : 'The identifier cannot be changed. If you did not ask for this, ignore this message.',
      },
    ],
  });
}
