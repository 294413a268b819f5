import { createKioskCore, type KioskCore } from '../../../electron/core/create-kiosk-core';
import type { Clock } from '../../../electron/core/clock';
import { loadProfiles } from '../../../electron/core/config/profile-loader';
import type { KioskEvent } from '../../../shared/contract/kiosk-api';
import { STAFF_TOKEN_HEADER } from '../../../shared/contract/staff-api';
import type { TerminalConfig } from '../../../shared/schemas/terminal-config-schema';
import { startSmtpSink } from '../../support/smtp-sink';
import { PROFILES_DIR } from '../../unit/core/support/cergy-profile';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { terminalConfigFor } from '../../unit/core/support/terminal-config';
import { FakeClock, ServerHarness } from '../server/helpers/server-harness';
import { createStaff } from '../server/helpers/staff-harness';
import { TEST_TIMING } from './core-harness';

export const STAFF_PROFILES = ['cergy-etudiant', 'ent77-college'];
export const AGENT = 'agent.durand';

/**
 * The kiosk core of a desk terminal against the real reference server (issue 6), an agent
 * account created as the CLI does, and a record of the staff tokens the core sent (read off
 * the wire, so a test can check the server refuses them and the disk never holds them).
 */
export async function startStaffRig(options: { mode?: TerminalConfig['mode']; lockAfterS?: number; clock?: Clock } = {}) {
  const folder = makeTempFolder();
  const sink = await startSmtpSink();
  // The server's clock stands at the real now: the core's clock and the server's agree on when an id check ends.
  const server = await ServerHarness.start({ clock: new FakeClock(new Date()), mail: { smtpUrl: sink.url } });
  const { password } = await createStaff(server, { username: AGENT, displayName: 'Agent Durand', role: 'agent' });
  const sentTokens = new Set<string>();
  const staffCallsOnTheWire = new Set<Promise<void>>();
  let staffRequestsSent = 0;
  const watchingFetch: typeof fetch = (input, init) => {
    const token = new Headers(init?.headers).get(STAFF_TOKEN_HEADER);
    const answer = fetch(input, init);
    if (token) {
      sentTokens.add(token);
      staffRequestsSent += 1;
      const settled = answer.then(() => undefined, () => undefined);
      staffCallsOnTheWire.add(settled);
      void settled.then(() => staffCallsOnTheWire.delete(settled));
    }
    return answer;
  };
  const config: TerminalConfig = {
    ...terminalConfigFor({ url: server.url, token: server.token }),
    mode: options.mode ?? 'desk',
    profiles: STAFF_PROFILES,
    staff: { lockAfterS: options.lockAfterS ?? 120 },
  };
  const kioskDir = `${folder.path}/kiosk`;
  const core: KioskCore = await createKioskCore({
    dataDir: kioskDir, config, profiles: loadProfiles(PROFILES_DIR, STAFF_PROFILES), timing: TEST_TIMING, fetch: watchingFetch,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const events: KioskEvent[] = [];
  core.subscribe((event) => events.push(event));
  return {
    server, core, events, kioskDir, password, sentTokens, sink,
    signIn(typed = password) {
      return core.handlers['staff.signIn']({ username: AGENT, password: typed });
    },
    /**
     * Until every staff request the core has sent is answered: an auto-lock's sign-out on the
     * server is fired by a timer, so nothing else says when the server has ended the session.
     */
    /** How many requests carried a staff token so far. */
    get staffRequestsSent(): number {
      return staffRequestsSent;
    },
    async staffCallsAnswered(): Promise<void> {
      while (staffCallsOnTheWire.size > 0) await Promise.all([...staffCallsOnTheWire]);
    },
    async close(): Promise<void> {
      await core.close();
      await server.close();
      await sink.close();
      folder.remove();
    },
  };
}

export type StaffRig = Awaited<ReturnType<typeof startStaffRig>>;
