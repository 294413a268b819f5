import { KIOSK_METHODS, type KioskHandlers, type KioskMethod } from '../../shared/contract/kiosk-api';
import { fail, ok } from '../../shared/contract/result';
import type { Profile } from '../../shared/schemas/profile-schema';
import type { TerminalConfig } from '../../shared/schemas/terminal-config-schema';
import { createActivationHandlers, type ActivationHandlerDeps } from './activation-handlers';
import { createChosenActivationHandlers, type ChosenActivationHandlerDeps } from './chosen-activation-handlers';
import { errorKind, logCoreEvent } from './core-log';
import { createHelpRequestHandlers, type HelpRequestHandlerDeps } from './help-request-handlers';
import { createPortalHandlers, type PortalHandlerDeps } from './portal-handlers';
import { createRecoveryHandlers, type RecoveryHandlerDeps } from './recovery-handlers';
import type { Clock } from './clock';
import { createStaffHandlers } from './staff/staff-handlers';
import type { StaffClient } from './staff/staff-client';
import type { StaffSession } from './staff/staff-session';
import type { TerminalGroup } from './staff/terminal-group';
import type { ServerLink } from './sync/server-link';
import type { SyncStatus } from './sync/sync-status';

export interface KioskHandlerDeps extends ActivationHandlerDeps, ChosenActivationHandlerDeps, RecoveryHandlerDeps, HelpRequestHandlerDeps, PortalHandlerDeps {
  config: TerminalConfig;
  /**
   * Every profile of the configuration in use, read at each call: a config sync (issue 5) may
   * replace the set between two sessions. A session keeps the profile it started with.
   */
  profiles: () => readonly Profile[];
  link: ServerLink;
  syncStatus: SyncStatus;
  onlineFreshMs: number;
  clock: Clock;
  staffSession: StaffSession;
  staffClient: StaffClient;
  terminalGroup: TerminalGroup;
  /** Where `privacy.report` goes: held for the next heartbeat (sync/heartbeat.ts). */
  wipeChecks: { recordWipeCheck(check: { ok: boolean; leaks: number }): void };
}

/**
 * The kiosk API contract (shared/contract/kiosk-api.ts), implemented once for both transports.
 * Inputs arrive parsed; still, no handler ever throws: an unexpected exception becomes
 * `INTERNAL`, logged by method and exception class only.
 */
export function createKioskHandlers(deps: KioskHandlerDeps): KioskHandlers {
  const { config, sessions } = deps;
  /** The profiles this terminal enables, in its configured order, from the current set. */
  function enabled(): Profile[] {
    const set = deps.profiles();
    return config.profiles.flatMap((id) => set.find((profile) => profile.id === id) ?? []);
  }

  const handlers: KioskHandlers = {
    async 'terminal.describe'() {
      if (deps.syncStatus.isStale(deps.onlineFreshMs)) await deps.link.probe();
      return ok({
        terminalId: config.terminalId,
        mode: config.mode,
        locale: config.locale,
        profiles: enabled().map((profile) => ({ id: profile.id, title: profile.title, institution: profile.institution.name, persona: profile.persona, identityFields: profile.identity.fields })),
        idle: { timeoutS: config.idle.timeoutS, warningS: config.idle.warningS },
        online: deps.syncStatus.online,
        quality: deps.syncStatus.quality,
        staffEnabled: config.mode !== 'shared',
        // Issue 6: a terminal joined to a group session offers only that group's profile.
        group: deps.syncStatus.online ? await deps.terminalGroup.current() : null,
      });
    },
    async 'session.start'({ profileId }) {
      const profile = enabled().find((candidate) => candidate.id === profileId);
      if (!profile) return fail('NOT_FOUND');
      sessions.start(profile);
      return ok({ profile });
    },
    async 'session.activity'() {
      const deadline = sessions.touch();
      if (deadline === null) return fail('NO_SESSION');
      return ok({ idleDeadline: new Date(deadline).toISOString() });
    },
    async 'session.terms'() {
      const session = sessions.current();
      if (!session) return fail('NO_SESSION');
      return ok({ terms: session.profile.terms ?? null });
    },
    async 'session.end'({ reason }) {
      sessions.end(reason);
      return ok({ wiped: true });
    },
    async 'privacy.report'(check) {
      deps.wipeChecks.recordWipeCheck(check);
      return ok({ recorded: true });
    },
    ...createActivationHandlers(deps),
    ...createChosenActivationHandlers(deps),
    ...createRecoveryHandlers(deps),
    ...createHelpRequestHandlers(deps),
    ...createPortalHandlers(deps),
    // A getter, so the staff handlers read the current set at each call like the rest.
    ...createStaffHandlers({ ...deps, get enabled() { return enabled(); } }),
  };
  return guardAll(handlers);
}

/** Wraps every handler so that an exception becomes `INTERNAL` instead of escaping. */
export function guardAll(handlers: KioskHandlers): KioskHandlers {
  const guarded: Partial<Record<KioskMethod, unknown>> = {};
  for (const method of KIOSK_METHODS) {
    const handler = handlers[method] as (input: unknown) => ReturnType<KioskHandlers[KioskMethod]>;
    guarded[method] = async (input: unknown) => {
      try {
        return await handler(input);
      } catch (error) {
        logCoreEvent('handler.failed', { method, cause: errorKind(error) });
        return fail('INTERNAL');
      }
    };
  }
  return guarded as KioskHandlers;
}
