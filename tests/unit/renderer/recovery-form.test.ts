import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';
import { emptyValues } from '../../../renderer/src/lib/identity/identity-form';
import { asksEmail, readRecovery, recoveryFields, recoveryProfile } from '../../../renderer/src/lib/recovery/recovery-form';
import { helpProfile } from './help-fixture';

const base = JSON.parse(readFileSync('resources/profiles/parents-scolarite.json', 'utf8')) as Record<string, unknown>;
const parents = ProfileSchema.parse({ ...base, recovery: { password: { fields: ['login', 'childBirthDate'] }, identifier: { fields: ['childBirthDate'] } } });

describe('the fields a recovery asks for', () => {
  it('are the profile\'s identity fields named by recovery[kind], in that order', () => {
    expect(recoveryFields(parents, 'password').map((field) => field.key)).toEqual(['login', 'childBirthDate']);
    expect(recoveryFields(parents, 'identifier').map((field) => field.key)).toEqual(['childBirthDate']);
    expect(recoveryFields(helpProfile, 'identifier')).toEqual([]);
  });

  it('never include the letter\'s secret, and a narrowed profile yields only their inputs', () => {
    expect(recoveryFields(parents, 'password').some((field) => field.kind === 'credential')).toBe(false);
    expect(Object.keys(emptyValues(recoveryProfile(parents, 'password')))).toEqual(['login', 'childBirthDate-day', 'childBirthDate-month', 'childBirthDate-year']);
  });

  it('asks the personal email only to recover an identifier', () => {
    expect(asksEmail('identifier')).toBe(true);
    expect(asksEmail('password')).toBe(false);
  });
});

describe('readRecovery', () => {
  const date = { 'childBirthDate-day': '4', 'childBirthDate-month': '9', 'childBirthDate-year': '2012' };

  it('reads the fields with the identity rules, without the email for a password', () => {
    const read = readRecovery(parents, 'password', { login: ' c.dupont12 ', ...date }, 'ignored@example.org');
    expect(read.problems).toEqual([]);
    expect(read.input).toEqual({ fields: { login: 'c.dupont12', childBirthDate: '2012-09-04' } });
  });

  it('words problems per field, the email included for an identifier', () => {
    expect(readRecovery(parents, 'password', { login: '', ...date }, '').problems).toEqual([{ key: 'login', reason: 'required' }]);
    expect(readRecovery(parents, 'identifier', date, '').problems).toEqual([{ key: 'email', reason: 'required' }]);
    expect(readRecovery(parents, 'identifier', date, 'not-an-address').problems).toEqual([{ key: 'email', reason: 'format' }]);
  });

  it('sends the trimmed email with an identifier recovery', () => {
    const read = readRecovery(parents, 'identifier', date, '  claire.dupont@example.org ');
    expect(read.input).toEqual({ fields: { childBirthDate: '2012-09-04' }, email: 'claire.dupont@example.org' });
  });
});
