import type { z } from 'zod';
import type { JoinedGroupSchema } from '../../../shared/contract/kiosk-staff-api';
import type { Clock } from '../clock';
import type { StaffClient } from './staff-client';

type JoinedGroup = z.infer<typeof JoinedGroupSchema>;

/** `terminal.describe` is asked at every Welcome screen; the server is asked at most this often. */
export const TERMINAL_GROUP_CACHE_MS = 5_000;

/**
 * The group session this terminal joined, as the server says (`GET /v1/terminal/group`): the
 * server is the authority (a group closed at the desk ends it on every terminal). Null when
 * offline or on any error, so Welcome falls back to the terminal's usual profiles.
 */
export function createTerminalGroup(options: { client: StaffClient; clock: Clock; timeoutMs: number }) {
  let cached: { at: number; group: JoinedGroup | null } | null = null;

  return {
    async current(): Promise<JoinedGroup | null> {
      const now = options.clock.now();
      if (cached && now - cached.at < TERMINAL_GROUP_CACHE_MS) return cached.group;
      const answer = await options.client.terminalGroup(options.timeoutMs);
      const group = answer.ok ? answer.value.group : null;
      cached = { at: now, group };
      return group;
    },
    /** After a join or a leave here: the next describe asks again. */
    forget(): void {
      cached = null;
    },
  };
}

export type TerminalGroup = ReturnType<typeof createTerminalGroup>;
