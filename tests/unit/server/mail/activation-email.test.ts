import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { activationEmail } from '../../../../server/mail/activation-email';
import { loadProfiles } from '../../../../server/profiles/profile-registry';

const profiles = loadProfiles(join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'profiles'));
const um = profiles.get('um-etudiant');
if (!um) throw new Error('um-etudiant profile missing');
const input = {
  profile: um,
  to: 'yanis.delmas@example.org',
  login: '22000001',
  code: 'K7P4QX',
  link: 'https://sesame.example/v1/email-links/abc',
  validHours: 24,
  locale: 'fr' as const,
};

describe('activationEmail', () => {
  it('says in French who, which login, the grouped code, the link, how long, and to ignore it otherwise', () => {
    const mail = activationEmail(input);
    expect(mail.to).toBe('yanis.delmas@example.org');
    expect(mail.subject).toBe('Activation de votre compte — Université de Montpellier');
    expect(mail.text).toContain('compte Université de Montpellier (identifiant : 22000001)');
    expect(mail.text).toContain('saisissez ce code : K7P-4QX');
    expect(mail.text).toContain('ouvrez ce lien : https://sesame.example/v1/email-links/abc');
    expect(mail.text).toContain('valables 24 h');
    expect(mail.text).toContain("Si vous n'avez pas demandé cette activation, ignorez ce message");
    expect(mail.text).not.toContain('K7P4QX');
    expect(mail.html).toContain('<html lang="fr">');
    expect(mail.html).toContain('>K7P-4QX</strong>');
    expect(mail.html).toContain('<a href="https://sesame.example/v1/email-links/abc">');
  });

  it('writes English with the English institution name when the locale is en', () => {
    const mail = activationEmail({ ...input, locale: 'en', validHours: 3 });
    expect(mail.subject).toBe('Activate your account — University of Montpellier');
    expect(mail.text).toContain('valid for 3 hours');
    expect(mail.text).toContain('type this code: K7P-4QX');
    expect(mail.html).toContain('<html lang="en">');
  });

  it('escapes what it puts in the HTML', () => {
    const hostile = { ...um, institution: { ...um.institution, name: { fr: 'École <b>"A&B"</b>' } } };
    const mail = activationEmail({ ...input, profile: hostile, login: "o'<x>" });
    expect(mail.html).not.toMatch(/<b>|<x>/);
    expect(mail.html).toContain('École &#60;b&#62;&#34;A&#38;B&#34;&#60;/b&#62;');
    expect(mail.text).toContain('École <b>"A&B"</b>');
  });
});
