import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';
import { contactMessageKey, readContact } from '../../../renderer/src/lib/contact/contact-form';

function profile(id: string): Profile {
  return ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')));
}

const ent77 = profile('ent77-college');
const um = profile('um-etudiant');

describe('readContact', () => {
  it('ENT 77: email required, mobile optional, the charter ticked', () => {
    expect(readContact(ent77, { email: '', mobile: '', termsAccepted: false }).problems).toEqual([
      { key: 'email', reason: 'required' },
      { key: 'termsAccepted', reason: 'required' },
    ]);
    expect(readContact(ent77, { email: ' jeanne@exemple.fr ', mobile: '', termsAccepted: true })).toEqual({
      input: { email: 'jeanne@exemple.fr', termsAccepted: true },
      problems: [],
    });
    expect(readContact(ent77, { email: 'jeanne@exemple.fr', mobile: '06 12 34 56 78', termsAccepted: true }).input.mobile).toBe('06 12 34 56 78');
  });

  it('refuses a malformed email or mobile with its own reason', () => {
    const { problems } = readContact(ent77, { email: 'jeanne.exemple.fr', mobile: 'zéro six', termsAccepted: true });
    expect(problems).toEqual([
      { key: 'email', reason: 'format' },
      { key: 'mobile', reason: 'format' },
    ]);
    expect(problems.map(contactMessageKey)).toEqual(['field.email.format', 'field.mobile.format']);
  });

  it('Montpellier asks nothing here: the email on file is used', () => {
    expect(readContact(um, { email: 'ignored', mobile: 'ignored', termsAccepted: false })).toEqual({ input: { termsAccepted: false }, problems: [] });
  });
});
