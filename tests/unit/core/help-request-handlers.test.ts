import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { REFERENCE_PATTERN } from '../../../electron/core/sync/submission-identifiers';
import type { KioskInput } from '../../../shared/contract/kiosk-api';
import { ProfileSchema } from '../../../shared/schemas/profile-schema';
import { storeBytes } from '../../integration/core/core-harness';
import { loadProfile } from './support/chosen-rig';
import { startHelpRig, type HelpRig } from './support/help-rig';

/**
 * The ENT 77 parents' help form in the kiosk back end: the order of its checks, hostile input,
 * what is sealed, a double tap, and the request kept (sealed) in the outbox while the server
 * cannot be reached. Delivery by the background loop is in tests/integration/core.
 */
const ent77 = ProfileSchema.parse({
  ...loadProfile('ent77-college'),
  helpForm: { recipient: 'aideParents', topics: [{ id: 'activer-compte', label: { fr: 'Activer mon compte' } }, { id: 'mot-de-passe-perdu', label: { fr: 'Mot de passe perdu' } }] },
});
const NO_SESSION = { ok: false, error: { code: 'NO_SESSION' } };
const MESSAGE = "Je n'arrive pas à activer le compte de ma fille, le code est refusé.";

let folder: HelpRig['folder'];
let server: HelpRig['server'];
let rig: HelpRig['rig'];
let close: HelpRig['close'];

beforeEach(async () => {
  ({ folder, server, rig, close } = await startHelpRig());
});
afterEach(() => close());

function form(overrides: Partial<KioskInput<'help.submit'>> = {}): KioskInput<'help.submit'> {
  return { topic: 'activer-compte', name: ' Claire Leclerc ', email: 'claire.leclerc@example.org', phone: '', message: MESSAGE, locale: 'fr', ...overrides };
}

describe('without a session or a help form', () => {
  it('answers NO_SESSION without a session, INVALID_INPUT for a profile without the form', async () => {
    expect(await rig.handlers['help.submit'](form())).toEqual(NO_SESSION);
    rig.sessions.start(loadProfile('um-etudiant'));
    expect(await rig.handlers['help.submit'](form())).toEqual({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(server.attempts).toEqual([]);
  });
});

describe('help.submit checks, before anything is sent or queued', () => {
  beforeEach(() => rig.sessions.start(ent77));

  it.each<[string, Partial<KioskInput<'help.submit'>>, unknown]>([
    ['an empty form, in reading order', { topic: '', name: '  ', email: '', message: ' \n ' },
      [{ key: 'topic', reason: 'required' }, { key: 'name', reason: 'required' }, { key: 'email', reason: 'required' }, { key: 'message', reason: 'required' }]],
    ['a topic the profile does not offer', { topic: 'autre-sujet' }, [{ key: 'topic', reason: 'unknown' }]],
    ['a topic that is not an id', { topic: '../../etc' }, [{ key: 'topic', reason: 'unknown' }]],
    ['a name on two lines (a header in the school email)', { name: 'Claire\r\nBcc: tous@example.org' }, [{ key: 'name', reason: 'format' }]],
    ['an email header injection, a phone with letters', { email: 'c@example.org\nBcc: x@example.org', phone: '06 12 AB' },
      [{ key: 'email', reason: 'format' }, { key: 'phone', reason: 'format' }]],
  ])('%s', async (_name, overrides, fields) => {
    expect(await rig.handlers['help.submit'](form(overrides))).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields } });
    expect(server.attempts).toEqual([]);
    expect(rig.outbox.find(1)).toBeUndefined();
  });

  it.each([['\u0000'.repeat(2000)], ['🔑'.repeat(1000)], ['\u202e']])('answers a value, not an exception, for the message %#', async (message) => {
    const result = await rig.handlers['help.submit'](form({ message, name: '\u0000' }));
    expect(result).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});

describe('delivery', () => {
  beforeEach(() => rig.sessions.start(ent77));

  it("seals the trimmed form, answers the server's reference, and sends a double tap once", async () => {
    const [first, second] = await Promise.all([rig.handlers['help.submit'](form()), rig.handlers['help.submit'](form())]);
    expect(first).toEqual({ ok: true, value: { reference: 'AIDE-000001' } });
    expect(second).toBe(first);
    // A late second tap on the same form: the same reference, nothing sent.
    expect(await rig.handlers['help.submit'](form({ name: 'Claire Leclerc' }))).toEqual(first);
    expect(server.requests).toEqual([{
      route: 'helpRequests', profileId: 'ent77-college', idempotencyKey: expect.any(String),
      secret: { topic: 'activer-compte', name: 'Claire Leclerc', email: 'claire.leclerc@example.org', message: MESSAGE, locale: 'fr' },
    }]);
    expect(rig.outbox.find(1)).toMatchObject({ kind: 'helpRequest', state: 'delivered', sealed: null, targetId: 'ent77-college' });
    // Another request in the same session is a new one.
    expect(await rig.handlers['help.submit'](form({ topic: 'mot-de-passe-perdu', phone: '06 12 34 56 78' }))).toEqual({ ok: true, value: { reference: 'AIDE-000002' } });
    expect(server.requests[1]?.secret).toMatchObject({ topic: 'mot-de-passe-perdu', phone: '06 12 34 56 78' });
  });

  it("passes the server's refusal through, final", async () => {
    server.refuseNext({ code: 'INVALID_INPUT', fields: [{ key: 'sealed.topic', reason: 'unknown' }] });
    expect(await rig.handlers['help.submit'](form())).toEqual({ ok: false, error: { code: 'INVALID_INPUT', fields: [{ key: 'sealed.topic', reason: 'unknown' }] } });
    expect(rig.outbox.find(1)).toMatchObject({ kind: 'helpRequest', state: 'refused', sealed: null, lastErrorCode: 'INVALID_INPUT' });
  });

  it("keeps the request (sealed) while the server is down, answering the kiosk's receipt reference", async () => {
    await server.stop();
    const [first, second] = await Promise.all([rig.handlers['help.submit'](form()), rig.handlers['help.submit'](form())]);
    expect(first.ok && first.value.reference).toMatch(REFERENCE_PATTERN);
    expect(second).toBe(first);
    expect(await rig.handlers['help.submit'](form())).toEqual(first);
    expect(rig.outbox.find(1)).toMatchObject({ kind: 'helpRequest', state: 'pending', deferred: true, lastErrorCode: 'OFFLINE' });
    expect(rig.outbox.find(2)).toBeUndefined();
    expect(rig.outbox.countQueued()).toBe(1);
    const bytes = storeBytes(folder.path);
    for (const secret of ['Claire', 'Leclerc', 'claire.leclerc@example.org', "n'arrive pas"]) expect(bytes.includes(secret)).toBe(false);
  });

  it('queues it too when the server throttles the terminal: the request is not refused, only early', async () => {
    server.refuseNext({ code: 'THROTTLED', retryAfterS: 600 });
    const result = await rig.handlers['help.submit'](form());
    expect(result.ok && result.value.reference).toMatch(REFERENCE_PATTERN);
    expect(rig.outbox.find(1)).toMatchObject({ state: 'pending', lastErrorCode: 'THROTTLED' });
  });

  it('forgets the request with the session: the same form sent by the next person is sent again', async () => {
    expect(await rig.handlers['help.submit'](form())).toMatchObject({ ok: true });
    rig.sessions.end('finished');
    rig.sessions.start(ent77);
    expect(await rig.handlers['help.submit'](form())).toEqual({ ok: true, value: { reference: 'AIDE-000002' } });
  });
});
