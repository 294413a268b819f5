import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskEvent } from '../../../shared/contract/kiosk-api';
import type { IdentityInput } from '../../../shared/policies/identity-rules';
import { CODE_ALPHABET } from '../../../shared/policies/secret-codes';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import type { CoreTiming } from '../../../electron/core/core-timing';
import type { ReceivedMail } from '../../support/smtp-sink';
import { cergyProfile } from '../../unit/core/support/cergy-profile';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';
import type { StandInPerson } from './contract-stand-in-server';

/** Short real waits, so "the server is down" and "it came back" run in well under a second. */
export const TEST_TIMING: Partial<CoreTiming> = {
  requestTimeoutMs: 2_000,
  probeTimeoutMs: 1_000,
  submitBudgetMs: 1_500,
  confirmBudgetMs: 400,
  onlineFreshMs: 0,
  interactiveBackoff: { baseMs: 20, capMs: 80 },
  queueBackoff: { baseMs: 30, capMs: 200 },
};

/** A core on `dataDir` pointed at `server`, enabling `profiles` (cergy by default). */
export async function startCore(dataDir: string, server: { url: string; token: string }, profiles: Profile[] = [cergyProfile()]): Promise<{ core: KioskCore; events: KioskEvent[] }> {
  const config = { ...terminalConfigFor(server), profiles: profiles.map((profile) => profile.id) };
  const core = await createKioskCore({ dataDir, config, profiles, timing: TEST_TIMING });
  const events: KioskEvent[] = [];
  core.subscribe((event) => events.push(event));
  return { core, events };
}

export function identityOf(person: StandInPerson): IdentityInput {
  return { lastName: person.lastName, firstName: person.firstName, birthDate: person.birthDate, studentNumber: person.studentNumber };
}

/** Waits for something the background loop does; the test timeout bounds it, not a stopwatch. */
export async function until(predicate: () => boolean): Promise<void> {
  while (!predicate()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Every byte the kiosk keeps: kiosk.sqlite and its -wal/-shm companions. */
export function storeBytes(dataDir: string): string {
  return readdirSync(dataDir)
    .filter((name) => name.startsWith('kiosk.sqlite'))
    .map((name) => readFileSync(join(dataDir, name)).toString('latin1'))
    .join('\n');
}

export interface StoredRow { kind: string; state: string; sealed_json: string | null; idempotency_key: string; last_error_code: string | null }

/** The outbox as a second, read-only connection sees it. */
export function outboxRows(dataDir: string): StoredRow[] {
  const db = new Database(join(dataDir, 'kiosk.sqlite'), { readonly: true });
  try {
    return db.prepare<[], StoredRow>('SELECT kind, state, sealed_json, idempotency_key, last_error_code FROM outbox ORDER BY id').all();
  } finally {
    db.close();
  }
}

/** The short code as an email prints it (`K7P-4QX`), read from the message the sink received. */
export function codeIn(mail: ReceivedMail): string {
  const code = new RegExp(`\\b([${CODE_ALPHABET}]{3}-[${CODE_ALPHABET}]{3})\\b`).exec(mail.text)?.[1];
  if (!code) throw new Error('no code in the email');
  return code;
}
