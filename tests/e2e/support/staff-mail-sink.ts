import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** One message with its attachments (the group summary's CSV), as received on loopback. */
export interface MailWithFiles {
  to: string[];
  subject: string;
  text: string;
  attachments: { filename: string; content: string }[];
}

export interface AttachmentSink {
  url: string;
  messages: MailWithFiles[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback that keeps attachments too: the shared sink
 * (tests/support/smtp-sink.ts) keeps text only, and the group summary arrives as a CSV file.
 */
export async function startAttachmentSink(): Promise<AttachmentSink> {
  const messages: MailWithFiles[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          messages.push({
            to: session.envelope.rcptTo.map((rcpt) => rcpt.address),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            attachments: parsed.attachments.map((file) => ({ filename: file.filename ?? '', content: file.content.toString('utf8') })),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, messages, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
