import { createRequire } from 'node:module';
import type * as Core from '@zxcvbn-ts/core';
import type { MatchExtended, Options, UserInputsOptions, ZxcvbnFactory, ZxcvbnResult } from '@zxcvbn-ts/core';
import type * as Common from '@zxcvbn-ts/language-common';
import type * as English from '@zxcvbn-ts/language-en';
import type * as French from '@zxcvbn-ts/language-fr';
import type { DictionaryCheck } from '../../../shared/policies/password-policy';

/**
 * The umontpellier seed's "Ne choisissez pas un mot du dictionnaire", for the kiosk back end
 * (the live checklist; the server has the last word in server/services/password/dictionary-check.ts,
 * the same few lines: the dependency rule forbids sharing them, and shared/ may import only zod).
 */

/** Characters a dictionary word may leave uncovered and still count: `soleil2024`, `bonjour!!`. */
const MAX_UNCOVERED = 4;
/**
 * A word must be this long to count: 3- and 4-letter words turn up by chance in random strings
 * (11 % of random 8-character passwords were refused with no minimum, 1.4 % with 5, those by score).
 */
const MIN_WORD_LENGTH = 5;
/** zxcvbn scores 0–4; 0 and 1 are "too guessable" and "very guessable". */
const MAX_REFUSED_SCORE = 1;
/**
 * zxcvbn tries every l33t reading of the password (up to 100 substitutions by default): a
 * 64-character `4@3!1+5$0…` took 2.7 s per check, a denial of service on a live checklist. Real
 * l33t words carry a few substitutions (`P@ssw0rd`: 2); 8 keeps such a password under 150 ms.
 */
const L33T_MAX_SUBSTITUTIONS = 8;

/**
 * Every match zxcvbn found, not only the cheapest sequence it scores: in `princesse??0.` the
 * sequence takes English `princess` + `e??0.`, yet the French `princesse` covers all but 4.
 * The package exports no matcher, so this reaches its TypeScript-private members (what `check`
 * itself calls), matching once for both the coverage and the score.
 */
interface ZxcvbnInternals {
  options: Options;
  matching: { match(password: string, inputs: UserInputsOptions): MatchExtended[] | Promise<MatchExtended[]> };
  createReturnValue(matches: MatchExtended[], password: string, start: number): ZxcvbnResult;
}

let factory: ZxcvbnFactory | undefined;

/**
 * Built on first use: ranking the dictionaries costs memory and time (see the password bench),
 * and even loading their modules took 130 ms of every start-up, so they are required here, once.
 */
function zxcvbn(): ZxcvbnFactory {
  if (factory) return factory;
  const require = createRequire(import.meta.url);
  const core = require('@zxcvbn-ts/core') as typeof Core;
  const common = require('@zxcvbn-ts/language-common') as typeof Common;
  const english = require('@zxcvbn-ts/language-en') as typeof English;
  const french = require('@zxcvbn-ts/language-fr') as typeof French;
  factory = new core.ZxcvbnFactory({
    graphs: common.adjacencyGraphs,
    l33tMaxSubstitutions: L33T_MAX_SUBSTITUTIONS,
    dictionary: { ...common.dictionary, ...english.dictionary, ...french.dictionary },
  });
  return factory;
}

/** A plain, l33t or reversed dictionary word (user inputs included) nearly all of it, or a low score. */
function isDictionaryLike(candidate: string, context: string[]): boolean {
  const internals = zxcvbn() as unknown as ZxcvbnInternals;
  const matches = internals.matching.match(candidate, internals.options.getUserInputsOptions(context));
  if (!Array.isArray(matches)) throw new Error('zxcvbn answered asynchronously: no async matcher is configured');
  const covers = (match: MatchExtended) => {
    const length = match.j - match.i + 1;
    return length >= MIN_WORD_LENGTH && candidate.length - length <= MAX_UNCOVERED;
  };
  if (matches.some((match) => match.pattern === 'dictionary' && covers(match))) return true;
  return internals.createReturnValue(matches, candidate, Date.now()).score <= MAX_REFUSED_SCORE;
}

export function createDictionaryCheck(): DictionaryCheck {
  return function isDictionaryWord(candidate, context) {
    // zxcvbn reads at most its maxLength (256) characters; the policies stop at 128.
    return isDictionaryLike(candidate, [...context]);
  };
}
