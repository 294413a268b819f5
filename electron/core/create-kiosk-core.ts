import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { KioskEvent, KioskHandlers } from '../../shared/contract/kiosk-api';
import type { Profile } from '../../shared/schemas/profile-schema';
import type { TerminalConfig } from '../../shared/schemas/terminal-config-schema';
import { systemClock, type Clock } from './clock';
import { createConfigSync } from './config/config-sync';
import { DEFAULT_TIMING, type CoreTiming } from './core-timing';
import { createEventHub } from './event-hub';
import { createKioskHandlers } from './kiosk-api';
import type { PortalHost } from './portal/portal-host';
import { createDictionaryCheck } from './password/dictionary-check';
import { createSessionCalls } from './session/session-calls';
import { createSessionManager } from './session/session-manager';
import { createStaffClient } from './staff/staff-client';
import { createStaffSession } from './staff/staff-session';
import { createTerminalGroup } from './staff/terminal-group';
import { createConfigSnapshotRepository } from './store/config-snapshot-repository';
import { createOutboxRepository } from './store/outbox-repository';
import { openKioskDatabase } from './store/sqlite-connection';
import { createConditionalGetter } from './sync/conditional-get';
import { createEmailProofCalls } from './sync/email-proof-calls';
import { createEnrollmentClient } from './sync/enrollment-client';
import { createHeartbeat } from './sync/heartbeat';
import { createJsonRequester } from './sync/json-request';
import { createOfflineProbe } from './sync/offline-probe';
import { createOutboxDelivery } from './sync/outbox-delivery';
import { outboxSenders } from './sync/outbox-senders';
import { createOutboxWorker } from './sync/outbox-worker';
import { createRecoveryCalls } from './sync/recovery-calls';
import { createServerLink } from './sync/server-link';
import { createSubmissionService } from './sync/submission-service';
import { createSyncStatus } from './sync/sync-status';

export interface KioskCore {
  handlers: KioskHandlers;
  subscribe(listener: (event: KioskEvent) => void): () => void;
  /** Stops timers, aborts requests in flight, wipes the session, closes the database. */
  close(): Promise<void>;
}

export interface KioskCoreOptions {
  /** Kiosk data folder; the database is `<dataDir>/kiosk.sqlite`. */
  dataDir: string;
  config: TerminalConfig;
  /** The bundled profiles, already validated (see `loadProfiles`): used until the server gives a good set. */
  profiles: Profile[];
  clock?: Clock;
  fetch?: typeof fetch;
  /** Shorter waits for tests; the defaults are the production ones. */
  timing?: Partial<CoreTiming>;
  /** Reported in heartbeats (package.json's version, from the shell). */
  appVersion?: string;
  /** The shell's portal view (LOCKDOWN.md #15); absent, "Ouvrir mon ENT" is not offered. */
  portalHost?: PortalHost;
}

