import { z } from 'zod';
import { parseWith } from '../../shared/contract/parse';

function hasHost(value: string): boolean {
  try {
    return new URL(value).hostname.length > 0;
  } catch {
    return false;
  }
}

/** `smtp://host:port` (STARTTLS when offered) or `smtps://user:pass@host` (TLS from the start). */
export const SmtpUrlSchema = z.url({ protocol: /^smtps?$/ }).max(2048).refine(hasHost, { message: 'no host' });

/** The base of the link in the email, as the person's own browser reaches this server. */
export const PublicUrlSchema = z
  .url({ protocol: /^https?$/ })
  .max(2048)
  .refine(hasHost, { message: 'no host' })
  .transform((value) => value.replace(/\/+$/, ''));

/** The sender address; the display name is always "Sésame". */
export const MailFromSchema = z.email().max(254);

/**
 * How the server sends mail: through a relay when `smtpUrl` is set, otherwise each message is
 * written as an `.eml` file in `<dataDir>/mail/` (the embedded default, issue 3).
 */
export const MailConfigSchema = z.strictObject({
  smtpUrl: SmtpUrlSchema.optional(),
  publicUrl: PublicUrlSchema.optional(),
  from: MailFromSchema.default('no-reply@localhost'),
});
export type MailConfig = z.infer<typeof MailConfigSchema>;
export type MailConfigInput = z.input<typeof MailConfigSchema>;

/** The environment's part of the configuration; an empty variable counts as unset. */
export function mailConfigFromEnv(env: NodeJS.ProcessEnv): MailConfigInput {
  const pick = (name: string): string | undefined => (env[name] ? env[name] : undefined);
  return { smtpUrl: pick('SESAME_SMTP_URL'), publicUrl: pick('SESAME_PUBLIC_URL'), from: pick('SESAME_MAIL_FROM') };
}

export class MailConfigError extends Error {
  constructor(readonly fields: string[]) {
    super(`invalid mail configuration: ${fields.join(', ')}`);
    this.name = 'MailConfigError';
  }
}

/** Validated configuration, or a MailConfigError naming the fields (never their values: a URL may hold a password). */
export function parseMailConfig(input: MailConfigInput): MailConfig {
  const parsed = parseWith(MailConfigSchema, input);
  if (!parsed.ok) throw new MailConfigError(parsed.problems.map((problem) => `${problem.key} (${problem.reason})`));
  return parsed.data;
}
