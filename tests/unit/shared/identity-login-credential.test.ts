import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../../shared/contract/parse';
import { canonicalFieldValue, identitySchemaFor } from '../../../shared/policies/identity-rules';
import { CODE_ALPHABET, groupCode } from '../../../shared/policies/secret-codes';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';
import type { IdentityField, Profile } from '../../../shared/schemas/profile-schema';

/** The identity kinds of the letter-based procedures: `login` and `credential`. */
function profile(id: string): Profile {
  return ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')));
}
function field(of: Profile, key: string): IdentityField {
  const found = of.identity.fields.find((candidate) => candidate.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
}

const ent77 = profile('ent77-college');
const parents = profile('parents-scolarite');
const loginField = field(ent77, 'login');
const codeField = field(ent77, 'activationCode');
const letterPasswordField = field(parents, 'letterPassword');
const codeArb = fc.array(fc.constantFrom(...CODE_ALPHABET), { minLength: 8, maxLength: 8 }).map((chars) => chars.join(''));

describe('login fields (ent77 seed: "l\'identifiant sous la forme prénom.nom")', () => {
  const schema = identitySchemaFor(ent77);
  it.each(['daniele.adams', 'Danièle.Adams', 'jean-pierre.dupont2', 'c.dupont12', 'e21000001'])('accepts %s', (login) => {
    expect(parseWith(schema, { login, activationCode: 'ABCD-EFGH' }).ok).toBe(true);
  });
  it.each(['daniele adams', '.daniele', 'daniele..adams', 'daniele.', 'dan@iele', 'a'.repeat(65)])('refuses %s', (login) => {
    expect(parseWith(schema, { login, activationCode: 'ABCD-EFGH' })).toMatchObject({ ok: false, problems: [{ key: 'login' }] });
  });

  it('compares a login without case or accents, and the same way every time', () => {
    const loginArb = fc.tuple(fc.stringMatching(/^[a-zéèëï]{1,12}$/), fc.stringMatching(/^[a-z]{1,12}$/)).map(([first, last]) => `${first}.${last}`);
    fc.assert(
      fc.property(loginArb, (login) => {
        const canonical = canonicalFieldValue(loginField, login);
        expect(canonical).toMatch(/^[a-z]+\.[a-z]+$/);
        expect(canonicalFieldValue(loginField, login.toUpperCase())).toBe(canonical);
        expect(canonicalFieldValue(loginField, canonical)).toBe(canonical);
      }),
    );
  });
});

describe('credential fields', () => {
  it('take an activation code grouped or not, in any case, as the same code', () => {
    fc.assert(
      fc.property(codeArb, fc.constantFrom('-', ' ', ''), fc.boolean(), (code, separator, lower) => {
        const typed = groupCode(code).replace('-', separator);
        const input = lower ? typed.toLowerCase() : typed;
        expect(parseWith(identitySchemaFor(ent77), { login: 'daniele.adams', activationCode: input }).ok).toBe(true);
        expect(canonicalFieldValue(codeField, input)).toBe(code);
      }),
    );
  });

  it('refuse an activation code with characters other than letters, digits, spaces and hyphens', () => {
    for (const activationCode of ['ABCD_EFGH', 'AB', 'ABCD/EFGH', '']) {
      expect(parseWith(identitySchemaFor(ent77), { login: 'daniele.adams', activationCode })).toMatchObject({ ok: false, problems: [{ key: 'activationCode' }] });
    }
  });

  it('keep a provisional password exactly as typed: its case and spaces are part of it', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 64 }), (typed) => {
        expect(canonicalFieldValue(letterPasswordField, typed)).toBe(typed);
      }),
    );
    const schema = identitySchemaFor(parents);
    const valid = { login: 'c.dupont12', letterPassword: 'Xy 7 kP', childBirthDate: '2014-05-02' };
    expect(parseWith(schema, valid).ok).toBe(true);
    expect(parseWith(schema, { ...valid, letterPassword: '' })).toMatchObject({ ok: false, problems: [{ key: 'letterPassword', reason: 'required' }] });
    expect(parseWith(schema, { ...valid, letterPassword: 'x'.repeat(65) })).toMatchObject({ ok: false, problems: [{ key: 'letterPassword', reason: 'tooLong' }] });
  });
});
