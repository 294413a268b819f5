import type { Terms } from '../../../../shared/schemas/profile-schema';
import { callKiosk } from '../api/kiosk-client';

/**
 * The terms the live session asks the person to accept (issue 5). They differ from the ones
 * shown when the server refused a stale version mid-visit: the back end then holds the server's
 * new terms, and the person must read and tick those. Null when there are none or no answer.
 */
export async function sessionTerms(): Promise<Terms | null> {
  const answer = await callKiosk('session.terms', {});
  return answer.ok ? answer.value.terms : null;
}
