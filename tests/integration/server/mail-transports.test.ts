import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser } from 'mailparser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseMailConfig } from '../../../server/mail/mail-config';
import { MAIL_FOLDER, createMailer } from '../../../server/mail/mail-transports';
import { deliverMail } from '../../../server/mail/mailer';
import { startSmtpSink } from '../../support/smtp-sink';

const message = {
  to: 'zoe.lefevre@exemple.fr',
  subject: 'Activation de votre compte — Université de Montpellier',
  text: 'Bonjour,\n\nà la borne, saisissez ce code : K7P-4QX\n',
  html: '<p>Bonjour,</p><p><strong>K7P-4QX</strong></p>',
};

let dataDir: string;
beforeEach(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-mail-'));
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the .eml default (no relay configured)', () => {
  it('writes each message as a parseable, owner-only .eml file in <dataDir>/mail/', async () => {
    const mailer = createMailer(parseMailConfig({}), dataDir, () => new Date('2026-09-15T08:00:00.000Z'));
    await mailer.send(message);
    await mailer.send({ ...message, to: 'hugo.perrin@exemple.fr' });
    const folder = join(dataDir, MAIL_FOLDER);
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const files = readdirSync(folder).sort();
    expect(files).toHaveLength(2);
    for (const file of files) {
      expect(file).toMatch(/^20260915T080000000Z-[0-9a-f]{8}\.eml$/);
      expect(statSync(join(folder, file)).mode & 0o777).toBe(0o600);
    }
    const parsed = await Promise.all(files.map((file) => simpleParser(readFileSync(join(folder, file)))));
    expect(parsed.map((mail) => mail.subject)).toEqual([message.subject, message.subject]);
    expect(parsed.map((mail) => (Array.isArray(mail.to) ? '' : mail.to?.text)).sort()).toEqual(['hugo.perrin@exemple.fr', 'zoe.lefevre@exemple.fr']);
    expect(parsed[0]?.text).toContain('K7P-4QX');
    expect(parsed[0]?.html).toContain('<strong>K7P-4QX</strong>');
    expect(parsed[0]?.from?.value[0]).toMatchObject({ name: 'Sésame', address: 'no-reply@localhost' });
  });
});

describe('the SMTP relay', () => {
  it('delivers through smtp://host:port to a real SMTP server on loopback', async () => {
    const sink = await startSmtpSink();
    try {
      const mailer = createMailer(parseMailConfig({ smtpUrl: sink.url, from: 'ent@univ.example' }), dataDir);
      await mailer.send(message);
      const received = await sink.waitFor((mail) => mail.to.includes(message.to));
      expect(received.subject).toBe(message.subject);
      expect(received.text).toContain('K7P-4QX');
      expect(received.html).toContain('<strong>K7P-4QX</strong>');
      expect(readdirSync(dataDir)).not.toContain(MAIL_FOLDER);
    } finally {
      await sink.close();
    }
  });

  it('a refused connection is a value, logged with a stable code and never the address or the code', async () => {
    const sink = await startSmtpSink();
    await sink.close();
    const lines: string[] = [];
    const log = { warn: (fields: Record<string, unknown>, text: string) => void lines.push(JSON.stringify({ ...fields, text })) };
    const outcome = await deliverMail(createMailer(parseMailConfig({ smtpUrl: sink.url }), dataDir), message, log, { activationId: 'abc' });
    expect(outcome).toEqual({ ok: false, code: 'MAIL_SEND_FAILED' });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ code: 'MAIL_SEND_FAILED', activationId: 'abc', transportCode: 'ESOCKET' });
    expect(lines[0]).not.toContain('zoe.lefevre');
    expect(lines[0]).not.toContain('K7P');
  });
});
