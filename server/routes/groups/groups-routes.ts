import { z } from 'zod';
import {
  BOARD_MAX_WAIT_S,
  BoardQuerySchema,
  BoardSchema,
  CohortListResponseSchema,
  GroupIdSchema,
  GroupJoinRequestSchema,
  GroupJoinResponseSchema,
  GroupOpenRequestSchema,
  GroupSummaryMailRequestSchema,
  GroupSummaryMailResponseSchema,
  GroupSummarySchema,
  TerminalGroupResponseSchema,
  staffRoutes,
} from '../../../shared/contract/staff-api';
import { ProfileIdSchema } from '../../../shared/contract/enrollment-api';
import type { App } from '../../plugins/app-types';
import { sendError } from '../../plugins/error-handler-plugin';
import { buildBoard, waitForAuditAfter } from '../../services/groups/group-board';
import { closeGroupSession, joinGroupByCode, leaveGroup, openGroup, terminalGroup } from '../../services/groups/group-service';
import { exportSummaryCsv, mailGroupSummary } from '../../services/groups/group-summary';
import type { ServiceContext } from '../../services/service-context';

const GroupParamsSchema = z.object({ groupId: GroupIdSchema });
const DEFAULT_WAIT_S = 20;
/** A teacher's list of up to 12 KiB, JSON-escaped, fits (the app's default limit is 16 KiB). */
const GROUP_OPEN_BODY_LIMIT = 48 * 1024;
const AGENT = { staffRole: 'agent' as const };

/** Group sessions (issue 6): open from a cohort or a list, join, follow the board live, close, summarise. */
export function registerGroupRoutes(app: App, ctx: ServiceContext): void {
  // Long polls stop waiting when the server closes, so closing never waits for BOARD_MAX_WAIT_S.
  const polls = new Set<AbortController>();
  app.addHook('preClose', async () => {
    for (const poll of polls) poll.abort();
  });

  app.get(staffRoutes.cohorts.path, { config: AGENT, schema: { querystring: z.object({ profileId: ProfileIdSchema }), response: { 200: CohortListResponseSchema } } }, async (request, reply) => {
    if (!ctx.profiles.has(request.query.profileId)) return sendError(reply, { code: 'NOT_FOUND' });
    return { cohorts: await ctx.store.groups.listCohorts(request.query.profileId) };
  });

  app.post(
    staffRoutes.groupOpen.path,
    { config: AGENT, bodyLimit: GROUP_OPEN_BODY_LIMIT, schema: { body: GroupOpenRequestSchema, response: { 201: BoardSchema } } },
    async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const opened = await openGroup(ctx, request.staff, request.body);
      if (!opened.ok) return sendError(reply, opened.error);
      return reply.code(201).send(await buildBoard(ctx, opened.value));
    },
  );

  app.post(staffRoutes.groupJoin.path, { config: AGENT, schema: { body: GroupJoinRequestSchema, response: { 200: GroupJoinResponseSchema } } }, async (request, reply) => {
    if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
    const joined = await joinGroupByCode(ctx, request.staff, request.body.joinCode);
    return joined.ok ? joined.value : sendError(reply, joined.error);
  });

  app.post(staffRoutes.groupLeave.path, { config: AGENT, schema: { response: { 200: TerminalGroupResponseSchema } } }, async (request, reply) => {
    if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
    await leaveGroup(ctx, request.staff);
    return { group: await terminalGroup(ctx, request.terminalId) };
  });

  // The terminal's bearer token only: the kiosk asks at each Welcome, no one signed in.
  app.get(staffRoutes.terminalGroup.path, { schema: { response: { 200: TerminalGroupResponseSchema } } }, async (request) => ({
    group: await terminalGroup(ctx, request.terminalId),
  }));

  app.get(
    staffRoutes.groupBoard.path,
    { config: AGENT, schema: { params: GroupParamsSchema, querystring: BoardQuerySchema, response: { 200: BoardSchema } } },
    async (request, reply) => {
      if (!await ctx.store.groups.findGroup(request.params.groupId)) return sendError(reply, { code: 'NOT_FOUND' });
      const { after, waitS } = request.query;
      if (after !== undefined) {
        const poll = new AbortController();
        polls.add(poll);
        const clientGone = () => poll.abort();
        reply.raw.once('close', clientGone);
        try {
          await waitForAuditAfter(ctx.store, after, Math.min(waitS ?? DEFAULT_WAIT_S, BOARD_MAX_WAIT_S), poll.signal);
        } finally {
          reply.raw.off('close', clientGone);
          polls.delete(poll);
        }
      }
      const group = await ctx.store.groups.findGroup(request.params.groupId);
      return group ? await buildBoard(ctx, group) : sendError(reply, { code: 'NOT_FOUND' });
    },
  );

  app.post(staffRoutes.groupClose.path, { config: AGENT, schema: { params: GroupParamsSchema, response: { 200: GroupSummarySchema } } }, async (request, reply) => {
    if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
    const group = await ctx.store.groups.findGroup(request.params.groupId);
    if (!group) return sendError(reply, { code: 'NOT_FOUND' });
    const final = await buildBoard(ctx, group);
    const closed = await closeGroupSession(ctx, request.staff, group.id, final.summary.counts);
    return closed.ok ? (await buildBoard(ctx, closed.value)).summary : sendError(reply, closed.error);
  });

  app.get(staffRoutes.groupSummaryCsv.path, { config: AGENT, schema: { params: GroupParamsSchema } }, async (request, reply) => {
    if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
    const group = await ctx.store.groups.findGroup(request.params.groupId);
    if (!group) return sendError(reply, { code: 'NOT_FOUND' });
    const csv = await exportSummaryCsv(ctx, request.staff, await buildBoard(ctx, group));
    return reply.type('text/csv; charset=utf-8').header('cache-control', 'no-store').send(csv);
  });

  app.post(
    staffRoutes.groupSummaryMail.path,
    { config: AGENT, schema: { params: GroupParamsSchema, body: GroupSummaryMailRequestSchema, response: { 200: GroupSummaryMailResponseSchema } } },
    async (request, reply) => {
      if (!request.staff) return sendError(reply, { code: 'UNAUTHORIZED' });
      const group = await ctx.store.groups.findGroup(request.params.groupId);
      if (!group) return sendError(reply, { code: 'NOT_FOUND' });
      const mailed = await mailGroupSummary(ctx, request.staff, await buildBoard(ctx, group), request.body?.locale);
      return mailed.ok ? mailed.value : sendError(reply, mailed.error);
    },
  );
}
