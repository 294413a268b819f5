import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { MailConfig } from './mail-config';
import type { Mailer, MailMessage } from './mailer';

/** The folder of the embedded default's `.eml` files, inside the server's data folder. */
export const MAIL_FOLDER = 'mail';

function envelopeOf(from: string, message: MailMessage) {
  const envelope = { from: { name: 'Sésame', address: from }, to: message.to, subject: message.subject, text: message.text, html: message.html };
  const withAttachments = message.attachments ? { ...envelope, attachments: message.attachments } : envelope;
  return message.replyTo ? { ...withAttachments, replyTo: message.replyTo } : withAttachments;
}

/**
 * Through a relay. Timeouts are short because a person is waiting at the kiosk: a relay that
 * does not answer becomes MAIL_SEND_FAILED (and a "send again" later), not a hung request.
 */
export function createSmtpMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(message) {
      await transport.sendMail(envelopeOf(from, message));
    },
    close: () => transport.close(),
  };
}

/** `20260915T080000123Z-<8 random hex>.eml`: sorts by time, never collides. */
export function emlFileName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex')}.eml`;
}

/**
 * The embedded default: each message as an RFC 822 `.eml` file, readable by any mail client,
 * owner-only (0600 in a 0700 folder) since it holds the code and the link in clear.
 */
export function createEmlFileMailer(folder: string, from: string, now: () => Date = () => new Date()): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(message) {
      const info = await transport.sendMail(envelopeOf(from, message));
      // `buffer: true` makes it a Buffer; the type also allows a stream.
      if (!Buffer.isBuffer(info.message)) throw Object.assign(new Error('message not buffered'), { code: 'ESTREAM' });
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      writeFileSync(join(folder, emlFileName(now())), info.message, { mode: 0o600, flag: 'wx' });
    },
  };
}

/** The relay when one is configured, otherwise `.eml` files in `<dataDir>/mail/`. */
export function createMailer(config: MailConfig, dataDir: string, now?: () => Date): Mailer {
  return config.smtpUrl ? createSmtpMailer(config.smtpUrl, config.from) : createEmlFileMailer(join(dataDir, MAIL_FOLDER), config.from, now);
}
