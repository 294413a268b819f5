import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createChosenActivationHandlers } from '../../../../electron/core/chosen-activation-handlers';
import { createHelpRequestHandlers } from '../../../../electron/core/help-request-handlers';
import { createRecoveryHandlers } from '../../../../electron/core/recovery-handlers';
import { systemClock } from '../../../../electron/core/clock';
import { createDictionaryCheck } from '../../../../electron/core/password/dictionary-check';
import { createSessionCalls } from '../../../../electron/core/session/session-calls';
import { createSessionManager } from '../../../../electron/core/session/session-manager';
import { createOutboxRepository } from '../../../../electron/core/store/outbox-repository';
import { openKioskDatabase } from '../../../../electron/core/store/sqlite-connection';
import { createEmailProofCalls } from '../../../../electron/core/sync/email-proof-calls';
import { createEnrollmentClient } from '../../../../electron/core/sync/enrollment-client';
import { createOutboxDelivery } from '../../../../electron/core/sync/outbox-delivery';
import { outboxSenders } from '../../../../electron/core/sync/outbox-senders';
import { createOutboxWorker } from '../../../../electron/core/sync/outbox-worker';
import { createRecoveryCalls } from '../../../../electron/core/sync/recovery-calls';
import { createServerLink } from '../../../../electron/core/sync/server-link';
import { createSubmissionService } from '../../../../electron/core/sync/submission-service';
import type { IdentityInput } from '../../../../shared/policies/identity-rules';
import { ProfileSchema, type Profile } from '../../../../shared/schemas/profile-schema';
import { PROFILES_DIR } from './cergy-profile';

/** A real profile from resources/, validated like the kiosk does at start-up. */
export function loadProfile(id: string): Profile {
  return ProfileSchema.parse(JSON.parse(readFileSync(`${PROFILES_DIR}${id}.json`, 'utf8')));
}

/**
 * The chosen-password, recovery and help-form handlers wired to real parts, as
 * `createKioskCore` wires them (real SQLite outbox, real HTTP client, real sealing, the real
 * dictionaries), with the session
 * reachable so a test can stand in for the eligible lookup the server would have answered.
 * The background loop is built but never started: what is queued stays visible.
 */
export async function startChosenRig(dataDir: string, server: { url: string; token: string }) {
  const db = openKioskDatabase(join(dataDir, 'kiosk.sqlite'));
  const outbox = createOutboxRepository(db);
  const closing = new AbortController();
  const clock = systemClock;
  const client = createEnrollmentClient({ baseUrl: server.url, token: server.token, fetch, timeoutMs: 1_000, signal: closing.signal });
  const link = createServerLink({ client, probeTimeoutMs: 1_000 });
  await link.probe();
  const fast = { baseMs: 10, capMs: 40 };
  const delivery = createOutboxDelivery({ outbox, clock, signal: closing.signal, queueBackoff: fast, interactiveBackoff: fast });
  const worker = createOutboxWorker({ outbox, delivery, clock, senders: outboxSenders(client), onPass: () => undefined });
  const submissions = createSubmissionService({ db, outbox, delivery, worker, client, clock, submitBudgetMs: 200, confirmBudgetMs: 200, onQueueChange: () => undefined });
  const sessions = createSessionManager({ clock, idle: { timeoutS: 90, warningS: 20 }, emit: () => undefined });
  const interactive = { client, clock, budgetMs: 200, backoff: fast, signal: closing.signal };
  const deps = {
    sessions, calls: createSessionCalls(sessions), link, submissions, dictionary: createDictionaryCheck(),
    emailProof: createEmailProofCalls(interactive), recoveryCalls: createRecoveryCalls(interactive),
  };
  const handlers = { ...createChosenActivationHandlers(deps), ...createRecoveryHandlers(deps), ...createHelpRequestHandlers(deps) };
  return {
    handlers,
    sessions,
    outbox,
    /** A session of `profile` in which the server found `identity` eligible (what a lookup leaves). */
    eligible(profile: Profile, identity: IdentityInput | null): void {
      sessions.start(profile).resetIdentity(identity);
    },
    async close(): Promise<void> {
      sessions.close();
      closing.abort();
      await worker.stop();
      await delivery.drain();
      db.close();
    },
  };
}

export type ChosenRig = Awaited<ReturnType<typeof startChosenRig>>;
