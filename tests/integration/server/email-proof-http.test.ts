import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmbeddedServer } from '../../../server/embedded';
import type { EmbeddedServer } from '../../../server/embedded';
import { PROFILE_DEMO_PEOPLE } from '../../../server/demo/profile-demo-people';
import { startSmtpSink } from '../../support/smtp-sink';
import type { SmtpSink } from '../../support/smtp-sink';
import { codeOf, linkOf } from './email-proof-harness';
import { sealForTest } from './helpers/seal-for-test';
import { FakeClock, PROFILES_DIR, newKey } from './helpers/server-harness';

/**
 * The whole path over HTTP, as a kiosk drives it: POST /v1/activations with a chosen password
 * (the activation service commits a pending activation and starts the email proof), the mail
 * read from a real SMTP server on loopback, then the code typed back or the link opened.
 */
let dataDir: string;
let sink: SmtpSink;
let server: EmbeddedServer | undefined;
const clock = new FakeClock();

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-email-http-'));
  sink = await startSmtpSink();
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await sink.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function person(profileId: string) {
  const found = PROFILE_DEMO_PEOPLE.find((candidate) => candidate.profileId === profileId && candidate.expected === 'eligible');
  if (!found) throw new Error(`no eligible demo person for ${profileId}`);
  return found;
}

async function call(running: EmbeddedServer, publicKey: string, path: string, secret: unknown, extra: Record<string, unknown> = {}) {
  const response = await fetch(`${running.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${running.terminal.token}`, 'idempotency-key': newKey() },
    body: JSON.stringify({ ...extra, sealed: sealForTest(secret, publicKey) }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> & { error?: { code: string } } };
}

async function sealingKey(running: EmbeddedServer): Promise<string> {
  const response = await fetch(`${running.url}/v1/terminal/config`, { headers: { authorization: `Bearer ${running.terminal.token}` } });
  return ((await response.json()) as { sealingKey: { publicKey: string } }).sealingKey.publicKey;
}

describe('POST /v1/activations then the emailed proof, over HTTP', () => {
  it('um-etudiant: the message goes to the address on file; the code typed at the kiosk activates', async () => {
    server = await startEmbeddedServer({ dataDir, profilesDir: PROFILES_DIR, now: clock.now, mail: { smtpUrl: sink.url } });
    const publicKey = await sealingKey(server);
    const student = person('um-etudiant');
    const choice = { password: 'Velo-Bleu-2026', locale: 'fr' };
    const created = await call(server, publicKey, '/v1/activations', { identity: student.identity, choice }, { profileId: 'um-etudiant' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'awaitingEmail', sentTo: 'y***@example.org' });
    const mail = await sink.waitFor((candidate) => candidate.to.includes('yanis.delmas@example.org'));
    expect(linkOf(mail).startsWith(`${server.url}/v1/email-links/`)).toBe(true);
    const activationId = String(created.body['activationId']);
    const confirmed = await call(server, publicKey, `/v1/activations/${activationId}/email-confirmation`, { code: codeOf(mail) });
    expect(confirmed.status).toBe(200);
    expect(confirmed.body['state']).toBe('active');
    const again = await call(server, publicKey, '/v1/activations', { identity: student.identity, choice }, { profileId: 'um-etudiant' });
    expect(again.body.error?.code).toBe('ALREADY_ACTIVE');
  });

  it('parents-scolarite: the message goes to the address typed, as an .eml file by default; the link activates', async () => {
    server = await startEmbeddedServer({ dataDir, profilesDir: PROFILES_DIR, now: clock.now, mail: {} });
    const publicKey = await sealingKey(server);
    const parent = person('parents-scolarite');
    const choice = { password: 'Jardin2026', email: 'nadia.girard@exemple.fr', locale: 'fr' };
    const created = await call(server, publicKey, '/v1/activations', { identity: parent.identity, choice }, { profileId: 'parents-scolarite' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'awaitingEmail', sentTo: 'n***@exemple.fr' });
    const folder = join(dataDir, 'mail');
    const files = readdirSync(folder);
    expect(files).toHaveLength(1);
    const parsed = await simpleParser(readFileSync(join(folder, files[0] ?? '')));
    expect(Array.isArray(parsed.to) ? '' : parsed.to?.text).toBe('nadia.girard@exemple.fr');
    const mail = { to: ['nadia.girard@exemple.fr'], subject: parsed.subject ?? '', text: parsed.text ?? '' };
    expect(mail.subject).toContain('Scolarité Services');
    // Opening the link only asks for confirmation (mail scanners pre-open links); the button's POST activates.
    expect(await (await fetch(linkOf(mail))).text()).toContain("Confirmer l'activation");
    const page = await fetch(linkOf(mail), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('Votre compte est activé');
    expect((await fetch(linkOf(mail))).status).toBe(404);
  });
});
