import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { helpRequestEmail } from '../../../../server/mail/help-request-email';
import { identifierReminderEmail, passwordResetEmail } from '../../../../server/mail/recovery-email';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import { decoyMask } from '../../../../server/services/recovery-decoy';

const profiles = loadProfiles(join(import.meta.dirname, '..', '..', '..', '..', 'resources', 'profiles'));
const ent77 = profiles.get('ent77-college');
const parents = profiles.get('parents-scolarite');

describe('recovery and help emails', () => {
  it('prints the reset code grouped, the login and the validity, in the kiosk language', () => {
    if (!ent77) throw new Error('no ent77 profile');
    const fr = passwordResetEmail({ profile: ent77, to: 'a@example.org', login: 'jules.marchand', code: 'K7P4QX', validHours: 24, locale: 'fr' });
    expect(fr.text).toContain('saisissez ce code : K7P-4QX');
    expect(fr.text).toContain('identifiant : jules.marchand');
    const en = passwordResetEmail({ profile: ent77, to: 'a@example.org', login: 'jules.marchand', code: 'K7P4QX', validHours: 24, locale: 'en' });
    expect(en.subject).toMatch(/^Reset your password/);
    expect(en.html).toContain('lang="en"');
  });

  it('lists every identifier of the address', () => {
    if (!parents) throw new Error('no parents profile');
    const mail = identifierReminderEmail({ profile: parents, to: 'c@example.org', logins: ['c.morel44', 'c.morel45'], locale: 'fr' });
    expect(mail.text).toContain('- c.morel44\n- c.morel45');
    expect(mail.html).toContain('<li>c.morel45</li>');
  });

  it('escapes what the parent typed in the HTML part and replies to the parent', () => {
    if (!ent77) throw new Error('no ent77 profile');
    const request = { name: 'Eve <b>', email: 'eve@example.org', message: '<script>alert(1)</script>' };
    const mail = helpRequestEmail({ profile: ent77, to: 'aide@example.org', reference: 'AIDE-7K3Q9P', topicLabel: 'Activer', request });
    expect(mail.replyTo).toBe('eve@example.org');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&#60;script&#62;');
    expect(mail.text).toContain('<script>alert(1)</script>');
  });

  it('masks nobody\'s address plausibly, the same for the same request, differently for others', () => {
    const key = Buffer.alloc(32, 7);
    const masks = ['a', 'b', 'c', 'd', 'e', 'f'].map((request) => decoyMask(key, request));
    for (const mask of masks) expect(mask).toMatch(/^[a-z]\*\*\*@(gmail\.com|orange\.fr|hotmail\.fr|yahoo\.fr|free\.fr|laposte\.net|outlook\.fr|sfr\.fr)$/);
    expect(decoyMask(key, 'a')).toBe(masks[0]);
    expect(new Set(masks).size).toBeGreaterThan(1);
  });
});
