import type { frStaff } from './fr-staff';

/** English messages of the staff screens (issue 6); French is the reference. */
export const enStaff: Partial<Record<keyof typeof frStaff, string>> = {};
