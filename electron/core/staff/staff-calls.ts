import { fail, ok, type Result } from '../../../shared/contract/result';
import type { TerminalConfig } from '../../../shared/schemas/terminal-config-schema';
import type { ClientResult } from '../sync/json-request';
import type { StaffHold, StaffSession } from './staff-session';

export interface StaffCallOptions {
  /** Push the lock deadline back (false: the group board's long poll, which no one typed). */
  activity?: boolean;
}

/**
 * What every staff method does around its server call: refuse on a shared terminal (it never
 * offers staff sign-in), refuse without a signed-in staff member, count the call as activity,
 * drop an answer that arrives after a lock, and lock when the server says the staff session is
 * over (UNAUTHORIZED: server idle expiry, account disabled, token refused).
 */
export function createStaffCalls(deps: { config: TerminalConfig; staffSession: StaffSession }) {
  const { staffSession } = deps;

  function signedIn(options: StaffCallOptions = {}): Result<StaffHold> {
    if (deps.config.mode === 'shared') return fail('FORBIDDEN');
    const hold = staffSession.current();
    if (!hold) return fail('UNAUTHORIZED');
    if (options.activity !== false) staffSession.touch();
    return ok(hold);
  }

  async function settle<T>(hold: StaffHold, answer: ClientResult<T>, options: StaffCallOptions = {}): Promise<Result<T>> {
    if (!staffSession.isLive(hold)) return fail('UNAUTHORIZED');
    if (!answer.ok) {
      if (answer.error.code === 'UNAUTHORIZED') await staffSession.lock('expired');
      return { ok: false, error: answer.error };
    }
    if (options.activity !== false) staffSession.touch();
    return ok(answer.value);
  }

  return {
    signedIn,
    settle,
    /** `signedIn`, the call with the token, then `settle`: the common shape of a staff method. */
    async run<T>(call: (hold: StaffHold) => Promise<ClientResult<T>>, options: StaffCallOptions = {}): Promise<Result<T>> {
      const hold = signedIn(options);
      if (!hold.ok) return hold;
      return settle(hold.value, await call(hold.value), options);
    },
  };
}

export type StaffCalls = ReturnType<typeof createStaffCalls>;
