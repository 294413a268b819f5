import { z } from 'zod';
import { FollowUpKindSchema, ReceiptReferenceSchema } from './fleet-api';

/**
 * Staff follow-ups (issue 5): final refusals terminals got after the person had left, reported
 * in their heartbeats. Staff list the open ones, find one by the reference the person presents,
 * and mark it resolved once they have reached the person (audited). Any staff role may do both.
 */
export const FollowUpIdSchema = z.coerce.number().int().positive();

export const FollowUpSchema = z.object({
  id: z.number().int().positive(),
  terminalId: z.string(),
  reference: ReceiptReferenceSchema,
  kind: FollowUpKindSchema,
  code: z.string(),
  refusedAt: z.iso.datetime(),
  receivedAt: z.iso.datetime(),
  resolvedAt: z.iso.datetime().optional(),
  resolvedBy: z.string().optional(),
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const FollowUpListQuerySchema = z.strictObject({
  /** `open` by default; `all` includes the resolved ones. Ignored with `reference`. */
  state: z.enum(['open', 'all']).default('open'),
  /** The reference the person presents at the desk (`SES-…`): that reference's follow-ups only. */
  reference: z.string().trim().toUpperCase().pipe(ReceiptReferenceSchema).optional(),
});

export const FollowUpListResponseSchema = z.object({ followUps: z.array(FollowUpSchema) });
export type FollowUpListResponse = z.infer<typeof FollowUpListResponseSchema>;

export const FollowUpResolveResponseSchema = z.object({ followUp: FollowUpSchema });

export const followUpRoutes = {
  /** Terminal bearer token and a staff token (agent or admin). */
  list: { method: 'GET', path: '/v1/staff/follow-ups' },
  resolve: { method: 'POST', path: '/v1/staff/follow-ups/:followUpId/resolve' },
} as const;
