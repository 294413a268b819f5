import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';
import {
  composeBirthDate,
  emptyValues,
  fieldInputId,
  problemMessageKey,
  readIdentity,
} from '../../../renderer/src/lib/identity/identity-form';

const profile = ProfileSchema.parse(JSON.parse(readFileSync('resources/profiles/cergy-etudiant.json', 'utf8')));

function form(values: Partial<Record<string, string>>): Record<string, string> {
  return { ...emptyValues(profile), ...values } as Record<string, string>;
}

const valid = {
  lastName: "N'Guessan-Lefèvre",
  firstName: 'Zoé Hélène',
  'birthDate-day': '3',
  'birthDate-month': '11',
  'birthDate-year': '2005',
  studentNumber: '2100 0002',
};

describe('composeBirthDate', () => {
  it('pads day and month into an ISO date', () => {
    expect(composeBirthDate('3', '7', '2006')).toEqual({ value: '2006-07-03' });
  });

  it('says what is wrong before any calendar check', () => {
    expect(composeBirthDate('', '7', '2006')).toEqual({ reason: 'required' });
    expect(composeBirthDate('3', '7', '06')).toEqual({ reason: 'format' });
    expect(composeBirthDate('3a', '7', '2006')).toEqual({ reason: 'format' });
  });
});

describe('readIdentity', () => {
  it('builds the identity the back end expects from a valid form', () => {
    const { identity, problems } = readIdentity(profile, form(valid));
    expect(problems).toEqual([]);
    expect(identity).toEqual({ lastName: "N'Guessan-Lefèvre", firstName: 'Zoé Hélène', birthDate: '2005-11-03', studentNumber: '21000002' });
  });

  it('reports every empty field as required, in the profile\'s order', () => {
    expect(readIdentity(profile, emptyValues(profile)).problems).toEqual([
      { key: 'lastName', reason: 'required' },
      { key: 'firstName', reason: 'required' },
      { key: 'birthDate', reason: 'required' },
      { key: 'studentNumber', reason: 'required' },
    ]);
  });

  it('tells a wrong digit count from a non-digit, and an impossible date from a badly written one', () => {
    const reasons = (values: Partial<Record<string, string>>) => readIdentity(profile, form({ ...valid, ...values })).problems;
    expect(reasons({ studentNumber: '1234567' })).toEqual([{ key: 'studentNumber', reason: 'length' }]);
    expect(reasons({ studentNumber: '12a45678' })).toEqual([{ key: 'studentNumber', reason: 'format' }]);
    expect(reasons({ 'birthDate-day': '31', 'birthDate-month': '2' })).toEqual([{ key: 'birthDate', reason: 'date' }]);
    expect(reasons({ lastName: 'R2-D2' })).toEqual([{ key: 'lastName', reason: 'format' }]);
    expect(reasons({ lastName: 'x'.repeat(61) })).toEqual([{ key: 'lastName', reason: 'tooLong' }]);
  });
});

describe('wording and focus targets', () => {
  it('maps a reason to a per-kind message, or a generic one', () => {
    const [lastName, , birthDate, studentNumber] = profile.identity.fields;
    if (!lastName || !birthDate || !studentNumber) throw new Error('profile fields missing');
    expect(problemMessageKey(studentNumber, 'length')).toBe('field.digits.length');
    expect(problemMessageKey(birthDate, 'date')).toBe('field.birthDate.date');
    expect(problemMessageKey(lastName, 'unknown')).toBe('field.generic');
  });

  it('focuses the day box for a birth date', () => {
    expect(profile.identity.fields.map(fieldInputId)).toEqual([
      'field-lastName',
      'field-firstName',
      'field-birthDate-day',
      'field-studentNumber',
    ]);
  });
});

describe('letter fields (ENT 77, IDF, Scolarité Services)', () => {
  const load = (id: string) => ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')));
  const ent77 = load('ent77-college');
  const idf = load('idf-lycee');

  it('accepts an identifier and a code typed with groups, lower case or spaces', () => {
    const { identity, problems } = readIdentity(ent77, { login: ' Danièle.Adams ', activationCode: 'abcd-efgh' });
    expect(problems).toEqual([]);
    expect(identity).toEqual({ login: 'Danièle.Adams', activationCode: 'abcd-efgh' });
    expect(readIdentity(ent77, { login: 'daniele.adams', activationCode: 'ABCD EFGH' }).problems).toEqual([]);
  });

  it('says which letter field is missing or malformed, in words of its own', () => {
    const { problems } = readIdentity(ent77, { login: 'daniele adams', activationCode: '' });
    expect(problems).toEqual([
      { key: 'login', reason: 'format' },
      { key: 'activationCode', reason: 'required' },
    ]);
    const [login, code] = ent77.identity.fields;
    if (!login || !code) throw new Error('profile fields missing');
    expect(problemMessageKey(login, 'format')).toBe('field.login.format');
    expect(problemMessageKey(code, 'required')).toBe('field.credential.required');
    expect(readIdentity(ent77, { login: 'a.b', activationCode: 'AB?D-EFGH' }).problems).toEqual([{ key: 'activationCode', reason: 'format' }]);
  });

  it('keeps a provisional password exactly as typed: its case and spaces are part of it', () => {
    const { identity, problems } = readIdentity(idf, { login: 'jeanne.dupont', provisionalPassword: ' Ab 12 ' });
    expect(problems).toEqual([]);
    expect(identity['provisionalPassword']).toBe(' Ab 12 ');
  });
});
