import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/messages/en';
import { fr } from '../../../shared/messages/fr';
import { isMessageKey, pickText, translate } from '../../../shared/messages/translate';

describe('translate', () => {
  it('fills parameters in the chosen language', () => {
    expect(translate('fr', 'idle.countdown', { time: '12 s' })).toBe('Fin de session dans 12 s');
    expect(translate('en', 'idle.countdown', { time: '12 s' })).toBe('Session ends in 12 s');
  });

  it('falls back to French when the English catalogue lacks a key', () => {
    expect(en['duration.seconds']).toBeUndefined();
    expect(translate('en', 'duration.seconds', { s: 5 })).toBe('5 s');
  });

  it('leaves an unknown placeholder visible rather than empty', () => {
    expect(translate('fr', 'done.reference')).toBe('Référence : {reference}');
  });

  it('knows which strings are keys', () => {
    expect(isMessageKey('outcome.PAYMENT_PENDING.heading')).toBe(true);
    expect(isMessageKey('outcome.NO_SUCH_CODE.heading')).toBe(false);
    expect(isMessageKey('toString')).toBe(false);
  });

  it('picks institution text in the locale, French when English is missing', () => {
    expect(pickText('en', { fr: 'Nom', en: 'Last name' })).toBe('Last name');
    expect(pickText('en', { fr: 'Scolarité' })).toBe('Scolarité');
    expect(pickText('fr', { fr: 'Nom', en: 'Last name' })).toBe('Nom');
  });
});

describe('catalogues', () => {
  it('English uses only keys that French defines, with the same placeholders', () => {
    for (const [key, value] of Object.entries(en)) {
      expect(isMessageKey(key), key).toBe(true);
      const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();
      expect(names(value ?? ''), key).toEqual(names(fr[key as keyof typeof fr]));
    }
  });

  it('carries the seed\'s own words for the refusals', () => {
    expect(fr['outcome.PAYMENT_PENDING.heading']).toBe('Inscription en attente de paiement');
    expect(fr['outcome.IDENTITY_MISMATCH.body']).toContain('tels qu’ils apparaissent dans vos documents');
    expect(fr['password.note']).toBe('Notez-le maintenant : il ne sera plus affiché.');
  });
});
