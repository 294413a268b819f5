import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { PROFILE_DEMO_PEOPLE, type ProfileDemoCase } from '../../../server/demo/profile-demo-people';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { loadProfile } from '../../unit/core/support/chosen-rig';
import { codeIn, outboxRows, storeBytes, until } from './core-harness';
import { startReferenceStack, type ReferenceStack } from './reference-stack';

/**
 * Chosen passwords end to end (issue 3), the kiosk core against the real reference server with
 * its demo people, and mail received by a real SMTP server on loopback: ENT 77 (active at once,
 * the code void afterwards), Montpellier (finished by the emailed code typed at the kiosk), a
 * choice queued offline and applied when the server is back, and nothing of it on the disk.
 */
const ent77 = loadProfile('ent77-college');
const um = loadProfile('um-etudiant');
const PASSWORD = 'Tq7vLp2Wnx';

let stack: ReferenceStack;
let sink: ReferenceStack['sink'];
let core: ReferenceStack['core'];
let events: ReferenceStack['events'];

beforeEach(async () => {
  stack = await startReferenceStack([ent77, um]);
  ({ sink, core, events } = stack);
});
afterEach(() => stack.close());

function demoIdentity(profileId: string, expected: ProfileDemoCase): Record<string, string> {
  const person = PROFILE_DEMO_PEOPLE.find((candidate) => candidate.profileId === profileId && candidate.expected === expected);
  if (!person) throw new Error(`no ${expected} demo person for ${profileId}`);
  return person.identity;
}

async function eligibleSession(profileId: string, identity: Record<string, string>): Promise<void> {
  expect(await core.handlers['session.start']({ profileId })).toMatchObject({ ok: true });
  expect(await core.handlers['activation.lookup']({ identity })).toEqual({ ok: true, value: { eligible: true } });
}

function choice(overrides: Partial<KioskInput<'activation.choose'>> = {}): KioskInput<'activation.choose'> {
  return { password: PASSWORD, confirmation: PASSWORD, termsAccepted: true, locale: 'fr', ...overrides };
}

describe('ENT 77: a chosen password activates at once', () => {
  const manon = demoIdentity('ent77-college', 'eligible');
  const contact = { email: 'parent.leclerc@example.org', mobile: '06 12 34 56 78' };

  it('activates once for a double tap, voids the code for a second lookup, and keeps neither secret nor contact on disk', async () => {
    await eligibleSession('ent77-college', manon);
    const [chosen, again] = await Promise.all([core.handlers['activation.choose'](choice(contact)), core.handlers['activation.choose'](choice(contact))]);
    expect(again).toBe(chosen);
    expect(chosen).toMatchObject({ ok: true, value: { state: 'active', login: 'manon.leclerc' } });
    expect(chosen.ok && chosen.value.reference).toMatch(/^SES-/);
    expect(outboxRows(stack.kioskDir)).toMatchObject([{ kind: 'activation', state: 'delivered', sealed_json: null }]);
    await core.handlers['session.start']({ profileId: 'ent77-college' });
    expect(await core.handlers['activation.lookup']({ identity: manon })).toMatchObject({ ok: false, error: { code: 'CODE_USED' } });
    const secrets = [PASSWORD, contact.email, '0612345678', '06 12 34 56 78', 'manon.leclerc', manon['activationCode'] ?? 'HT4K', 'HT4K9WPM'];
    for (const bytes of [storeBytes(stack.kioskDir), (await core.close(), storeBytes(stack.kioskDir))]) {
      for (const secret of secrets) expect(bytes.includes(secret)).toBe(false);
    }
  });

  it('refuses a password built on the identifier before sending anything', async () => {
    await eligibleSession('ent77-college', manon);
    expect(await core.handlers['activation.choose'](choice({ ...contact, password: 'leclerc2026', confirmation: 'leclerc2026' })))
      .toEqual({ ok: false, error: { code: 'PASSWORD_POLICY', rules: ['notPersonal'] } });
    expect(outboxRows(stack.kioskDir)).toEqual([]);
  });
});

