import { configRoutes, ETagSchema } from '../../../shared/contract/config-api';
import type { Profile, Terms } from '../../../shared/schemas/profile-schema';
import { parseJsonText } from '../../../shared/contract/parse';
import type { Clock, ClockTimer } from '../clock';
import { errorKind, logCoreEvent } from '../core-log';
import type { ConfigSnapshotRepository } from '../store/config-snapshot-repository';
import type { ConditionalGetter } from '../sync/conditional-get';
import { checkProfileSet } from './profile-set-check';

export type ConfigSyncOutcome = 'unchanged' | 'updated' | 'rejected' | 'unavailable';

export interface ConfigSyncOptions {
  get: ConditionalGetter;
  snapshots: ConfigSnapshotRepository;
  /** The profiles shipped with the kiosk: used until the server has given a good set. */
  bundled: Profile[];
  /** The terminal's own profiles: a set without one of them is refused. */
  enabledIds: readonly string[];
  clock: Clock;
  intervalMs: number;
}

/**
 * Configuration sync (issue 5): profiles, terms and help contacts come from the server by a
 * conditional GET, are checked whole, stored, and used from the store when the server cannot be
 * reached. A bad set from the server is refused and the last good one kept, so one broken
 * deployment cannot take terminals down that were working.
 */
export function createConfigSync(options: ConfigSyncOptions) {
  const stored = readStored();
  let current: Profile[] = stored?.profiles ?? options.bundled;
  let etag: string | null = stored?.etag ?? null;
  let timer: ClockTimer | null = null;
  let inFlight: Promise<ConfigSyncOutcome> | null = null;
  let stopped = false;

  function readStored(): { profiles: Profile[]; etag: string | null } | null {
    const snapshot = options.snapshots.read();
    if (!snapshot) return null;
    const checked = checkProfileSet(parseJsonText(snapshot.bodyJson), options.enabledIds);
    // Written by an older build, or for another list of profiles: the bundled files are safer.
    if (!checked.ok) {
      logCoreEvent('config.storeIgnored', { code: checked.code });
      return null;
    }
    return { profiles: checked.profiles, etag: snapshot.etag };
  }

  async function fetchOnce(): Promise<ConfigSyncOutcome> {
    const answer = await options.get('terminalProfiles', configRoutes.terminalProfiles.path, etag);
    if (answer.kind === 'notModified') return 'unchanged';
    if (answer.kind === 'unavailable') return 'unavailable';
    const checked = checkProfileSet(answer.body, options.enabledIds);
    if (!checked.ok) {
      logCoreEvent('config.rejected', { code: checked.code });
      return 'rejected';
    }
    const tag = ETagSchema.safeParse(answer.etag);
    etag = tag.success ? tag.data : null;
    options.snapshots.save({ etag, bodyJson: JSON.stringify({ profiles: checked.profiles }), fetchedAt: options.clock.now() });
    current = checked.profiles;
    logCoreEvent('config.updated', { profiles: checked.profiles.length });
    return 'updated';
  }

  /**
   * One exchange; a call while one is running shares it rather than asking twice. Never rejects:
   * it runs in the background, where a throw (the disk full on save) would end the process.
   */
  function sync(): Promise<ConfigSyncOutcome> {
    inFlight ??= fetchOnce()
      .catch((error: unknown): ConfigSyncOutcome => {
        logCoreEvent('config.failed', { cause: errorKind(error) });
        return 'unavailable';
      })
      .finally(() => {
        inFlight = null;
      });
    return inFlight;
  }

  function schedule(): void {
    if (stopped) return;
    timer = options.clock.setTimeout(() => {
      timer = null;
      void sync().finally(schedule);
    }, options.intervalMs);
  }

  return {
    /** Every profile of the set in use (the stored one, the server's latest, or the bundled files). */
    current(): Profile[] {
      return current;
    },
    sync,
    /**
     * The server's terms for `profile` when they differ from the ones it carries, after a fresh
     * sync; null when they are the same or the server cannot say (issue 5: terms changed under a
     * session).
     */
    async newerTerms(profile: Profile): Promise<Terms | null> {
      // A sync under way may have asked before the server changed: ask once more after it.
      await inFlight;
      await sync();
      const terms = current.find((candidate) => candidate.id === profile.id)?.terms;
      return terms && terms.version !== profile.terms?.version ? terms : null;
    },
    /** Periodic syncs from now on; the first one at start is the caller's (after its probe). */
    start(): void {
      if (timer === null && !stopped) schedule();
    },
    async stop(): Promise<void> {
      stopped = true;
      if (timer !== null) options.clock.clearTimeout(timer);
      timer = null;
      await inFlight;
    },
  };
}

export type ConfigSync = ReturnType<typeof createConfigSync>;
