import { kioskStaffContract } from '../../../shared/contract/kiosk-staff-api';
import type { KioskHandlers } from '../../../shared/contract/kiosk-api';
import { fail } from '../../../shared/contract/result';

type StaffMethod = keyof typeof kioskStaffContract;

// PLACEHOLDER (issue 6, in progress): replaced by the real staff handlers.
export function createStaffHandlers(): Pick<KioskHandlers, StaffMethod> {
  const table: Partial<Record<StaffMethod, () => Promise<unknown>>> = {};
  for (const method of Object.keys(kioskStaffContract) as StaffMethod[]) table[method] = () => Promise.resolve(fail('UNAUTHORIZED'));
  return table as Pick<KioskHandlers, StaffMethod>;
}
