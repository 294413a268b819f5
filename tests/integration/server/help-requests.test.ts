import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadServerKeys } from '../../../server/crypto/server-keys';
import { decryptRecordValue } from '../../../server/crypto/record-cipher';
import { helpRequestBinding } from '../../../server/services/help-request-service';
import { startSmtpSink } from '../../support/smtp-sink';
import type { SmtpSink } from '../../support/smtp-sink';
import { submitHelp } from './helpers/recovery-calls';
import { ServerHarness, databaseBytes } from './helpers/server-harness';

let sink: SmtpSink | undefined;
let server: ServerHarness | undefined;
afterEach(async () => {
  await server?.close();
  await sink?.close();
  server = undefined;
  sink = undefined;
});

async function withSink(): Promise<{ server: ServerHarness; sink: SmtpSink }> {
  sink = await startSmtpSink();
  server = await ServerHarness.start({ mail: { smtpUrl: sink.url }, captureLog: true });
  return { server, sink };
}

const REQUEST = {
  topic: 'mot-de-passe-perdu',
  name: 'Sophie Lemaire',
  email: 'sophie.lemaire@example.org',
  phone: '06 12 34 56 78',
  message: 'Bonjour, je ne retrouve plus le mot de passe de mon compte parent.',
};

function storedRow(harness: ServerHarness, reference: string): { topic: string; request_enc: string; mailed_at: string | null } | undefined {
  return harness.readDatabase((db) => db.prepare('SELECT topic, request_enc, mailed_at FROM help_requests WHERE reference = ?').get(reference)) as
    | { topic: string; request_enc: string; mailed_at: string | null }
    | undefined;
}

describe('POST /v1/help-requests (ENT 77 parents\' form)', () => {
  it('stores the request encrypted, mails it to the school in French and answers its reference', async () => {
    const { server, sink } = await withSink();
    const answer = await submitHelp(server, 'ent77-college', { ...REQUEST, locale: 'en' });
    expect(answer.status).toBe(201);
    const reference = String(answer.body['reference']);
    expect(reference).toMatch(/^AIDE-[A-HJ-NP-Z2-9]{6}$/);
    const mail = await sink.waitFor((candidate) => candidate.to.includes('aide-parents@ent77.example'));
    expect(mail.subject).toBe(`Demande d'aide ENT ${reference} — J'ai perdu mon mot de passe`);
    for (const part of [REQUEST.name, REQUEST.email, REQUEST.phone, REQUEST.message, 'Répondez à ce message']) expect(mail.text).toContain(part);
    const row = storedRow(server, reference);
    expect(row?.mailed_at).toBe('2026-09-15T08:00:00.000Z');
    expect(row?.request_enc).not.toContain('Sophie');
    const opened = decryptRecordValue(loadServerKeys(server.dataDir).recordKey, helpRequestBinding(reference), row?.request_enc ?? '');
    const { topic, ...personal } = REQUEST;
    expect(row?.topic).toBe(topic);
    expect(JSON.parse(opened ?? '{}')).toEqual({ ...personal, locale: 'en' });
  });

  it('sets Reply-To to the parent (read from the .eml the embedded default writes)', async () => {
    server = await ServerHarness.start();
    const answer = await submitHelp(server, 'ent77-college', REQUEST);
    expect(answer.status).toBe(201);
    const folder = join(server.dataDir, 'mail');
    const [file] = readdirSync(folder);
    const raw = readFileSync(join(folder, file ?? ''), 'utf8');
    expect(raw).toMatch(/^Reply-To: sophie\.lemaire@example\.org$/m);
    expect(raw).toMatch(/^To: aide-parents@ent77\.example$/m);
  });

  it('refuses a topic the profile does not offer (INVALID_INPUT) and a profile without the form (NOT_FOUND)', async () => {
    const { server, sink } = await withSink();
    const unknownTopic = await submitHelp(server, 'ent77-college', { ...REQUEST, topic: 'autre-chose' });
    expect(unknownTopic.status).toBe(400);
    expect(unknownTopic.body.error).toEqual({ code: 'INVALID_INPUT', fields: [{ key: 'sealed.topic', reason: 'unknown' }] });
    expect((await submitHelp(server, 'idf-lycee', REQUEST)).body.error?.code).toBe('NOT_FOUND');
    const noMessage = await submitHelp(server, 'ent77-college', { ...REQUEST, message: '   ' });
    expect(noMessage.body.error?.code).toBe('INVALID_INPUT');
    expect(server.readDatabase((db) => db.prepare('SELECT COUNT(*) AS n FROM help_requests').get())).toEqual({ n: 0 });
    expect(sink.messages).toHaveLength(0);
  });

  it('a relay that is down: still stored and answered, MAIL_SEND_FAILED logged without personal data', async () => {
    const { server, sink } = await withSink();
    await sink.close();
    const answer = await submitHelp(server, 'ent77-college', REQUEST);
    expect(answer.status).toBe(201);
    expect(storedRow(server, String(answer.body['reference']))?.mailed_at).toBeNull();
    const logged = server.logLines.join('\n');
    expect(logged).toContain('MAIL_SEND_FAILED');
    for (const secret of ['sophie', 'Sophie', 'aide-parents', '06 12', 'mot de passe de mon']) expect(logged).not.toContain(secret);
  });

  it('allows 10 requests per terminal per hour', async () => {
    const { server } = await withSink();
    for (let index = 0; index < 10; index += 1) expect((await submitHelp(server, 'ent77-college', REQUEST)).status).toBe(201);
    const eleventh = await submitHelp(server, 'ent77-college', REQUEST);
    expect(eleventh.status).toBe(429);
    expect(eleventh.body.error).toEqual({ code: 'THROTTLED', retryAfterS: 3600 });
    server.clock.advance(3_600_000);
    expect((await submitHelp(server, 'ent77-college', REQUEST)).status).toBe(201);
    const bytes = databaseBytes(server.dataDir);
    for (const secret of [REQUEST.name, REQUEST.email, REQUEST.phone, REQUEST.message]) expect(bytes.includes(Buffer.from(secret))).toBe(false);
  });
});
