import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDictionaryCheck } from '../../../server/services/password/dictionary-check';
import { EMPTY_PASSWORD_CONTEXT, evaluatePassword, failedRules } from '../../../shared/policies/password-policy';
import { PasswordVerdictSchema } from '../../../shared/schemas/password-policy-schema';
import type { PasswordPolicy, PasswordVerdict } from '../../../shared/schemas/password-policy-schema';
import { candidateArb, count, dictionaryWordArb, FORBIDDEN, hasAny, hasDigit, hasLetter, policyOf, sorted } from './password-arbitraries';

/**
 * The engine against each seed's rule, stated here again in the seed's own terms: for every
 * generated candidate, the verdict and the failed rules equal what the seed says. The limits
 * the profiles add and the seeds do not state (a 64-character cap) are named where they apply.
 */
const dictionary = createDictionaryCheck();

function check(policy: PasswordPolicy, candidate: string, expected: string[], current?: string): PasswordVerdict {
  const verdict = evaluatePassword(policy, candidate, { ...EMPTY_PASSWORD_CONTEXT, current }, policy.notDictionaryWord ? dictionary : undefined);
  expect(PasswordVerdictSchema.parse(verdict)).toEqual(verdict);
  expect(sorted(failedRules(verdict))).toEqual(sorted(expected));
  expect(verdict.acceptable).toBe(expected.length === 0);
  return verdict;
}

/** What every seed asks at least: a length range, a letter and a digit. */
function lengthLetterDigit(candidate: string, min: number, max: number): string[] {
  const failed: string[] = [];
  if (count(candidate) < min) failed.push('minLength');
  if (count(candidate) > max) failed.push('maxLength');
  if (!hasLetter(candidate)) failed.push('letter');
  if (!hasDigit(candidate)) failed.push('digit');
  return failed;
}

describe('ENT 77 (ent77 seed: "8 caractères au minimum parmi lesquels au moins une lettre et au moins un chiffre")', () => {
  const policy = policyOf('ent77-college');
  it('accepts exactly the candidates the seed accepts (64 is the profile\'s cap on input)', () => {
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        check(policy, candidate, lengthLetterDigit(candidate, 8, 64));
      }),
    );
  });
});

describe('Île-de-France (idf seed, Cas 1: "Modifiez votre mot de passe")', () => {
  const policy = policyOf('idf-lycee');
  const provisional = fc.oneof(candidateArb, fc.constant('Prov1s0ire'));
  it('asks ≥ 8 with a letter and a digit, and a password other than the provisional one', () => {
    fc.assert(
      fc.property(candidateArb, provisional, fc.boolean(), (typed, current, reuse) => {
        const candidate = reuse ? current : typed;
        const failed = lengthLetterDigit(candidate, 8, 64);
        if (candidate === current) failed.push('notCurrent');
        check(policy, candidate, failed, current);
      }),
    );
  });
});

describe('Scolarité Services (parents seed: "8 caractères minimum, 14 caractères maximum, chiffres ET lettres obligatoires")', () => {
  const policy = policyOf('parents-scolarite');
  it('asks 8 to 14 characters, letters and digits, and not the letter\'s password', () => {
    fc.assert(
      fc.property(candidateArb, candidateArb, fc.boolean(), (typed, letterPassword, reuse) => {
        const candidate = reuse ? letterPassword : typed;
        const failed = lengthLetterDigit(candidate, 8, 14);
        if (candidate === letterPassword) failed.push('notCurrent');
        check(policy, candidate, failed, letterPassword);
      }),
    );
  });
});

describe('Université de Montpellier (umontpellier seed)', () => {
  const policy = policyOf('um-etudiant');

  function umFailures(candidate: string): string[] {
    const failed = lengthLetterDigit(candidate, 8, 64);
    if (hasAny(candidate, FORBIDDEN)) failed.push('forbiddenCharacters');
    if (dictionary(candidate, [])) failed.push('notDictionaryWord');
    return failed;
  }

  it('asks ≥ 8, a digit, a letter, none of < > " \' $, and no dictionary word; 12 is advice only', () => {
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        const advice = check(policy, candidate, umFailures(candidate)).rules.find((rule) => rule.id === 'advisedLength');
        expect(advice).toEqual({ id: 'advisedLength', met: count(candidate) >= 12, advisory: true, param: 12 });
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a dictionary word however it is dressed ("Ne choisissez pas un mot du dictionnaire")', () => {
    fc.assert(
      fc.property(dictionaryWordArb, (candidate) => {
        expect(failedRules(evaluatePassword(policy, candidate, EMPTY_PASSWORD_CONTEXT, dictionary))).toContain('notDictionaryWord');
      }),
      { numRuns: 60 },
    );
  });

  it('never lets the advised 12 block: an 8-character random password is acceptable', () => {
    const verdict = evaluatePassword(policy, 'x7Gh2kLp', EMPTY_PASSWORD_CONTEXT, dictionary);
    expect(verdict.acceptable).toBe(true);
    expect(verdict.rules.find((rule) => rule.id === 'advisedLength')?.met).toBe(false);
  });

  it('in the renderer (no dictionary) leaves the dictionary rule undecided and never accepts', () => {
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        const verdict = evaluatePassword(policy, candidate);
        expect(verdict.rules.find((rule) => rule.id === 'notDictionaryWord')).toEqual({ id: 'notDictionaryWord', met: null, advisory: false });
        expect(verdict.acceptable).toBe(false);
        expect(failedRules(verdict)).toContain('notDictionaryWord');
      }),
    );
  });
});

describe('failedRules', () => {
  it('lists exactly the unmet blocking rules, never an advisory one', () => {
    const policy = policyOf('um-etudiant');
    fc.assert(
      fc.property(candidateArb, (candidate) => {
        const verdict = evaluatePassword(policy, candidate);
        const unmet = verdict.rules.filter((rule) => !rule.advisory && rule.met !== true).map((rule) => rule.id);
        expect(failedRules(verdict)).toEqual(unmet);
        expect(failedRules(verdict)).not.toContain('advisedLength');
      }),
    );
  });
});
