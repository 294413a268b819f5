import type { KioskHandlers } from '../../../shared/contract/kiosk-api';
import { fail } from '../../../shared/contract/result';
import { receiptReferenceFrom } from './receipt-reference';
import type { StaffCalls } from './staff-calls';
import type { StaffClient } from './staff-client';

type FollowUpHandlers = Pick<KioskHandlers, 'staff.followUps.list' | 'staff.followUps.resolve' | 'staff.fleet'>;

/**
 * Follow-ups and the fleet from the desk (issue 5), under the staff session like every staff
 * call. The server decides who may do what: an agent asking for the fleet gets its FORBIDDEN
 * (and the refusal is audited there), whatever the screens offer.
 */
export function createStaffFollowUpHandlers(deps: { staffCalls: StaffCalls; staffClient: StaffClient }): FollowUpHandlers {
  const { staffCalls: calls, staffClient: client } = deps;

  return {
    async 'staff.followUps.list'({ reference }) {
      const typed = reference?.trim() ?? '';
      const wanted = typed === '' ? undefined : receiptReferenceFrom(typed);
      if (wanted === null) {
        // Checked after the session so a locked screen is told UNAUTHORIZED, not "bad format".
        const hold = calls.signedIn();
        return hold.ok ? fail('INVALID_INPUT', { fields: [{ key: 'reference', reason: 'format' }] }) : hold;
      }
      return calls.run((hold) => client.followUps(hold.token, wanted));
    },
    'staff.followUps.resolve'({ followUpId }) {
      return calls.run((hold) => client.resolveFollowUp(hold.token, followUpId));
    },
    'staff.fleet'() {
      return calls.run((hold) => client.fleet(hold.token));
    },
  };
}
