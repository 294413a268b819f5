import type { frGroup } from './fr-group';

/** English messages of the group screens (issue 6); French is the reference. */
export const enGroup: Partial<Record<keyof typeof frGroup, string>> = {};
