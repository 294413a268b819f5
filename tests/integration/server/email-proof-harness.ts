import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../../../shared/schemas/localized-text-schema';
import { x25519PrivateKey } from '../../../server/crypto/sealed-box';
import { ensureServerKeys } from '../../../server/crypto/server-keys';
import { listenWith } from '../../../server/listen';
import type { RunningServer } from '../../../server/listen';
import { createSmtpMailer } from '../../../server/mail/mail-transports';
import { loadProfiles } from '../../../server/profiles/profile-registry';
import { startEmailProof } from '../../../server/services/email-proof-service';
import type { ServiceContext } from '../../../server/services/service-context';
import { issueTerminalToken } from '../../../server/services/terminal-service';
import { openServerStore } from '../../../server/store/sqlite/server-database';
import type { Store } from '../../../server/store/store';
import { startSmtpSink } from '../../support/smtp-sink';
import type { ReceivedMail, SmtpSink } from '../../support/smtp-sink';
import { FakeClock, PROFILES_DIR, TERMINAL_ID, databaseBytes, newKey } from './helpers/server-harness';
import type { HttpAnswer } from './helpers/server-harness';
import { inspectSqliteFile } from './helpers/sqlite-file';
import { sealForTest } from './helpers/seal-for-test';

export { FakeClock, newKey };

/** The grouped code as printed in the email (`K7P-4QX`). */
const CODE_IN_MAIL = /\b([A-HJ-NP-Z2-9]{3}-[A-HJ-NP-Z2-9]{3})\b/;
const LINK_IN_MAIL = /(https?:\/\/\S+\/v1\/email-links\/[A-Za-z0-9_-]{43})/;

export function codeOf(mail: ReceivedMail): string {
  const code = CODE_IN_MAIL.exec(mail.text)?.[1];
  if (!code) throw new Error('no code in the mail');
  return code;
}

export function linkOf(mail: ReceivedMail): string {
  const link = LINK_IN_MAIL.exec(mail.text)?.[1];
  if (!link) throw new Error('no link in the mail');
  return link;
}

export interface PendingActivation {
  activationId: string;
  lookupKey: string;
  to: string;
  login: string;
  sentTo: string;
}

/**
 * The real server on loopback with a real SMTP relay (the sink), and pending activations made
 * through the repositories and `startEmailProof`, as the activation service does once it has
 * committed one; so these tests do not depend on the password and eligibility steps.
 */
export class EmailProofHarness {
  readonly logLines: string[] = [];
  private server: RunningServer | undefined;
  private consumed = 0;
  private counter = 0;
  ctx!: ServiceContext;
  token = '';
  publicKey = '';

  private constructor(readonly dataDir: string, readonly clock: FakeClock, readonly sink: SmtpSink, private readonly store: Store) {}

  static async start(clock = new FakeClock()): Promise<EmailProofHarness> {
    const dataDir = mkdtempSync(join(tmpdir(), 'sesame-email-proof-'));
    const sink = await startSmtpSink();
    const { keys } = ensureServerKeys(dataDir);
    const store = openServerStore(dataDir);
    const harness = new EmailProofHarness(dataDir, clock, sink, store);
    harness.publicKey = keys.sealing.publicKey;
    harness.token = await issueTerminalToken(store, TERMINAL_ID, 'Test', clock.now());
    const profiles = loadProfiles(PROFILES_DIR);
    const mailer = createSmtpMailer(sink.url, 'no-reply@sesame.test');
    const logger = { level: 'warn', stream: { write: (line: string) => void harness.logLines.push(line) } };
    harness.server = await listenWith({ store, profiles, keys, now: clock.now, mailer, logger });
    const log = { warn: (fields: Record<string, unknown>, message: string) => harness.logLines.push(JSON.stringify({ ...fields, msg: message })) };
    harness.ctx = { store, profiles, keys, sealingPrivateKey: x25519PrivateKey(keys.sealing), now: clock.now, mailer, publicUrl: harness.server.url, log };
    return harness;
  }

  get url(): string {
    if (!this.server) throw new Error('server not running');
    return this.server.url;
  }

  /** Stops the server (its database is checkpointed and closed) but keeps the data folder. */
  async stop(): Promise<void> {
    await this.server?.close();
    this.server = undefined;
  }

