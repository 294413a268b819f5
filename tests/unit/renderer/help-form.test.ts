import { describe, expect, it } from 'vitest';
import { isMessageKey, translate } from '../../../shared/messages/translate';
import { emptyHelpForm, HELP_FORM_KEYS, helpFormMessageKey, readHelpForm } from '../../../renderer/src/lib/help-form/help-form';
import { helpProfile } from './help-fixture';

const form = helpProfile.helpForm ?? { recipient: 'lycee', topics: [] };
const filled = { topic: 'password', name: ' Claire Dupont ', email: 'claire.dupont@example.org', phone: '', message: ' Je n’ai plus mon mot de passe. ' };

describe('readHelpForm', () => {
  it('asks for a topic, a name, an email and a message; the phone is optional', () => {
    expect(readHelpForm(form, emptyHelpForm()).problems).toEqual([
      { key: 'topic', reason: 'required' },
      { key: 'name', reason: 'required' },
      { key: 'email', reason: 'required' },
      { key: 'message', reason: 'required' },
    ]);
  });

  it('sends trimmed values, without an empty phone', () => {
    const read = readHelpForm(form, filled);
    expect(read.problems).toEqual([]);
    expect(read.input).toEqual({ topic: 'password', name: 'Claire Dupont', email: 'claire.dupont@example.org', message: 'Je n’ai plus mon mot de passe.' });
    expect(readHelpForm(form, { ...filled, phone: '06 12 34 56 78' }).input.phone).toBe('06 12 34 56 78');
  });

  it('refuses a topic the profile does not offer, a malformed email or phone, and an overlong message', () => {
    const problems = readHelpForm(form, { ...filled, topic: 'other', email: 'claire@', phone: 'abc', message: 'x'.repeat(2001) }).problems;
    expect(problems).toEqual([
      { key: 'topic', reason: 'required' },
      { key: 'email', reason: 'format' },
      { key: 'phone', reason: 'format' },
      { key: 'message', reason: 'tooLong' },
    ]);
  });
});

describe('helpFormMessageKey', () => {
  it('has a French sentence for every problem of every field', () => {
    for (const key of HELP_FORM_KEYS) {
      for (const reason of ['required', 'format', 'tooLong'] as const) {
        const message = helpFormMessageKey({ key, reason });
        expect(isMessageKey(message), `${key} ${reason}`).toBe(true);
      }
    }
    expect(translate('fr', helpFormMessageKey({ key: 'email', reason: 'format' }))).toContain('n’est pas valide');
    expect(translate('fr', helpFormMessageKey({ key: 'message', reason: 'tooLong' }), { max: 2000 })).toBe('Votre message est trop long : 2000 caractères au maximum.');
  });
});
