import type { KioskHandlers } from '../../../shared/contract/kiosk-api';
import { parseWith } from '../../../shared/contract/parse';
import { fail, ok } from '../../../shared/contract/result';
import { StaffSignInRequestSchema, type Diagnosis } from '../../../shared/contract/staff-api';
import type { IdentityInput } from '../../../shared/policies/identity-rules';
import type { Profile } from '../../../shared/schemas/profile-schema';
import type { TerminalConfig } from '../../../shared/schemas/terminal-config-schema';
import type { Clock } from '../clock';
import type { SessionManager } from '../session/session-manager';
import { createStaffCalls } from './staff-calls';
import type { StaffClient } from './staff-client';
import { createStaffFollowUpHandlers } from './staff-follow-up-handlers';
import { createStaffGroupHandlers } from './staff-group-handlers';
import type { StaffSession } from './staff-session';
import type { TerminalGroup } from './terminal-group';

export interface StaffHandlerDeps {
  config: TerminalConfig;
  /** The profiles this terminal enables: staff look up and hand over only these. */
  enabled: Profile[];
  sessions: SessionManager;
  staffSession: StaffSession;
  staffClient: StaffClient;
  terminalGroup: TerminalGroup;
  clock: Clock;
}

type StaffMethod = Extract<keyof KioskHandlers, `staff.${string}`>;

/**
 * The staff half of the kiosk API (issue 6, `desk` and `assisted` modes). The staff token
 * stays in staff-session.ts; the renderer only ever sees who is signed in and the diagnoses.
 */
export function createStaffHandlers(deps: StaffHandlerDeps): Pick<KioskHandlers, StaffMethod> {
  const { config, staffSession, staffClient: client } = deps;
  const calls = createStaffCalls({ config, staffSession });
  const profileOf = (profileId: string) => deps.enabled.find((profile) => profile.id === profileId);

  return {
    async 'staff.signIn'({ username, password, totp }) {
      if (config.mode === 'shared') return fail('FORBIDDEN');
      const parsed = parseWith(StaffSignInRequestSchema, { username, password, ...(totp ? { totp } : {}) });
      if (!parsed.ok) return fail('INVALID_INPUT', { fields: parsed.problems });
      // The desk takes over the terminal: whoever was mid-flow is wiped; staff re-type what they need.
      if (deps.sessions.current()) deps.sessions.end('cancelled');
      const answer = await client.signIn(parsed.data);
      if (!answer.ok) return { ok: false, error: answer.error };
      const hold = staffSession.open(answer.value.token, answer.value.staff);
      return ok({ staff: hold.staff, lockAfterS: config.staff.lockAfterS });
    },

    async 'staff.signOut'() {
      if (config.mode === 'shared') return fail('FORBIDDEN');
      // Awaited: once this answers, the server no longer accepts the token.
      await staffSession.lock('signedOut');
      return ok({ wiped: true as const });
    },

    async 'staff.activity'() {
      if (config.mode === 'shared') return fail('FORBIDDEN');
      const deadline = staffSession.touch();
      if (deadline === null) return fail('NO_SESSION');
      return ok({ lockDeadline: new Date(deadline).toISOString() });
    },

    async 'staff.lookup'({ profileId, identity }) {
      const hold = calls.signedIn();
      if (!hold.ok) return hold;
      const profile = profileOf(profileId);
      if (!profile) return fail('NOT_FOUND');
      const answer = await calls.settle(hold.value, await client.lookup(hold.value.token, { profileId, identity }));
      if (!answer.ok) return answer;
      hold.value.cases.set(answer.value.caseId, { profileId, identity: recordFields(profile, identity), idCheckValidUntil: idCheckUntil(answer.value) });
      return answer;
    },

    async 'staff.act'({ caseId, request }) {
      const hold = calls.signedIn();
      if (!hold.ok) return hold;
      const held = hold.value.cases.get(caseId);
      // Only cases looked up under this very session: a caseId from before a lock is dead.
      if (!held) return fail('NOT_FOUND');
      const answer = await calls.settle(hold.value, await client.act(hold.value.token, caseId, request));
      if (answer.ok) held.idCheckValidUntil = idCheckUntil(answer.value.diagnosis);
      return answer;
    },

    async 'staff.handOver'({ caseId }) {
      const hold = calls.signedIn();
      if (!hold.ok) return hold;
      const held = hold.value.cases.get(caseId);
      const profile = held && profileOf(held.profileId);
      if (!held || !profile) return fail('NOT_FOUND');
      // The reduced proof only while the check the server reported still holds; the server
      // checks it again on the person's lookup, whatever the kiosk sends.
      const checked = held.idCheckValidUntil !== null && held.idCheckValidUntil > deps.clock.now();
      const waived = checked ? [...(profile.staffAssist?.idCheck?.waives ?? [])] : [];
      const prefill = { ...held.identity };
      // Not awaited: the person is waiting; the server's idle expiry ends it if this is lost.
      void staffSession.lock('handedOver');
      deps.sessions.start(profile, waived);
      return ok({ profile, prefill, waived });
    },

    ...createStaffGroupHandlers({ config, staffCalls: calls, staffClient: client, terminalGroup: deps.terminalGroup }),
    ...createStaffFollowUpHandlers({ staffCalls: calls, staffClient: client }),
  };
}

/** The record fields staff typed, as the person's form will show them (never a letter secret). */
function recordFields(profile: Profile, identity: IdentityInput): IdentityInput {
  const fields: IdentityInput = {};
  for (const field of profile.identity.fields) {
    const value = identity[field.key];
    if (field.kind !== 'credential' && value !== undefined && value.length <= 64) fields[field.key] = value;
  }
  return fields;
}

function idCheckUntil(diagnosis: Diagnosis): number | null {
  return diagnosis.idCheck ? Date.parse(diagnosis.idCheck.validUntil) : null;
}
