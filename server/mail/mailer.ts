/**
 * What the server can send: one message to one person. Emails are the one place the server
 * writes prose (issue 3: "the email carries both the link and a short code"); everything else
 * it answers is codes.
 */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Where replies go (the parents' help form: the school answers the parent directly). */
  replyTo?: string;
  /** Files sent with the message (a group session's summary CSV, issue 6). */
  attachments?: MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  content: string;
  contentType: string;
}

export interface Mailer {
  /** Rejects when the relay refuses or cannot be reached; callers turn that into a value. */
  send(message: MailMessage): Promise<void>;
  /** Releases pooled connections, if any. */
  close?(): void;
}

/** Where a failed send is reported: a stable code, never the address, the code or the link. */
export interface MailLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

export type MailOutcome = { ok: true } | { ok: false; code: 'MAIL_SEND_FAILED' };

/**
 * Sends and turns any failure into a value. What is logged is the stable code and, when the
 * transport gave one, its own error code (`ECONNECTION`, `EENVELOPE`) and the SMTP status:
 * never `error.message`, which nodemailer fills with the refused recipient's address.
 */
export async function deliverMail(
  mailer: Mailer,
  message: MailMessage,
  log: MailLog,
  context: Record<string, unknown> = {},
  what = 'activation email',
): Promise<MailOutcome> {
  try {
    await mailer.send(message);
    return { ok: true };
  } catch (error) {
    const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
    log.warn(
      {
        ...context,
        code: 'MAIL_SEND_FAILED',
        transportCode: typeof code === 'string' ? code.slice(0, 32) : undefined,
        responseCode: typeof responseCode === 'number' ? responseCode : undefined,
      },
      `${what} not sent`,
    );
    return { ok: false, code: 'MAIL_SEND_FAILED' };
  }
}

/** The mailer of an app built without one (unit tests through `inject`): every send fails, as a value. */
export const UNCONFIGURED_MAILER: Mailer = {
  send: () => Promise.reject(Object.assign(new Error('no mailer configured'), { code: 'ENOMAILER' })),
};
