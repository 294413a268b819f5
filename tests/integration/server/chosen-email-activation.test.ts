import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ChosenActivationResponseSchema } from '../../../shared/contract/enrollment-api';
import { profilePerson } from './helpers/demo-person';
import { newKey, useServerHarness } from './helpers/server-harness';

const harness = useServerHarness();
const UM = 'um-etudiant';
const PARENTS = 'parents-scolarite';
const MINUTE = 60_000;

/** The `.eml` files the default transport wrote to `<dataDir>/mail/`, as text. */
function sentMessages(): string[] {
  const folder = join(harness().dataDir, 'mail');
  if (!existsSync(folder)) return [];
  return readdirSync(folder).filter((name) => name.endsWith('.eml')).map((name) => readFileSync(join(folder, name), 'utf8'));
}

async function activationState(id: string): Promise<string | undefined> {
  return harness().withStore(async (store) => (await store.activations.findActivation(id))?.state);
}

describe('Montpellier: activation confirmed by email to the address on file', () => {
  const yanis = profilePerson(UM, 'eligible');
  const choice = { password: 'q8Zt-Lw3p-Rx9k', locale: 'fr' };

  it('waits for the email sent to the address on file, shown masked; a retry sends nothing more', async () => {
    const key = newKey();
    const answer = await harness().activateWith(UM, { identity: yanis, choice }, key);
    expect(answer.status).toBe(201);
    const body = ChosenActivationResponseSchema.parse(answer.body);
    expect(body).toMatchObject({ login: '22000001', state: 'awaitingEmail', sentTo: 'y***@example.org' });
    expect(body.expiresAt).toBe(new Date(harness().clock.now().getTime() + 24 * 60 * MINUTE).toISOString());
    expect(await activationState(body.activationId)).toBe('pending');
    const messages = sentMessages();
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^To: yanis\.delmas@example\.org$/m);
    const retry = await harness().activateWith(UM, { identity: yanis, choice }, key);
    expect([retry.status, retry.text]).toEqual([201, answer.text]);
    expect(sentMessages()).toHaveLength(1);
    // Pending is not active: the person is still eligible until the email comes back.
    expect((await harness().lookup(yanis, UM)).status).toBe(200);
  });

  it('refuses a dictionary word and the seed\'s forbidden characters, naming the rules', async () => {
    const word = await harness().activateWith(UM, { identity: yanis, choice: { ...choice, password: 'bonjour2024' } }, newKey());
    expect(word.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['notDictionaryWord'] });
    const dollar = await harness().activateWith(UM, { identity: yanis, choice: { ...choice, password: 'q8Zt$Lw3p-Rx9k' } }, newKey());
    expect(dollar.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['forbiddenCharacters'] });
    expect(sentMessages()).toHaveLength(0);
  });

  it('opens 15 minutes after payment, and keeps no address the profile does not ask for', async () => {
    const paidRecently = profilePerson(UM, 'NOT_YET_OPEN');
    const early = await harness().lookup(paidRecently, UM);
    expect(early.body.error).toEqual({ code: 'NOT_YET_OPEN', opensAt: new Date(harness().clock.now().getTime() + 5 * MINUTE).toISOString() });
    harness().clock.advance(5 * MINUTE);
    expect((await harness().lookup(paidRecently, UM)).status).toBe(200);
    expect((await harness().lookup(profilePerson(UM, 'PAYMENT_PENDING'), UM)).body.error?.code).toBe('PAYMENT_PENDING');
    expect((await harness().lookup(profilePerson(UM, 'ALREADY_ACTIVE'), UM)).body.error?.code).toBe('ALREADY_ACTIVE');
    const typedEmail = await harness().activateWith(UM, { identity: yanis, choice: { ...choice, email: 'autre@example.org' } }, newKey());
    expect(typedEmail.body.error?.fields).toEqual([{ key: 'choice.email', reason: 'unknown' }]);
  });
});

describe('Scolarité Services: letter + child\'s birth date, finished by email to the address typed', () => {
  const parent = profilePerson(PARENTS, 'eligible');
  const choice = { password: 'Gq7wLz3pRt', email: 'n.girard@example.org', locale: 'en' };

  it('needs the child\'s birth date as on file', async () => {
    expect((await harness().lookup(parent, PARENTS)).status).toBe(200);
    expect((await harness().lookup({ ...parent, childBirthDate: '2014-05-10' }, PARENTS)).body.error?.code).toBe('IDENTITY_MISMATCH');
  });

  it('requires the email, checks 8 to 14 characters and the child\'s birth date, then waits for the email', async () => {
    const withoutEmail = { password: choice.password, locale: choice.locale };
    expect((await harness().activateWith(PARENTS, { identity: parent, choice: withoutEmail }, newKey())).body.error?.fields).toEqual([
      { key: 'choice.email', reason: 'required' },
    ]);
    const long = await harness().activateWith(PARENTS, { identity: parent, choice: { ...choice, password: 'Gq7wLz3pRtYu8x9' } }, newKey());
    expect(long.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['maxLength'] });
    const birthDate = await harness().activateWith(PARENTS, { identity: parent, choice: { ...choice, password: 'Kw09052014' } }, newKey());
    expect(birthDate.body.error).toEqual({ code: 'PASSWORD_POLICY', rules: ['notPersonal'] });
    const answer = await harness().activateWith(PARENTS, { identity: parent, choice }, newKey());
    expect(answer.status).toBe(201);
    expect(answer.body).toMatchObject({ login: 'n.girard31', state: 'awaitingEmail', sentTo: 'n***@example.org' });
    expect(sentMessages().map((message) => /^To: (.*)$/m.exec(message)?.[1])).toEqual(['n.girard@example.org']);
  });
});
