import type { z } from 'zod';
import {
  BoardSchema,
  CohortListResponseSchema,
  DiagnosisSchema,
  GroupJoinResponseSchema,
  GroupSummaryMailResponseSchema,
  GroupSummarySchema,
  SignedOutResponseSchema,
  STAFF_TOKEN_HEADER,
  StaffActionResponseSchema,
  StaffSessionResponseSchema,
  staffRoutes,
  TerminalGroupResponseSchema,
  type GroupOpenRequestSchema,
  type StaffActionRequest,
  type StaffLookupRequestSchema,
  type StaffSignInRequestSchema,
} from '../../../shared/contract/staff-api';
import { FleetResponseSchema, fleetRoutes } from '../../../shared/contract/fleet-api';
import { FollowUpListResponseSchema, FollowUpResolveResponseSchema, followUpRoutes } from '../../../shared/contract/follow-up-api';
import type { ClientResult, JsonRequester } from '../sync/json-request';
import type { Locale } from '../../../shared/schemas/localized-text-schema';

/**
 * The kiosk's client of the staff routes (issue 6). Every call carries the terminal's bearer
 * token (the requester adds it) and, once signed in, the staff session token in
 * `STAFF_TOKEN_HEADER`; every answer is parsed with the shared schemas. The token is an
 * argument, never a field: staff-session.ts alone holds it.
 */
export type StaffRoute = keyof typeof staffRoutes;

/** The board long poll asks the server to wait this long for a change (≤ BOARD_MAX_WAIT_S). */
export const BOARD_WAIT_S = 20;

export function createStaffClient(options: { requester: JsonRequester; timeoutMs: number }) {
  const { requester } = options;

  function call<S extends z.ZodType>(route: StaffRoute, token: string | null, schema: S, extra: { path?: string; body?: unknown; timeoutMs?: number } = {}): Promise<ClientResult<z.infer<S>>> {
    const { method, path } = staffRoutes[route];
    const headers = token === null ? undefined : { [STAFF_TOKEN_HEADER]: token };
    return requester.send({ route: `staff.${route}`, method, path: extra.path ?? path, body: extra.body, timeoutMs: extra.timeoutMs, headers }, schema);
  }

  function withId(route: 'act' | 'groupBoard' | 'groupClose' | 'groupSummaryMail', id: string): string {
    return staffRoutes[route].path.replace(/:(caseId|groupId)/, encodeURIComponent(id));
  }

  /** Follow-ups and the fleet live in their own route tables (issue 5), under the same two tokens. */
  function callAt<S extends z.ZodType>(route: string, at: { method: 'GET' | 'POST'; path: string }, token: string, schema: S, body?: unknown): Promise<ClientResult<z.infer<S>>> {
    return requester.send({ route, method: at.method, path: at.path, body, headers: { [STAFF_TOKEN_HEADER]: token } }, schema);
  }

  return {
    signIn(body: z.input<typeof StaffSignInRequestSchema>) {
      return call('signIn', null, StaffSessionResponseSchema, { body });
    },
    signOut(token: string) {
      return call('signOut', token, SignedOutResponseSchema);
    },
    lookup(token: string, body: z.input<typeof StaffLookupRequestSchema>) {
      return call('lookup', token, DiagnosisSchema, { body });
    },
    act(token: string, caseId: string, body: StaffActionRequest) {
      return call('act', token, StaffActionResponseSchema, { path: withId('act', caseId), body });
    },
    cohorts(token: string, profileId: string) {
      return call('cohorts', token, CohortListResponseSchema, { path: `${staffRoutes.cohorts.path}?profileId=${encodeURIComponent(profileId)}` });
    },
    groupOpen(token: string, body: z.input<typeof GroupOpenRequestSchema>) {
      return call('groupOpen', token, BoardSchema, { body });
    },
    groupJoin(token: string, joinCode: string) {
      return call('groupJoin', token, GroupJoinResponseSchema, { body: { joinCode } });
    },
    /** Answers the terminal's group after leaving (null); `{}`: a JSON POST without a body is refused. */
    groupLeave(token: string) {
      return call('groupLeave', token, TerminalGroupResponseSchema, { body: {} });
    },
    /** Terminal token only: the group this terminal joined, the server being the authority. */
    terminalGroup(timeoutMs?: number) {
      return call('terminalGroup', null, TerminalGroupResponseSchema, { timeoutMs });
    },
    /** Long poll: the client's budget is the server's wait plus a normal request's. */
    groupBoard(token: string, groupId: string, after: number | undefined) {
      const query = new URLSearchParams({ waitS: String(BOARD_WAIT_S), ...(after === undefined ? {} : { after: String(after) }) });
      return call('groupBoard', token, BoardSchema, { path: `${withId('groupBoard', groupId)}?${query}`, timeoutMs: BOARD_WAIT_S * 1000 + options.timeoutMs });
    },
    groupClose(token: string, groupId: string) {
      return call('groupClose', token, GroupSummarySchema, { path: withId('groupClose', groupId), body: {} });
    },
    /** In the staff member's language: the summary is for them. */
    groupMailSummary(token: string, groupId: string, locale: Locale) {
      return call('groupSummaryMail', token, GroupSummaryMailResponseSchema, { path: withId('groupSummaryMail', groupId), body: { locale } });
    },
    /** Open follow-ups, or every one behind `reference` (already in `SES-XXXX-XXXX` form). */
    followUps(token: string, reference: string | undefined) {
      const path = reference === undefined ? followUpRoutes.list.path : `${followUpRoutes.list.path}?${new URLSearchParams({ reference })}`;
      return callAt('staff.followUps', { method: followUpRoutes.list.method, path }, token, FollowUpListResponseSchema);
    },
    resolveFollowUp(token: string, followUpId: number) {
      const path = followUpRoutes.resolve.path.replace(':followUpId', String(followUpId));
      return callAt('staff.followUpResolve', { method: followUpRoutes.resolve.method, path }, token, FollowUpResolveResponseSchema, {});
    },
    fleet(token: string) {
      return callAt('staff.fleet', fleetRoutes.adminFleet, token, FleetResponseSchema);
    },
  };
}

export type StaffClient = ReturnType<typeof createStaffClient>;
