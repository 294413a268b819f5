import { z } from 'zod';
import { IdentityInputSchema } from '../policies/identity-rules';
import { LocaleSchema } from '../schemas/localized-text-schema';
import { ProfileSchema } from '../schemas/profile-schema';
import { FleetResponseSchema } from './fleet-api';
import { FollowUpListResponseSchema, FollowUpResolveResponseSchema } from './follow-up-api';
import {
  BoardSchema,
  CaseIdSchema,
  CohortListResponseSchema,
  DiagnosisSchema,
  GroupIdSchema,
  GroupOpenRequestSchema,
  GroupSummarySchema,
  StaffActionRequestSchema,
  StaffActionResponseSchema,
  StaffIdentitySchema,
} from './staff-api';

/**
 * The staff half of the kiosk API (issue 6: `desk` and `assisted` modes), merged into
 * `kioskContract`. The staff token never reaches the renderer: core holds it in memory, sends
 * it with each staff call, and forgets it on sign-out, auto-lock or session expiry, with every
 * case and identity looked up under it (staff data wiped like a person's).
 */
const Empty = z.strictObject({});

export const STAFF_LOCK_REASONS = ['signedOut', 'idle', 'expired', 'handedOver'] as const;
export const StaffLockReasonSchema = z.enum(STAFF_LOCK_REASONS);

/** A group session this terminal joined: Welcome offers only its profile, under its banner. */
export const JoinedGroupSchema = z.object({ groupId: GroupIdSchema, profileId: z.string(), label: z.string() });

export const kioskStaffContract = {
  'staff.signIn': {
    input: z.strictObject({
      username: z.string().max(32),
      password: z.string().max(128),
      totp: z.string().max(8).optional(),
    }),
    output: z.object({ staff: StaffIdentitySchema, lockAfterS: z.number().int().positive() }),
  },
  'staff.signOut': { input: Empty, output: z.object({ wiped: z.literal(true) }) },
  /** Any input on a staff screen: pushes back the auto-lock (NO_SESSION once locked). */
  'staff.activity': { input: Empty, output: z.object({ lockDeadline: z.iso.datetime() }) },
  'staff.lookup': {
    input: z.strictObject({ profileId: z.string().max(48), identity: IdentityInputSchema }),
    output: DiagnosisSchema,
  },
  'staff.act': {
    input: z.strictObject({ caseId: CaseIdSchema, request: StaffActionRequestSchema }),
    output: StaffActionResponseSchema,
  },
  /**
   * "Continuer avec la personne": the staff session ends (locked, wiped) and a person session
   * starts on the looked-up profile, the identity form pre-filled with what staff typed and,
   * after an identity check the profile allows, without the fields the check replaces.
   */
  'staff.handOver': {
    input: z.strictObject({ caseId: CaseIdSchema }),
    output: z.object({
      profile: ProfileSchema,
      prefill: z.record(z.string(), z.string().max(64)),
      waived: z.array(z.string()).max(8),
    }),
  },
  'staff.cohorts': { input: z.strictObject({ profileId: z.string().max(48) }), output: CohortListResponseSchema },
  'staff.group.open': { input: GroupOpenRequestSchema, output: BoardSchema },
  /** This terminal joins a running group session (typed join code); it stays joined after sign-out. */
  'staff.group.join': { input: z.strictObject({ joinCode: z.string().max(8) }), output: JoinedGroupSchema },
  /** This terminal leaves its group session. */
  'staff.group.leave': { input: Empty, output: z.object({ left: z.literal(true) }) },
  /** Long poll: answers once the board's version exceeds `after`, or after about 20 s with the same one. */
  'staff.group.board': {
    input: z.strictObject({ groupId: GroupIdSchema, after: z.number().int().nonnegative().optional() }),
    output: BoardSchema,
  },
  'staff.group.close': { input: z.strictObject({ groupId: GroupIdSchema }), output: GroupSummarySchema },
  /** The closing summary as CSV (no secrets), mailed to the staff member's own address: nothing is saved on the terminal. */
  'staff.group.mailSummary': { input: z.strictObject({ groupId: GroupIdSchema, locale: LocaleSchema }), output: z.object({ sentTo: z.string().max(254) }) },
  /**
   * Issue 5: the open follow-ups (refusals reported after the person left), or every one behind
   * the receipt reference a person presents (`SES-…`, any case, spaces ignored). Any staff role.
   */
  'staff.followUps.list': {
    input: z.strictObject({ reference: z.string().max(32).optional() }),
    output: FollowUpListResponseSchema,
  },
  /** "Marquer comme traité": the person has been reached (audited on the server). */
  'staff.followUps.resolve': {
    input: z.strictObject({ followUpId: z.number().int().positive() }),
    output: FollowUpResolveResponseSchema,
  },
  /** "Parc des bornes": every terminal, its last heartbeat and flags. Admins only (FORBIDDEN otherwise). */
  'staff.fleet': { input: Empty, output: FleetResponseSchema },
} as const;

export const StaffLockedEventSchema = z.object({ type: z.literal('staff.locked'), reason: StaffLockReasonSchema });
