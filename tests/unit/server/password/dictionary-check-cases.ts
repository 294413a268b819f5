import { randomInt } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { DictionaryCheck } from '../../../../shared/policies/password-policy';

/**
 * The umontpellier seed's "Ne choisissez pas un mot du dictionnaire", asked of both copies of
 * the check (server and kiosk back end: the dependency rule keeps them apart, these cases keep
 * them in step). Real words from the French, English and common lists; real random strings.
 */
const RANDOM_ALPHABET = 'abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789!#%&*+-=?@_';

/**
 * 12 characters from a CSPRNG: none of 4,000 such strings was refused when this was written
 * (at 10 characters 3 in 4,000 were; at 8, 11 %: a 4-letter word leaves only 4 uncovered).
 */
function randomPassword(length = 12): string {
  let value = '';
  for (let index = 0; index < length; index += 1) value += RANDOM_ALPHABET[randomInt(RANDOM_ALPHABET.length)];
  return value;
}

export function describeDictionaryCheck(layer: string, create: () => DictionaryCheck): void {
  describe(`dictionary check (${layer})`, () => {
    const check = create();

    it.each([
      ['soleil2024', 'French word + year'],
      ['bonjour!!', 'French word + punctuation'],
      ['motdepasse', 'French "password"'],
      ['ordinateur', 'a plain French word'],
      ['éléphant12', 'an accented French word + digits'],
      ['princesse??0.', 'a French word the cheapest reading splits as English "princess"'],
      ['P@ssw0rd1', 'l33t English word'],
      ['s0l3il2024', 'l33t French word'],
      ['drowssap', 'reversed "password"'],
      ['ruetanidro', 'reversed "ordinateur"'],
      ['sunshine', 'English word'],
      ['football1', 'English word + digit'],
      ['azerty123', 'keyboard row + digits'],
      ['123456789', 'a sequence'],
    ])('refuses %s (%s)', (candidate) => {
      expect(check(candidate, [])).toBe(true);
    });

    it('refuses the person\'s own words passed as context, and only then', () => {
      // "Zyrnaxel" is in no dictionary: it is refused because the person is called so.
      expect(check('Zyrnaxel12', [])).toBe(false);
      expect(check('Zyrnaxel12', ['zyrnaxel'])).toBe(true);
      expect(check('zyrnaxel!!', ['zyrnaxel', '2006-04-12'])).toBe(true);
    });

    it('lets a word through when more than 4 characters are not from it', () => {
      expect(check('Bonjour2024!', [])).toBe(false);
      expect(check('MonChat2024', [])).toBe(false);
    });

    it.each(['Kq7!vz2Lm#', '4uT9pxW2', 'x7Gh2kLp', 'zR4tv8Qc'])('accepts the random-looking %s', (candidate) => {
      expect(check(candidate, [])).toBe(false);
    });

    it('accepts 100 fresh random 12-character passwords', () => {
      const refused = Array.from({ length: 100 }, () => randomPassword()).filter((candidate) => check(candidate, ['camille', 'martineau']));
      expect(refused).toEqual([]);
    });

    it('still reads l33t words in a long password full of l33t characters', () => {
      // The substitution cap (a guard against slow checks) must not blind it to real l33t words.
      expect(check('p@ssw0rd', [])).toBe(true);
      expect(check(`${'4@3!1+5$0'.repeat(7)}x`, [])).toBe(false);
    });

    it('keeps no person between calls: one person\'s words do not refuse the next one\'s password', () => {
      expect(check('Qwymbrel55', ['qwymbrel'])).toBe(true);
      expect(check('Qwymbrel55', [])).toBe(false);
    });
  });
}
