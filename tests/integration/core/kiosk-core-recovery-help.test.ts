import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN } from '../../../electron/core/sync/submission-identifiers';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { codeIn, outboxRows, storeBytes, until } from './core-harness';
import { startReferenceStack, type ReferenceStack } from './reference-stack';

/**
 * Recovery and the parents' help form end to end (issue 3): the kiosk core against the real
 * reference server with its demo people, mail received by a real SMTP server on loopback.
 * "Mot de passe oublié" for a Scolarité Services parent, read from the mailbox and reset at the
 * kiosk; the same answers for people who do not exist; an ENT 77 help request delivered to the
 * school, and one queued while the server is down, then delivered by the background loop.
 */
const parents = loadProfile('parents-scolarite');
const ent77 = loadProfile('ent77-college');
const NEW_PASSWORD = 'Tq7vLp2Wnx';
/** Active for 150 days, with the contact address given at activation (server/demo). */
const claire = PROFILE_DEMO_PEOPLE.find((person) => person.profileId === 'parents-scolarite' && person.record?.contactEmail);
const HELP_FORM: Omit<KioskInput<'help.submit'>, 'topic'> = {
  name: 'Claire Leclerc', email: 'claire.leclerc@example.org', phone: '06 12 34 56 78', message: "Le code d'activation de ma fille est refusé.", locale: 'fr',
};

let stack: ReferenceStack;
let sink: ReferenceStack['sink'];
let core: ReferenceStack['core'];
let events: ReferenceStack['events'];

beforeEach(async () => {
  stack = await startReferenceStack([parents, ent77]);
  ({ sink, core, events } = stack);
});
afterEach(() => stack.close());

function demoLogin(): { login: string; email: string; childBirthDate: string } {
  const login = claire?.identity['login'];
  const email = claire?.record?.contactEmail;
  const childBirthDate = claire?.identity['childBirthDate'];
  if (!login || !email || !childBirthDate) throw new Error('no active Scolarité Services demo parent with a contact email');
  return { login, email, childBirthDate };
}

describe('Scolarité Services: "mot de passe oublié" at the kiosk', () => {
  it('mails a code to the address given at activation, checks the new password live, and resets with the code', async () => {
    const { login, email } = demoLogin();
    await core.handlers['session.start']({ profileId: 'parents-scolarite' });
    const sent = await core.handlers['recovery.request']({ kind: 'password', fields: { login }, locale: 'fr' });
    expect(sent).toEqual({ ok: true, value: { sentTo: `${email.slice(0, 1)}***@example.org` } });
    const mail = await sink.waitFor((message) => message.to.includes(email));
    const verdict = await core.handlers['password.check']({ candidate: `${login}x` });
    expect(verdict).toMatchObject({ ok: true, value: { acceptable: false } });
    const wrong = codeIn(mail).startsWith('A') ? 'BBB-BBB' : 'AAA-AAA';
    expect(await core.handlers['recovery.reset']({ code: wrong, password: NEW_PASSWORD, confirmation: NEW_PASSWORD }))
      .toEqual({ ok: false, error: { code: 'CODE_INVALID' } });
    const reset = await core.handlers['recovery.reset']({ code: codeIn(mail).toLowerCase(), password: NEW_PASSWORD, confirmation: NEW_PASSWORD });
    expect(reset).toEqual({ ok: true, value: { state: 'reset', login } });
    // The code is spent: a new session asking to reset with it again is refused by the server.
    await core.handlers['session.start']({ profileId: 'parents-scolarite' });
    await core.handlers['recovery.request']({ kind: 'password', fields: { login }, locale: 'fr' });
    expect(await core.handlers['recovery.reset']({ code: codeIn(mail), password: NEW_PASSWORD, confirmation: NEW_PASSWORD })).toMatchObject({ ok: false });
    const bytes = storeBytes(stack.kioskDir);
    for (const secret of [NEW_PASSWORD, login, email, codeIn(mail)]) expect(bytes.includes(secret)).toBe(false);
  });

  it('answers people who do not exist exactly like those who do, and mails only the real one', async () => {
    const { login, email, childBirthDate } = demoLogin();
    await core.handlers['session.start']({ profileId: 'parents-scolarite' });
    const real = await core.handlers['recovery.request']({ kind: 'password', fields: { login }, locale: 'fr' });
    const nobody = await core.handlers['recovery.request']({ kind: 'password', fields: { login: 'z.personne99' }, locale: 'fr' });
    for (const answer of [real, nobody]) expect(answer).toEqual({ ok: true, value: { sentTo: expect.stringMatching(/^[a-z0-9]\*\*\*@[a-z0-9.-]+$/) } });
    const typed = { kind: 'identifier' as const, fields: { childBirthDate }, locale: 'fr' as const };
    expect(await core.handlers['recovery.request']({ ...typed, email })).toEqual({ ok: true, value: { sentTo: `${email.slice(0, 1)}***@example.org` } });
    expect(await core.handlers['recovery.request']({ ...typed, email: 'quelquun@example.org' })).toEqual({ ok: true, value: { sentTo: 'q***@example.org' } });
    const identifierMail = await sink.waitFor((message) => message.to.includes(email) && message.text.includes(login));
    expect(identifierMail.to).toEqual([email]);
    await until(() => sink.messages.length >= 2);
    expect(sink.messages.map((message) => message.to)).toEqual([[email], [email]]);
  });
});

describe('ENT 77: the parents\' help form', () => {
  it("is delivered to the school's help address, quoting the reference the parent keeps", async () => {
    await core.handlers['session.start']({ profileId: 'ent77-college' });
    const topic = ent77.helpForm?.topics[0]?.id ?? 'none';
    const [answer, again] = await Promise.all([core.handlers['help.submit']({ ...HELP_FORM, topic }), core.handlers['help.submit']({ ...HELP_FORM, topic })]);
    expect(again).toBe(answer);
    if (!answer.ok) throw new Error(answer.error.code);
    const recipient = ent77.contacts[ent77.helpForm?.recipient ?? '']?.email ?? 'none';
    const mail = await sink.waitFor((message) => message.to.includes(recipient));
    expect(mail.text).toContain(answer.value.reference);
    expect(mail.text).toContain(HELP_FORM.message);
    expect(sink.messages).toHaveLength(1);
    expect(outboxRows(stack.kioskDir)).toMatchObject([{ state: 'delivered', sealed_json: null }]);
  });

  it('waits in the outbox while the server is down, and the background loop delivers it when it is back', async () => {
    await core.handlers['session.start']({ profileId: 'ent77-college' });
    await stack.stopServer();
    const topic = ent77.helpForm?.topics[0]?.id ?? 'none';
    const queued = await core.handlers['help.submit']({ ...HELP_FORM, topic });
    expect(queued.ok && queued.value.reference).toMatch(REFERENCE_PATTERN);
    expect(events).toContainEqual({ type: 'sync.state', online: false, quality: 'offline', pending: 1 });
    const bytes = storeBytes(stack.kioskDir);
    for (const secret of [HELP_FORM.name, HELP_FORM.email, HELP_FORM.message]) expect(bytes.includes(secret)).toBe(false);
    await core.handlers['session.end']({ reason: 'finished' });
    await stack.restartServer();
    await until(() => outboxRows(stack.kioskDir)[0]?.state === 'delivered');
    const recipient = ent77.contacts[ent77.helpForm?.recipient ?? '']?.email ?? 'none';
    const mail = await sink.waitFor((message) => message.to.includes(recipient));
    expect(mail.text).toContain(HELP_FORM.message);
    await until(() => events.some((event) => event.type === 'sync.state' && event.pending === 0));
  });
});
