import { callKiosk } from '../lib/api/kiosk-client';

/**
 * A page that starts (first load, F5, the shell's reload after a renderer crash) has no staff
 * screen and no banner, so no staff session may outlive it in the back end: one left there would
 * answer staff calls with nobody seeing "Mode assisté" (issue 6). Signing out is the core's full
 * lock: the token is revoked on the server and every case dropped; with nobody signed in it is a
 * no-op, and a shared terminal refuses it (FORBIDDEN), which is as good.
 */
export async function endStaffSessionLeftByAnEarlierPage(): Promise<void> {
  await callKiosk('staff.signOut', {});
}
