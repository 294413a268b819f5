import {
  FOLLOW_UPS_PER_HEARTBEAT,
  FollowUpReportSchema,
  HeartbeatResponseSchema,
  fleetRoutes,
  type FollowUpReport,
  type HeartbeatRequest,
  type WipeCheck,
} from '../../../shared/contract/fleet-api';
import type { TerminalMode } from '../../../shared/schemas/terminal-config-schema';
import type { Clock, ClockTimer } from '../clock';
import type { OutboxRepository } from '../store/outbox-repository';
import type { JsonRequester } from './json-request';

export interface HeartbeatOptions {
  /** A requester of its own: a heartbeat does not decide the online flag, it only tells the core the link is back. */
  requester: JsonRequester;
  outbox: OutboxRepository;
  clock: Clock;
  intervalMs: number;
  appVersion: string;
  mode: TerminalMode;
  /** The last exchange the enrollment API answered (the probe, a submission), or null. */
  lastContactAt: () => number | null;
}

/**
 * The terminal's status to the server every `intervalMs` (issue 5, DESIGN.md "Sync"): version,
 * mode, outbox depth and age, last contact, and the page's last wipe check (kept in memory only,
 * a verdict and a count, never what leaked). Best effort: a lost beat is simply the next one
 * missed, never retried in a burst, so a fleet coming back online does not stampede the server.
 * The first beat waits one interval: at start the probe and the outbox go first. A failed wipe
 * check is the exception: a terminal that may be showing someone's data to the next person is
 * reported at once, not up to an interval later.
 */
export function createHeartbeat(options: HeartbeatOptions) {
  let lastWipeCheck: WipeCheck | undefined;
  let timer: ClockTimer | null = null;
  let inFlight: Promise<void> | null = null;
  let stopped = true;

  function schedule(delayMs: number = options.intervalMs): void {
    if (stopped) return;
    timer = options.clock.setTimeout(() => {
      timer = null;
      inFlight = beat().finally(() => {
        inFlight = null;
        schedule();
      });
    }, delayMs);
  }

  /** The next beat now, in place of the one waiting; one in flight already carries the news soon. */
  function beatNow(): void {
    if (stopped || inFlight !== null || timer === null) return;
    options.clock.clearTimeout(timer);
    timer = null;
    schedule(0);
  }

  async function beat(): Promise<void> {
    const { body, followUpIds } = nextBeat();
    // The answer (server time, next interval) is advisory; a refusal or no answer changes nothing,
    // and the follow-ups it carried go again with the next beat.
    const answer = await options.requester.send({ route: 'heartbeat', method: fleetRoutes.heartbeats.method, path: fleetRoutes.heartbeats.path, body }, HeartbeatResponseSchema);
    if (!answer.ok || !answer.value.followUpsRecorded) return;
    const recorded = new Set(answer.value.followUpsRecorded);
    options.outbox.markReported([...followUpIds].filter(([, reference]) => recorded.has(reference)).map(([id]) => id), options.clock.now());
  }

  /**
   * Refusals the background loop got after the person left (issue 5), oldest first, a batch
   * per beat. A row the contract would refuse is left out rather than costing the whole beat.
   */
  function followUps(): { reports: FollowUpReport[]; ids: Map<number, string> } {
    const reports: FollowUpReport[] = [];
    const ids = new Map<number, string>();
    for (const row of options.outbox.listUnreportedFollowUps(FOLLOW_UPS_PER_HEARTBEAT)) {
      const parsed = FollowUpReportSchema.safeParse({ reference: row.reference, kind: row.kind, code: row.code, refusedAt: new Date(row.refusedAt).toISOString() });
      if (!parsed.success) continue;
      reports.push(parsed.data);
      ids.set(row.id, row.reference);
    }
    return { reports, ids };
  }

  function nextBeat(): { body: HeartbeatRequest; followUpIds: Map<number, string> } {
    const { reports, ids } = followUps();
    return { body: { ...report(), ...(reports.length > 0 ? { followUps: reports } : {}) }, followUpIds: ids };
  }

  function report(): HeartbeatRequest {
    const oldest = oldestQueuedAt(options.outbox);
    const contact = options.lastContactAt();
    return {
      appVersion: options.appVersion,
      mode: options.mode,
      outboxDepth: options.outbox.countQueued(),
      ...(oldest === null ? {} : { oldestQueuedAt: new Date(oldest).toISOString() }),
      ...(contact === null ? {} : { lastSyncAt: new Date(contact).toISOString() }),
      ...(lastWipeCheck ? { lastWipeCheck } : {}),
    };
  }

  return {
    start(): void {
      if (!stopped) return;
      stopped = false;
      schedule();
    },
    /** The renderer's verdict after a session wipe (`privacy.report`); sent with the next beat. */
    recordWipeCheck(check: { ok: boolean; leaks: number }): void {
      lastWipeCheck = { at: new Date(options.clock.now()).toISOString(), ok: check.ok, leaks: check.leaks };
      if (!check.ok) beatNow();
    },
    /** What the next beat will say (for tests and diagnostics). */
    report: (): HeartbeatRequest => nextBeat().body,
    /** Cancels the next beat and waits for one in flight (the core's abort signal ends it). */
    async stop(): Promise<void> {
      stopped = true;
      if (timer !== null) options.clock.clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}

export type Heartbeat = ReturnType<typeof createHeartbeat>;

/**
 * When the oldest row of the background queue was created. Read through the repository's own
 * "queued and due" query with no upper bound, rather than a second copy of its SQL: the queue a
 * kiosk holds is small (TODO(outbox-repository owner): an `oldestQueuedAt()` query would avoid
 * reading the sealed rows).
 */
function oldestQueuedAt(outbox: OutboxRepository): number | null {
  let oldest: number | null = null;
  for (const entry of outbox.listQueuedDue(Number.MAX_SAFE_INTEGER)) oldest = oldest === null ? entry.createdAt : Math.min(oldest, entry.createdAt);
  return oldest;
}
