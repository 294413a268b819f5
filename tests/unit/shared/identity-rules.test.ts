import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWith } from '../../../shared/contract/parse';
import { identitySchemaFor, isRealDate, namesMatch, normalizeName } from '../../../shared/policies/identity-rules';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';

const cergy = ProfileSchema.parse(JSON.parse(readFileSync('resources/profiles/cergy-etudiant.json', 'utf8')));
const schema = identitySchemaFor(cergy);
const valid = { lastName: "D'Almeida-Lefèvre", firstName: 'Zoé Anne', birthDate: '2006-03-14', studentNumber: '21000001' };

describe('name matching (cergy seed, Cas n°3)', () => {
  it.each([
    ['DUPONT', 'Dupont'],
    ['Lefevre', 'Lefèvre'],
    ['d’almeida', "D'ALMEIDA"],
    ['Jean - Pierre', 'Jean-Pierre'],
    ['  Zoé   Anne ', 'zoe anne'],
    ['Cœur', 'Coeur'],
    ['Jean Pierre', 'Jean-Pierre'],
    ['NGUESSAN', "N'Guessan"],
  ])('matches %s with %s', (typed, recorded) => {
    expect(namesMatch(typed, recorded)).toBe(true);
  });

  it.each([
    ['Fontaine', 'Roux'],
    ['Martin', 'Martine'],
    ['Jean', 'Jeanne'],
  ])('does not match %s with %s', (typed, recorded) => {
    expect(namesMatch(typed, recorded)).toBe(false);
  });

  it('folds every apostrophe and accent form to one key', () => {
    expect(normalizeName('N’DIAYE-LÉVÊQUE')).toBe("n'diaye-leveque");
  });
});

describe('identity fields of the cergy profile', () => {
  it('accepts names with accents, hyphens, apostrophes and spaces', () => {
    expect(parseWith(schema, valid)).toMatchObject({ ok: true });
  });

  it('names each failing field with its reason and never its value', () => {
    const parsed = parseWith(schema, { lastName: '', firstName: 'R2D2', birthDate: '2006-02-30', studentNumber: '1234567' });
    expect(parsed).toEqual({
      ok: false,
      problems: [
        { key: 'lastName', reason: 'required' },
        { key: 'firstName', reason: 'format' },
        { key: 'birthDate', reason: 'date' },
        { key: 'studentNumber', reason: 'format' },
      ],
    });
  });

  it('refuses SQL-looking names, huge strings and unknown fields', () => {
    expect(parseWith(schema, { ...valid, lastName: "x'; DROP TABLE enrollments;--" }).ok).toBe(false);
    expect(parseWith(schema, { ...valid, firstName: 'a'.repeat(61) })).toMatchObject({ ok: false, problems: [{ key: 'firstName', reason: 'tooLong' }] });
    expect(parseWith(schema, { ...valid, nomUsage: 'Fontaine' })).toMatchObject({ ok: false, problems: [{ reason: 'unknown' }] });
  });

  it('takes the student number as exactly 8 digits', () => {
    expect(parseWith(schema, { ...valid, studentNumber: '210000012' }).ok).toBe(false);
    expect(parseWith(schema, { ...valid, studentNumber: '2100000a' }).ok).toBe(false);
  });
});

describe('real dates', () => {
  const today = new Date('2026-11-23T12:00:00Z');
  it.each(['2006-03-14', '2004-02-29', '1900-01-01'])('accepts %s', (value) => {
    expect(isRealDate(value, today)).toBe(true);
  });
  it.each(['2006-02-29', '2006-13-01', '2006-04-31', '1899-12-31', '2027-01-01', '14/03/2006', '2006-3-14'])('refuses %s', (value) => {
    expect(isRealDate(value, today)).toBe(false);
  });
});

describe('wrong types versus missing fields', () => {
  it('calls a missing field required and a wrongly typed one malformed', () => {
    expect(parseWith(schema, { ...valid, lastName: undefined, studentNumber: 21000001 })).toEqual({
      ok: false,
      problems: [
        { key: 'lastName', reason: 'required' },
        { key: 'studentNumber', reason: 'format' },
      ],
    });
  });
});
