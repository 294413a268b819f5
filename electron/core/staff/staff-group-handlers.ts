import type { KioskHandlers } from '../../../shared/contract/kiosk-api';
import { JoinCodeSchema } from '../../../shared/contract/staff-api';
import { parseWith } from '../../../shared/contract/parse';
import { fail, ok } from '../../../shared/contract/result';
import type { TerminalConfig } from '../../../shared/schemas/terminal-config-schema';
import type { StaffCalls } from './staff-calls';
import type { StaffClient } from './staff-client';
import type { TerminalGroup } from './terminal-group';

export interface StaffGroupHandlerDeps {
  config: TerminalConfig;
  staffCalls: StaffCalls;
  staffClient: StaffClient;
  terminalGroup: TerminalGroup;
}

type GroupHandlers = Pick<
  KioskHandlers,
  'staff.cohorts' | 'staff.group.open' | 'staff.group.join' | 'staff.group.leave' | 'staff.group.board' | 'staff.group.close' | 'staff.group.mailSummary'
>;

/** Group sessions (issue 6): opened, joined and watched by staff; the server holds the board. */
export function createStaffGroupHandlers(deps: StaffGroupHandlerDeps): GroupHandlers {
  const { staffCalls: calls, staffClient: client } = deps;

  return {
    'staff.cohorts'({ profileId }) {
      return calls.run((hold) => client.cohorts(hold.token, profileId));
    },
    'staff.group.open'(request) {
      return calls.run((hold) => client.groupOpen(hold.token, request));
    },
    async 'staff.group.join'({ joinCode }) {
      const hold = calls.signedIn();
      if (!hold.ok) return hold;
      const code = parseWith(JoinCodeSchema, joinCode);
      if (!code.ok) return fail('INVALID_INPUT', { fields: [{ key: 'joinCode', reason: 'format' }] });
      const answer = await calls.settle(hold.value, await client.groupJoin(hold.value.token, code.data));
      deps.terminalGroup.forget();
      return answer;
    },
    async 'staff.group.leave'() {
      const answer = await calls.run((hold) => client.groupLeave(hold.token));
      deps.terminalGroup.forget();
      return answer.ok ? ok({ left: true as const }) : answer;
    },
    'staff.group.board'({ groupId, after }) {
      // The long poll is the page's doing, not the staff member's: counted as activity, a board
      // left open would keep an unattended laptop signed in for ever, with the lookup a tap away
      // (issue 6: an unattended staff screen locks itself). Only staff input pushes the lock back.
      return calls.run((hold) => client.groupBoard(hold.token, groupId, after), { activity: false });
    },
    'staff.group.close'({ groupId }) {
      return calls.run((hold) => client.groupClose(hold.token, groupId));
    },
    'staff.group.mailSummary'({ groupId, locale }) {
      return calls.run((hold) => client.groupMailSummary(hold.token, groupId, locale));
    },
  };
}
