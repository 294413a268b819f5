/** French messages of the group screens (issue 6); keys mirrored in en-group.ts. */
export const frGroup = {} as const;
