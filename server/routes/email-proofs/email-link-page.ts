import { createHash } from 'node:crypto';

export type EmailLinkPageKind = 'confirm' | 'activated' | 'invalid' | 'throttled';

/**
 * The page the link in the activation email opens, in the person's own browser: French then
 * English, no script, no image, no external resource, one inline style allowed by its hash.
 * Opening the link only shows `confirm`, a button posting back to the same URL: mail scanners
 * that pre-open links must not activate accounts, so only that POST does. Every failure
 * (unknown, expired, used, superseded link) gets the one `invalid` page, so the page cannot be
 * used to test tokens.
 */
const STYLE =
  'body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem;line-height:1.5;color:#1a1a1a}h1{font-size:1.5rem}[lang=en]{color:#444;border-top:1px solid #ccc;margin-top:2rem;padding-top:1rem}button{font:inherit;font-size:1.125rem;padding:.75rem 1.5rem;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff;cursor:pointer}button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}';

const STYLE_HASH = createHash('sha256').update(STYLE).digest('base64');

export const EMAIL_LINK_PAGE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${STYLE_HASH}'`,
  "base-uri 'none'",
  // The confirm button posts to the page's own URL, and nowhere else.
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers of every answer of the link route: the URL holds a secret, so nothing is cached or referred. */
export const EMAIL_LINK_PAGE_HEADERS: Record<string, string> = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy': EMAIL_LINK_PAGE_CSP,
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
};

interface PageText {
  title: string;
  body: string;
}

const TEXTS: Record<EmailLinkPageKind, { fr: PageText; en: PageText }> = {
  confirm: {
    fr: { title: "Confirmer l'activation de votre compte", body: "Appuyez sur le bouton pour terminer l'activation de votre compte ENT." },
    en: { title: 'Confirm your account activation', body: 'Press the « Confirmer l’activation » button above to finish activating your ENT account.' },
  },
  activated: {
    fr: { title: 'Votre compte est activé', body: 'Vous pouvez fermer cette page et vous connecter à votre ENT avec le mot de passe que vous avez choisi.' },
    en: { title: 'Your account is active', body: 'You can close this page and sign in to your ENT with the password you chose.' },
  },
  invalid: {
    fr: {
      title: "Ce lien n'est pas ou plus valable",
      body: "Il a peut-être déjà servi, expiré, ou été remplacé par un message plus récent. Si votre compte est déjà activé, connectez-vous à votre ENT ; sinon, recommencez l'activation à la borne.",
    },
    en: {
      title: 'This link is not valid (any more)',
      body: 'It may have been used already, have expired, or have been replaced by a newer message. If your account is already active, sign in to your ENT; otherwise start the activation again at the kiosk.',
    },
  },
  throttled: {
    fr: { title: 'Trop de tentatives', body: 'Patientez quelques minutes avant de rouvrir le lien.' },
    en: { title: 'Too many attempts', body: 'Wait a few minutes before opening the link again.' },
  },
};

/** The whole page; static text only, so nothing needs escaping. */
export function emailLinkPage(kind: EmailLinkPageKind): string {
  const { fr, en } = TEXTS[kind];
  return [
    '<!doctype html>',
    '<html lang="fr">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>${fr.title}</title><style>${STYLE}</style></head>`,
    `<body><main><h1>${fr.title}</h1><p>${fr.body}</p>`,
    // No action: the form posts to the URL the page came from (the link itself).
    ...(kind === 'confirm' ? ['<form method="post"><button type="submit">Confirmer l\'activation</button></form>'] : []),
    `<section lang="en"><h2>${en.title}</h2><p>${en.body}</p></section></main></body>`,
    '</html>',
    '',
  ].join('\n');
}