export async function createKioskCore(options: KioskCoreOptions): Promise<KioskCore> {
  const clock = options.clock ?? systemClock;
  const offlineProbeS = options.config.sync?.offlineProbeS;
  const timing: CoreTiming = { ...DEFAULT_TIMING, ...(offlineProbeS ? { offlineProbeIntervalMs: offlineProbeS * 1000 } : {}), ...options.timing };
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const db = openKioskDatabase(join(options.dataDir, 'kiosk.sqlite'));
  const closing = new AbortController();
  const events = createEventHub();
  const outbox = createOutboxRepository(db);
  // Generated-password activations left pending by a previous run belong to a session that no
  // longer exists; chosen passwords (deferred rows) are still delivered by the worker.
  outbox.expireStale(clock.now(), 'activation');

  const syncStatus = createSyncStatus({ outbox, clock, emit: events.emit, slowExchangeMs: timing.slowExchangeMs });
  let lastContactAt: number | null = null;
  const requestOptions = {
    baseUrl: options.config.server.url,
    token: options.config.server.token,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: timing.requestTimeoutMs,
    signal: closing.signal,
    onContact: (reachable: boolean, elapsedMs = 0) => {
      const wasOnline = syncStatus.online;
      syncStatus.recordContact(reachable, elapsedMs);
      if (reachable) lastContactAt = clock.now();
      if (reachable && !wasOnline) linkBack();
      offlineProbe.arm();
    },
  };
  const client = createEnrollmentClient(requestOptions);
  const staffClient = createStaffClient({ requester: createJsonRequester(requestOptions, 'staff'), timeoutMs: timing.requestTimeoutMs });
  const link = createServerLink({ client, probeTimeoutMs: timing.probeTimeoutMs });
  const offlineProbe = createOfflineProbe({ clock, intervalMs: timing.offlineProbeIntervalMs, isOffline: () => !syncStatus.online, probe: () => link.probe() });
  const delivery = createOutboxDelivery({ outbox, clock, signal: closing.signal, queueBackoff: timing.queueBackoff, interactiveBackoff: timing.interactiveBackoff });
  const worker = createOutboxWorker({ outbox, delivery, senders: outboxSenders(client), clock, onPass: () => syncStatus.refresh() });
  // Rows pushed back during an outage would otherwise wait out their backoff (up to 5 min) after
  // the server answers again (issue 5 measures network back → outbox empty), and a kiosk that
  // started offline its next periodic config sync. Also the first answer after start.
  function linkBack(): void {
    if (outbox.bringForward(clock.now()) > 0) worker.poke();
    void configSync.sync();
  }
  const submissions = createSubmissionService({
    db, outbox, delivery, worker, client, clock,
    submitBudgetMs: timing.submitBudgetMs,
    confirmBudgetMs: timing.confirmBudgetMs,
    onQueueChange: () => syncStatus.refresh(),
  });
  const interactive = { client, clock, budgetMs: timing.confirmBudgetMs, backoff: timing.interactiveBackoff, signal: closing.signal };
  const emailProof = createEmailProofCalls(interactive);
  const recoveryCalls = createRecoveryCalls(interactive);
  const sessions = createSessionManager({ clock, idle: options.config.idle, emit: events.emit });
  const staffSession = createStaffSession({ clock, lockAfterS: options.config.staff.lockAfterS, emit: events.emit, signOutRemote: (token) => staffClient.signOut(token) });
  const terminalGroup = createTerminalGroup({ client: staffClient, clock, timeoutMs: timing.probeTimeoutMs });
  const heartbeat = createHeartbeat({
    requester: createJsonRequester({ ...requestOptions, onContact: (reachable) => { if (reachable && !syncStatus.online) linkBack(); } }, 'heartbeat'), outbox, clock,
    intervalMs: timing.heartbeatIntervalMs, appVersion: options.appVersion ?? '0.0.0-unknown', mode: options.config.mode, lastContactAt: () => lastContactAt,
  });
  const configSync = createConfigSync({
    get: createConditionalGetter(requestOptions, 'config'), snapshots: createConfigSnapshotRepository(db), bundled: options.profiles,
    enabledIds: options.config.profiles, clock, intervalMs: timing.configSyncIntervalMs,
  });
  const handlers = createKioskHandlers({
    config: options.config, profiles: configSync.current, configSync, sessions, calls: createSessionCalls(sessions), client, link, submissions,
    emailProof, recoveryCalls, dictionary: createDictionaryCheck(), syncStatus, onlineFreshMs: timing.onlineFreshMs,
    clock, staffSession, staffClient, terminalGroup, wipeChecks: heartbeat, portalHost: options.portalHost,
  });
  // Every end (Terminer, idle, staff sign-in) logs out of the portal and forgets its cookies.
  const portalHost = options.portalHost;
  let portalClosing: Promise<void> = Promise.resolve();
  if (portalHost) {
    events.subscribe((event) => {
      if (event.type === 'session.ended') portalClosing = portalClosing.then(() => portalHost.close()).catch(() => undefined);
    });
  }

  // The probe's answer starts the first config sync (linkBack), in the background: `session.start`
  // reads the set when the person taps. Offline at start, the stored set (or the bundled files) serves.
  await link.probe();
  configSync.start();
  worker.start();
  heartbeat.start();

  let closed: Promise<void> | null = null;
  return {
    handlers,
    subscribe: events.subscribe,
    close() {
      closed ??= (async () => {
        sessions.close();
        staffSession.close();
        closing.abort();
        await offlineProbe.stop();
        await heartbeat.stop();
        await configSync.stop();
        await worker.stop();
        await delivery.drain();
        await portalClosing;
        events.clear();
        db.close();
      })();
      return closed;
    },
  };
}
