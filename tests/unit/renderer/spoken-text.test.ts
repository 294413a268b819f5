import { describe, expect, it } from 'vitest';
import { durationText, spanText, listPositions, openingDateText, spellCharacterText } from '../../../shared/messages/spoken-text';

describe('spellCharacterText', () => {
  it('spells letters with their case and digits as words, in both languages', () => {
    expect(['A', 'b', '7', '2'].map((char) => spellCharacterText('fr', char))).toEqual(['A majuscule', 'b minuscule', 'sept', 'deux']);
    expect(['A', 'b', '7'].map((char) => spellCharacterText('en', char))).toEqual(['capital A', 'lowercase b', 'seven']);
  });

  it('names any other sign rather than failing', () => {
    expect(spellCharacterText('fr', '#')).toBe('le signe #');
  });
});

describe('listPositions', () => {
  it('joins positions the way a sentence does', () => {
    expect(listPositions('fr', [3])).toBe('3');
    expect(listPositions('fr', [3, 7])).toBe('3 et 7');
    expect(listPositions('en', [1, 4, 8])).toBe('1, 4 and 8');
  });
});

describe('durationText', () => {
  it('shows seconds, then minutes with padded seconds, never below zero', () => {
    expect(durationText('fr', 12)).toBe('12 s');
    expect(durationText('fr', 125)).toBe('2 min 05 s');
    expect(durationText('fr', 59.2)).toBe('1 min 00 s');
    expect(durationText('fr', -3)).toBe('0 s');
  });
});

describe('openingDateText', () => {
  it('writes the opening in the institution\'s time zone, in French', () => {
    // 23:00 UTC on 23 Nov 2026 is midnight in Paris (UTC+1 in winter).
    expect(openingDateText('fr', '2026-11-23T23:00:00.000Z', 'Europe/Paris')).toBe('mardi 24 novembre 2026 à 00 h 00');
  });

  it('follows summer time and says "1er" for the first of the month', () => {
    expect(openingDateText('fr', '2026-06-30T22:00:00.000Z', 'Europe/Paris')).toBe('mercredi 1er juillet 2026 à 00 h 00');
  });

  it('has an English form', () => {
    expect(openingDateText('en', '2026-11-24T13:07:00.000Z', 'Europe/Paris')).toBe('Tuesday 24 November 2026 at 14:07');
  });

  it('says a length that is not counting down in whole minutes when it is one', () => {
    expect(spanText('fr', 60)).toBe('1 min');
    expect(spanText('en', 120)).toBe('2 min');
    expect(spanText('fr', 90)).toBe('1 min 30 s');
    expect(spanText('fr', 45)).toBe(durationText('fr', 45));
  });
});
