import { groupCode } from '../../shared/policies/secret-codes';
import type { Locale } from '../../shared/schemas/localized-text-schema';
import type { Profile } from '../../shared/schemas/profile-schema';
import { escapeHtml, institutionOf } from './mail-layout';
import type { MailMessage } from './mailer';

export interface ActivationEmailInput {
  profile: Profile;
  to: string;
  login: string;
  /** The short code, ungrouped (`K7P4QX`); printed grouped (`K7P-4QX`). */
  code: string;
  link: string;
  /** Hours the code and the link stay valid (umontpellier seed: "Ce lien est valable 24h"). */
  validHours: number;
  locale: Locale;
}

interface Wording {
  subject: (institution: string) => string;
  greeting: string;
  intro: (institution: string, login: string) => string;
  code: string;
  link: string;
  validity: (hours: number) => string;
  ignore: string;
}

/**
 * French first, English when the person used the kiosk in English. The link is what the
 * umontpellier and parents-scolarite seeds describe ("cliquer sur le lien permettant
 * l'activation"); the code is the kiosk variant of issue 3, for a person who cannot reach their
 * mailbox from the terminal.
 */
const WORDING: Record<Locale, Wording> = {
  fr: {
    subject: (institution) => `Activation de votre compte — ${institution}`,
    greeting: 'Bonjour,',
    intro: (institution, login) => `Pour terminer l'activation de votre compte ${institution} (identifiant : ${login}), au choix :`,
    code: 'à la borne, saisissez ce code :',
    link: 'ou ouvrez ce lien :',
    validity: (hours) => `Ce code et ce lien sont valables ${hours} h et ne servent qu'une fois.`,
    ignore: "Si vous n'avez pas demandé cette activation, ignorez ce message : votre compte ne sera pas activé.",
  },
  en: {
    subject: (institution) => `Activate your account — ${institution}`,
    greeting: 'Hello,',
    intro: (institution, login) => `To finish activating your ${institution} account (identifier: ${login}), either:`,
    code: 'at the kiosk, type this code:',
    link: 'or open this link:',
    validity: (hours) => `This code and this link are valid for ${hours} hours and work only once.`,
    ignore: 'If you did not ask for this activation, ignore this message: your account will not be activated.',
  },
};

/** The activation message, as plain text and as simple HTML saying the same thing. */
export function activationEmail(input: ActivationEmailInput): MailMessage {
  const words = WORDING[input.locale];
  const institution = institutionOf(input.profile, input.locale);
  const code = groupCode(input.code);
  const text = [
    words.greeting,
    '',
    words.intro(institution, input.login),
    '',
    `- ${words.code} ${code}`,
    `- ${words.link} ${input.link}`,
    '',
    words.validity(input.validHours),
    '',
    words.ignore,
    '',
  ].join('\n');
  const e = escapeHtml;
  const html = [
    `<!doctype html><html lang="${input.locale}"><head><meta charset="utf-8"><title>${e(words.subject(institution))}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5">',
    `<p>${e(words.greeting)}</p>`,
    `<p>${e(words.intro(institution, input.login))}</p>`,
    '<ul>',
    `<li>${e(words.code)} <strong style="font-family: monospace; font-size: 1.4em; letter-spacing: 0.1em">${e(code)}</strong></li>`,
    `<li>${e(words.link)} <a href="${e(input.link)}">${e(input.link)}</a></li>`,
    '</ul>',
    `<p>${e(words.validity(input.validHours))}</p>`,
    `<p>${e(words.ignore)}</p>`,
    '</body></html>',
  ].join('\n');
  return { to: input.to, subject: words.subject(institution), text, html };
}