describe('Montpellier: the emailed code finishes the activation at the kiosk', () => {
  const yanis = demoIdentity('um-etudiant', 'eligible');

  it('checks passwords against the dictionaries and the person, in the back end', async () => {
    await eligibleSession('um-etudiant', yanis);
    const failing = async (candidate: string) => {
      const verdict = await core.handlers['password.check']({ candidate });
      return verdict.ok ? verdict.value.rules.filter((rule) => !rule.advisory && rule.met !== true).map((rule) => rule.id) : verdict.error.code;
    };
    expect(await failing('Soleil2026')).toEqual(['notDictionaryWord']);
    expect(await failing('Password123')).toEqual(['notDictionaryWord']);
    expect(await failing('Delmas2026x')).toContain('notPersonal');
    expect(await failing(PASSWORD)).toEqual([]);
  });

  it('waits for the email, refuses a wrong code, resends, and activates with the new code', async () => {
    await eligibleSession('um-etudiant', yanis);
    const chosen = await core.handlers['activation.choose'](choice());
    expect(chosen).toMatchObject({ ok: true, value: { state: 'awaitingEmail', login: '22000001', sentTo: 'y***@example.org' } });
    const first = await sink.waitFor((mail) => mail.to.includes('yanis.delmas@example.org'));
    const wrong = codeIn(first).startsWith('A') ? 'BBB-BBB' : 'AAA-AAA';
    expect(await core.handlers['activation.confirmEmail']({ code: wrong })).toMatchObject({ ok: false, error: { code: 'CODE_INVALID' } });
    expect(await core.handlers['activation.resendEmail']({})).toEqual({ ok: true, value: { sentTo: 'y***@example.org', resendsLeft: 2 } });
    await until(() => sink.messages.length === 2);
    const second = sink.messages[1];
    if (!second) throw new Error('no second email');
    expect(codeIn(second)).not.toBe(codeIn(first));
    expect(await core.handlers['activation.confirmEmail']({ code: codeIn(first) })).toMatchObject({ ok: false });
    const confirmed = await core.handlers['activation.confirmEmail']({ code: codeIn(second).toLowerCase() });
    expect(confirmed).toEqual({ ok: true, value: { state: 'active', reference: chosen.ok && chosen.value.reference } });
    expect(await core.handlers['activation.confirmEmail']({ code: codeIn(second) })).toEqual(confirmed);
    await core.handlers['session.start']({ profileId: 'um-etudiant' });
    expect(await core.handlers['activation.lookup']({ identity: yanis })).toMatchObject({ ok: false, error: { code: 'ALREADY_ACTIVE' } });
    const bytes = storeBytes(stack.kioskDir);
    for (const secret of [PASSWORD, codeIn(second), 'yanis.delmas', '22000001', 'Delmas']) expect(bytes.includes(secret)).toBe(false);
  });
});

describe('offline', () => {
  it('queues a chosen password while the server is down and the worker applies it when it is back', async () => {
    const manon = demoIdentity('ent77-college', 'eligible');
    await eligibleSession('ent77-college', manon);
    await stack.stopServer();
    const queued = await core.handlers['activation.choose'](choice({ email: 'parent.leclerc@example.org' }));
    expect(queued).toMatchObject({ ok: true, value: { state: 'pending', login: 'manon.leclerc' } });
    expect(events).toContainEqual({ type: 'sync.state', online: false, quality: 'offline', pending: 1 });
    expect(outboxRows(stack.kioskDir)).toMatchObject([{ kind: 'activation', state: 'pending' }]);
    await stack.restartServer();
    await until(() => outboxRows(stack.kioskDir)[0]?.state === 'delivered');
    await until(() => events.some((event) => event.type === 'sync.state' && event.pending === 0));
    await core.handlers['session.start']({ profileId: 'ent77-college' });
    expect(await core.handlers['activation.lookup']({ identity: manon })).toMatchObject({ ok: false, error: { code: 'CODE_USED' } });
    expect(storeBytes(stack.kioskDir).includes(PASSWORD)).toBe(false);
  });
});
