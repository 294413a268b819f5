import { afterEach, beforeEach } from 'vitest';
import { startSmtpSink } from '../../../support/smtp-sink';
import type { ReceivedMail, SmtpSink } from '../../../support/smtp-sink';
import { sealForTest } from './seal-for-test';
import { ServerHarness, newKey } from './server-harness';
import type { HttpAnswer } from './server-harness';

/** What a kiosk seals for POST /v1/recoveries. */
export interface RecoverySecret {
  kind: 'password' | 'identifier';
  fields: Record<string, string>;
  email?: string;
  locale?: 'fr' | 'en';
}

/**
 * The three calls as the kiosk makes them: sealed afresh on every call (a new ephemeral key, so
 * a retry's box differs from the first), with an Idempotency-Key, a fresh one unless given.
 */
export function requestRecovery(server: ServerHarness, profileId: string, secret: RecoverySecret, key = newKey()): Promise<HttpAnswer> {
  const sealed = sealForTest({ locale: 'fr', ...secret }, server.publicKey);
  return server.request('POST', '/v1/recoveries', { body: { profileId, sealed }, headers: { 'idempotency-key': key } });
}

export function resetPassword(server: ServerHarness, recoveryId: string, code: string, password: string, key = newKey()): Promise<HttpAnswer> {
  const sealed = sealForTest({ code, password }, server.publicKey);
  return server.request('POST', `/v1/recoveries/${recoveryId}/reset`, { body: { sealed }, headers: { 'idempotency-key': key } });
}

export function submitHelp(server: ServerHarness, profileId: string, secret: Record<string, unknown>, key = newKey()): Promise<HttpAnswer> {
  const sealed = sealForTest({ locale: 'fr', ...secret }, server.publicKey);
  return server.request('POST', '/v1/help-requests', { body: { profileId, sealed }, headers: { 'idempotency-key': key } });
}

/** The grouped six-character code as printed (`K7P-4QX`). */
export function resetCodeOf(mail: ReceivedMail): string {
  const code = /\b([A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3})\b/.exec(mail.text)?.[1];
  if (!code) throw new Error('no code in the mail');
  return code;
}

/** Another well-formed code than `code`: a wrong guess. */
export function otherCodeThan(code: string): string {
  return code.startsWith('A') ? 'BBB-BBB' : 'AAA-AAA';
}

/** A fresh server per test whose mail goes to a fresh SMTP sink on loopback; returns a getter. */
export function useServerWithSink(): () => { server: ServerHarness; sink: SmtpSink } {
  let running: { server: ServerHarness; sink: SmtpSink } | undefined;
  beforeEach(async () => {
    const sink = await startSmtpSink();
    running = { sink, server: await ServerHarness.start({ mail: { smtpUrl: sink.url } }) };
  });
  afterEach(async () => {
    await running?.server.close();
    await running?.sink.close();
  });
  return () => {
    if (!running) throw new Error('server not started');
    return running;
  };
}
