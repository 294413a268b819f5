import { describe, expect, it } from 'vitest';
import { en } from '../../../shared/messages/en';
import { fr } from '../../../shared/messages/fr';
import { isMessageKey, pickText, translate } from '../../../shared/messages/translate';
import { PASSWORD_RULE_IDS } from '../../../shared/schemas/password-policy-schema';

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

  it('English words every French message but the ones that are the same in both', () => {
    const shared = new Set(['app.name', 'duration.seconds', 'duration.minutes', 'duration.wholeMinutes']);
    const missing = Object.keys(fr).filter((key) => !shared.has(key) && !Object.hasOwn(en, key));
    expect(missing).toEqual([]);
  });

  it('has a checklist line for every password rule, and a screen for every letter refusal', () => {
    for (const id of PASSWORD_RULE_IDS) expect(isMessageKey(`rule.${id}`), id).toBe(true);
    for (const code of ['CODE_USED', 'CODE_EXPIRED', 'ACCOUNT_DEACTIVATED']) expect(isMessageKey(`outcome.${code}.heading`), code).toBe(true);
    for (const code of ['CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED', 'THROTTLED', 'RESEND_LIMIT']) expect(isMessageKey(`emailCode.${code}`), code).toBe(true);
    expect(translate('fr', 'rule.minLength', { param: 8 })).toBe('8 caractères minimum');
  });

  it('carries the seed\'s own words for the refusals', () => {
    expect(fr['outcome.PAYMENT_PENDING.heading']).toBe('Inscription en attente de paiement');
    expect(fr['outcome.IDENTITY_MISMATCH.body']).toContain('telle qu’elle apparaît dans vos documents : {fields}');
    expect(fr['outcome.OFFLINE.heading']).not.toContain('Université');
    expect(fr['password.note']).toBe('Notez-le maintenant : il ne sera plus affiché.');
  });
});

describe('help and recovery messages', () => {
  it('answer a recovery with one sentence that never says whether the account exists', () => {
    expect(translate('fr', 'recovery.sent.body', { sentTo: 'j***@exemple.fr' })).toBe('Si un compte correspond, un message a été envoyé à j***@exemple.fr.');
    const recovery = Object.entries(fr).filter(([key]) => key.startsWith('recovery.'));
    for (const [key, value] of recovery) expect(value, key).not.toMatch(/introuvable|n’existe pas|inconnu/);
  });

  it('carry the idf seed\'s "ET SI ?" reason and a sentence for every reset refusal', () => {
    expect(fr['recovery.noMail.body']).toContain('l’adresse mail renseignée est incorrecte');
    for (const code of ['CODE_INVALID', 'CODE_EXPIRED', 'CODE_USED']) expect(isMessageKey(`recovery.${code}`), code).toBe(true);
    for (const code of ['THROTTLED', 'OFFLINE']) expect(isMessageKey(`form.${code}`), code).toBe(true);
  });
});