  async close(): Promise<void> {
    await this.server?.close();
    await this.sink.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** An enrollment and a `pending` activation of `profileId`, then the proof started (one email sent). */
  async pending(options: { profileId?: string; to?: string; locale?: Locale; expiresInMs?: number } = {}): Promise<PendingActivation> {
    this.counter += 1;
    const profileId = options.profileId ?? 'um-etudiant';
    const profile = this.ctx.profiles.get(profileId);
    if (!profile) throw new Error(`no profile ${profileId}`);
    const now = this.clock.now().toISOString();
    const lookupKey = randomBytes(16).toString('base64url');
    const fact = { enrolledAt: now, channel: 'online' as const, payment: 'paid' as const, activatedAt: null, paidAt: now };
    await this.store.enrollments.upsertEnrollment({ profileId, lookupKey, fieldHashes: {}, ...fact, loginEnc: null, emailOnFileEnc: null }, now);
    const activationId = randomBytes(16).toString('base64url');
    const expiresAt = new Date(this.clock.now().getTime() + (options.expiresInMs ?? 24 * 3_600_000)).toISOString();
    const row = { id: activationId, profileId, lookupKey, terminalId: TERMINAL_ID, passwordHash: 'scrypt$unused', createdAt: now, expiresAt };
    await this.store.activations.insertActivation(row);
    const to = options.to ?? `etudiant.${this.counter}@exemple.fr`;
    const login = `2200${String(this.counter).padStart(4, '0')}`;
    const { sentTo } = await startEmailProof(this.ctx, { activationId, profile, to, login, locale: options.locale ?? 'fr' });
    return { activationId, lookupKey, to, login, sentTo };
  }

  /** The next message to `to` not returned before (each test reads its mails in order). */
  async nextMail(to: string): Promise<ReceivedMail> {
    const skip = this.sink.messages.slice(0, this.consumed);
    const mail = await this.sink.waitFor((candidate) => candidate.to.includes(to) && !skip.includes(candidate));
    this.consumed = this.sink.messages.indexOf(mail) + 1;
    return mail;
  }

  async request(method: string, path: string, options: { body?: unknown; headers?: Record<string, string>; token?: string | null } = {}): Promise<HttpAnswer> {
    const headers: Record<string, string> = { ...options.headers };
    const token = options.token === undefined ? this.token : options.token;
    if (token !== null) headers['authorization'] = `Bearer ${token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${this.url}${path}`, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await response.text();
    let body: HttpAnswer['body'] = {};
    try {
      body = JSON.parse(text) as HttpAnswer['body'];
    } catch {
      body = {};
    }
    return { status: response.status, headers: response.headers, text, body };
  }

  confirmCode(activationId: string, code: string, key = newKey()): Promise<HttpAnswer> {
    const sealed = sealForTest({ code }, this.publicKey);
    return this.request('POST', `/v1/activations/${activationId}/email-confirmation`, { body: { sealed }, headers: { 'idempotency-key': key } });
  }

  resend(activationId: string, headers: Record<string, string> = {}): Promise<HttpAnswer> {
    return this.request('POST', `/v1/activations/${activationId}/email-resend`, { headers });
  }

  /** The link as a mailbox opens it: no bearer token. */
  openLink(link: string): Promise<HttpAnswer> {
    return this.request('GET', new URL(link).pathname, { token: null });
  }

  /** The page's "Confirmer l'activation" button, as a browser submits it: an empty form posted to the link. */
  async confirmLink(link: string): Promise<HttpAnswer> {
    const response = await fetch(link, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    return { status: response.status, headers: response.headers, text: await response.text(), body: {} };
  }

  activationState(activationId: string): { state: string; activatedAt: string | null } | undefined {
    return inspectSqliteFile(this.dataDir, (db) => db.prepare('SELECT state, activated_at AS activatedAt FROM activations WHERE id = ?').get(activationId)) as
      | { state: string; activatedAt: string | null }
      | undefined;
  }

  /** Every SQLite byte on disk: the database, its WAL and shared-memory files. */
  databaseBytes(): Buffer {
    return databaseBytes(this.dataDir);
  }
}
