import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/messages/translate';
import { evaluatePassword } from '../../../shared/policies/password-policy';
import type { PasswordVerdict } from '../../../shared/schemas/password-policy-schema';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';
import { emptyValues } from '../../../renderer/src/lib/identity/identity-form';
import { checklistLines, pairProblems, passwordContextFrom, ruleMessage, rulesNamed, unmetRules } from '../../../renderer/src/lib/password/checklist';

function profile(id: string): Profile {
  return ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')));
}

function policyOf(loaded: Profile) {
  if (loaded.password.mode !== 'chosen') throw new Error(`${loaded.id} does not choose its password`);
  return loaded.password.policy;
}

const um = profile('um-etudiant');
const ent77 = profile('ent77-college');
const parents = profile('parents-scolarite');

function lineText(verdict: PasswordVerdict, candidate: string): string[] {
  return checklistLines(verdict, candidate).map((line) => `${translate('fr', line.key, line.params)} [${line.status}${line.advisory ? ', conseil' : ''}]`);
}

describe('the checklist lines, in the seeds\' words', () => {
  it('Montpellier: the advised length is advice, the dictionary is left to the back end', () => {
    const candidate = 'Kq7vz2Lm';
    expect(lineText(evaluatePassword(policyOf(um), candidate), candidate)).toEqual([
      '8 caractères minimum [met]',
      '12 caractères recommandés [unmet, conseil]',
      'au moins un chiffre [met]',
      'au moins une lettre [met]',
      'aucun des caractères < > " \' $ [met]',
      'ne contient ni votre nom, ni votre identifiant, ni votre date de naissance [met]',
      'pas un mot du dictionnaire [checking]',
    ]);
  });

  it('Scolarité Services: 8 to 14 characters, the maximum shown because it is the seed\'s own', () => {
    const candidate = 'abcdefghijklmno1';
    const lines = lineText(evaluatePassword(policyOf(parents), candidate), candidate);
    expect(lines).toContain('14 caractères maximum [unmet]');
    expect(lines).toContain('différent du mot de passe du courrier [met]');
  });

  it('ENT 77: a 64-character technical cap is not a line until it is broken', () => {
    const short = 'abc';
    expect(lineText(evaluatePassword(policyOf(ent77), short), short).some((line) => line.includes('maximum'))).toBe(false);
    const long = 'a1'.repeat(40);
    expect(lineText(evaluatePassword(policyOf(ent77), long), long)).toContain('64 caractères maximum [unmet]');
  });

  it('says nothing is met or failed before anything is typed', () => {
    const lines = checklistLines(evaluatePassword(policyOf(ent77), ''), '');
    expect(lines.map((line) => line.status)).toEqual(lines.map(() => 'todo'));
  });

  it('names the blocking rules that fail, never the advice nor the undecided dictionary', () => {
    const verdict = evaluatePassword(policyOf(um), 'abcdefgh');
    expect(unmetRules(verdict).map((rule) => rule.id)).toEqual(['digit']);
  });

  it('words the back end\'s PASSWORD_POLICY rules, even one the page did not list', () => {
    const verdict = evaluatePassword(policyOf(ent77), 'abcdefg1');
    const named = rulesNamed(verdict, ['minLength', 'notDictionaryWord']);
    expect(named.map((rule) => translate('fr', ruleMessage(rule).key, ruleMessage(rule).params))).toEqual([
      '8 caractères minimum',
      'pas un mot du dictionnaire',
    ]);
  });
});

describe('passwordContextFrom', () => {
  it('takes names and birth dates from the identity form, so the personal rule is right at once', () => {
    const values = { ...emptyValues(um), lastName: 'Delacroix', 'birthDate-day': '5', 'birthDate-month': '3', 'birthDate-year': '2006', studentNumber: '22000001' };
    const context = passwordContextFrom(um, values);
    expect(context).toMatchObject({ names: ['Delacroix'], birthDates: ['2006-03-05'] });
    const verdict = evaluatePassword(policyOf(um), 'delacroix2024', context);
    expect(verdict.rules.find((rule) => rule.id === 'notPersonal')?.met).toBe(false);
  });

  it('takes the login and, where the seed wants a new password, the letter\'s one', () => {
    const values = { ...emptyValues(parents), login: 'c.dupont12', letterPassword: 'Lettre2024', 'childBirthDate-day': '1', 'childBirthDate-month': '9', 'childBirthDate-year': '2014' };
    const context = passwordContextFrom(parents, values);
    expect(context).toMatchObject({ identifier: 'c.dupont12', current: 'Lettre2024', birthDates: ['2014-09-01'] });
    expect(evaluatePassword(policyOf(parents), 'Lettre2024', context).rules.find((rule) => rule.id === 'notCurrent')?.met).toBe(false);
  });

  it('leaves out the activation code, which is no password to differ from', () => {
    const context = passwordContextFrom(ent77, { login: 'daniele.adams', activationCode: 'ABCD-EFGH' });
    expect(context.current).toBeUndefined();
    expect(context.identifier).toBe('daniele.adams');
  });
});

describe('pairProblems', () => {
  const verdictOf = (candidate: string) => evaluatePassword(policyOf(ent77), candidate);

  it('asks for both typings, then names the failing rules, then the mismatch', () => {
    expect(pairProblems('', '', null)).toEqual({ password: { kind: 'required' }, confirmation: 'required' });
    const short = pairProblems('abc', 'abc', verdictOf('abc'));
    expect(short.password?.kind === 'rules' ? short.password.rules.map((rule) => rule.id) : []).toEqual(['minLength', 'digit']);
    expect(short.confirmation).toBeNull();
    expect(pairProblems('Kq7vz2Lm', 'Kq7vz2Lx', verdictOf('Kq7vz2Lm'))).toEqual({ password: null, confirmation: 'mismatch' });
    expect(pairProblems('Kq7vz2Lm', 'Kq7vz2Lm', verdictOf('Kq7vz2Lm'))).toEqual({ password: null, confirmation: null });
  });
});
