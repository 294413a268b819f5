/** French messages of the staff screens (issue 6); keys mirrored in en-staff.ts. */
export const frStaff = {} as const;
