import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPersonalData, evaluatePassword, failedRules } from '../../../shared/policies/password-policy';
import type { PasswordContext } from '../../../shared/policies/password-policy';
import { policyOf } from './password-arbitraries';

/**
 * `notPersonal`: the password must not contain the person's given or family name, a part of
 * their login of 3 letters or more, or their birth date written the usual ways — whatever the
 * case and accents. Checked on every chosen-password profile.
 */
const NAMES = ['Hélène', 'Zoé-Hélène', "N'Guessan", 'Lefèvre', 'Martineau', 'François', 'Cœur', 'Lætitia', 'Noël', 'Adams'];
const PROFILES = ['ent77-college', 'idf-lycee', 'um-etudiant', 'parents-scolarite'];

/** Case flipped at random, accents added or dropped at random: all the same name to the rule. */
function disguise(word: string, flips: boolean[]): string {
  return [...word.normalize('NFD').replace(/\p{M}/gu, '').replace(/œ/g, 'oe').replace(/æ/g, 'ae')]
    .map((char, index) => {
      const flip = flips[index % flips.length] ?? false;
      const cased = flip ? char.toUpperCase() : char.toLowerCase();
      // A combining acute accent on some letters: "helene" typed as "hélène" or "hÉlene".
      return /[a-z]/i.test(char) && flips[(index + 1) % flips.length] ? `${cased}\u0301`.normalize('NFC') : cased;
    })
    .join('');
}

/** The birth-date forms the rule lists, stated again: 12042006, 120406, 20060412, 04122006, with / - . */
function dateForms(iso: string): string[] {
  const [year = '', month = '', day = ''] = iso.split('-');
  const forms = [`${day}${month}${year}`, `${day}${month}${year.slice(2)}`, `${year}${month}${day}`, `${month}${day}${year}`];
  for (const separator of ['/', '-', '.']) forms.push(`${day}${separator}${month}${separator}${year}`, `${year}${separator}${month}${separator}${day}`);
  return forms;
}

const padding = fc.stringMatching(/^[#!?*]{0,3}[2-9]{0,3}$/);
const flipsArb = fc.array(fc.boolean(), { minLength: 1, maxLength: 6 });
const isoDateArb = fc
  .date({ min: new Date('1950-01-01T00:00:00Z'), max: new Date('2020-12-31T00:00:00Z'), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));

function expectRefusedEverywhere(candidate: string, context: PasswordContext) {
  expect(containsPersonalData(candidate, context)).toBe(true);
  for (const id of PROFILES) expect(failedRules(evaluatePassword(policyOf(id), candidate, context))).toContain('notPersonal');
}

describe('notPersonal', () => {
  it('refuses a given or family name inside the password, in any case and with or without accents', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES), flipsArb, padding, padding, (name, flips, before, after) => {
        const context: PasswordContext = { names: ['Xu', name], birthDates: [] };
        // The name's letters without its hyphen or apostrophe, and each part of 3 letters or more.
        const parts = [name.replace(/[-']/g, ''), ...name.split(/[-']/).filter((part) => part.length >= 3)];
        for (const part of parts) expectRefusedEverywhere(`${before}${disguise(part, flips)}${after}`, context);
      }),
    );
  });

  it('refuses a part of the login of 3 letters or more', () => {
    fc.assert(
      fc.property(fc.constantFrom(...NAMES.filter((name) => !/[-']/.test(name))), fc.integer({ min: 1, max: 99 }), flipsArb, padding, (name, number, flips, pad) => {
        const login = `c.${name.toLowerCase()}${number}`;
        expectRefusedEverywhere(`${pad}${disguise(name, flips)}7!`, { names: [], identifier: login, birthDates: [] });
      }),
    );
  });

  it('refuses the birth date in every listed form', () => {
    fc.assert(
      fc.property(isoDateArb, padding, (iso, pad) => {
        for (const form of dateForms(iso)) expectRefusedEverywhere(`Kq${pad}${form}z`, { names: [], birthDates: [iso] });
      }),
    );
  });

  it('lets through a password that shares nothing with the person', () => {
    // Names from a–m, the password's letters from n–z and no digit: no overlap is possible.
    const nameArb = fc.stringMatching(/^[a-m]{3,10}$/);
    const candidateArb = fc.stringMatching(/^[n-zN-Z!?#]{8,20}$/);
    fc.assert(
      fc.property(nameArb, nameArb, candidateArb, isoDateArb, (first, last, candidate, iso) => {
        expect(containsPersonalData(candidate, { names: [first, last], identifier: `${first}.${last}`, birthDates: [iso] })).toBe(false);
      }),
    );
  });

  it('ignores name pieces shorter than 3 letters, which occur by chance', () => {
    expect(containsPersonalData('Libellule7', { names: ['Li', 'Ba'], birthDates: [] })).toBe(false);
  });
});
