import { z } from 'zod';
import { IdentityInputSchema } from '../policies/identity-rules';
import { LocaleSchema } from '../schemas/localized-text-schema';
import { ProfileIdSchema } from './enrollment-api';

/**
 * Staff and admin routes of the enrollment API (issue 6), under `/v1/staff` and `/v1/admin`.
 * Every call carries the terminal's bearer token AND a staff session token in
 * `STAFF_TOKEN_HEADER`; the session is bound to the terminal it was opened on, so a token
 * copied to another terminal is refused. The server checks the role of every call, whatever
 * the kiosk sends, and audits every action (never a secret).
 */
export const STAFF_TOKEN_HEADER = 'x-sesame-staff';

export const STAFF_ROLES = ['agent', 'admin'] as const;
export const StaffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof StaffRoleSchema>;

export const StaffUsernameSchema = z.string().trim().toLowerCase().regex(/^[a-z][a-z0-9._-]{1,31}$/);
export const StaffTokenSchema = z.string().regex(/^st_[A-Za-z0-9_-]{32,64}$/);
export const TotpCodeSchema = z.string().regex(/^\d{6}$/);

export const StaffSignInRequestSchema = z.strictObject({
  username: StaffUsernameSchema,
  password: z.string().min(1).max(128),
  /** Required for an account with a second factor; ignored otherwise. */
  totp: TotpCodeSchema.optional(),
});

export const StaffIdentitySchema = z.object({
  username: z.string(),
  displayName: z.string().min(1).max(80),
  role: StaffRoleSchema,
});
export type StaffIdentity = z.infer<typeof StaffIdentitySchema>;

export const StaffSessionResponseSchema = z.object({
  token: StaffTokenSchema,
  staff: StaffIdentitySchema,
  /** Absolute end of the session; each call also pushes back a short server-side idle expiry. */
  expiresAt: z.iso.datetime(),
});

/** Diagnosis statuses: the kiosk's own outcome codes, plus states only staff see. */
export const DIAGNOSIS_STATUSES = [
  'eligible',
  'PAYMENT_PENDING',
  'NOT_YET_OPEN',
  'ALREADY_ACTIVE',
  'ACCOUNT_DEACTIVATED',
  'CODE_USED',
  'CODE_EXPIRED',
  /** A chosen password waits for the emailed link or code (umontpellier, parents). */
  'AWAITING_EMAIL',
] as const;
export const DiagnosisStatusSchema = z.enum(DIAGNOSIS_STATUSES);
export type DiagnosisStatus = z.infer<typeof DiagnosisStatusSchema>;

export const STAFF_ACTIONS = ['idCheck', 'issueCredential', 'resendEmail', 'correctEmail', 'liftThrottle', 'reactivate'] as const;
export const StaffActionIdSchema = z.enum(STAFF_ACTIONS);
export type StaffActionId = z.infer<typeof StaffActionIdSchema>;

export const ID_DOCUMENTS = ['idCard', 'passport', 'residencePermit', 'studentCard', 'schoolCertificate'] as const;

export const CaseIdSchema = z.string().regex(/^c_[A-Za-z0-9_-]{16,40}$/);

/**
 * What staff see of one person. Never a secret, never a clear address: contact addresses are
 * masked (`j***@exemple.fr`), like the kiosk shows them. `actions` are those the server would
 * accept now for this person and this staff member's role.
 */
export const DiagnosisSchema = z.object({
  caseId: CaseIdSchema,
  profileId: ProfileIdSchema,
  status: DiagnosisStatusSchema,
  /** NOT_YET_OPEN: when activation opens. */
  opensAt: z.iso.datetime().optional(),
  /** The account's identifier when the server knows it (letters, chosen-password profiles). */
  login: z.string().max(120).optional(),
  enrolledAt: z.iso.datetime(),
  channel: z.enum(['online', 'remote']),
  payment: z.enum(['paid', 'grant', 'pending']),
  paidAt: z.iso.datetime().optional(),
  activatedAt: z.iso.datetime().optional(),
  deactivatedAt: z.iso.datetime().optional(),
  /** Parents: past this instant the record is deleted and can no longer be reactivated. */
  deletionAt: z.iso.datetime().optional(),
  /** The letter's code or provisional password, for profiles that have one. */
  credential: z
    .object({
      kind: z.enum(['activationCode', 'provisionalPassword']),
      state: z.enum(['none', 'valid', 'used', 'expired']),
      expiresAt: z.iso.datetime().optional(),
    })
    .optional(),
  emailOnFile: z.string().max(254).optional(),
  contactEmail: z.string().max(254).optional(),
  /** An activation waiting for its emailed proof. */
  pendingEmail: z.object({ sentTo: z.string().max(254), expiresAt: z.iso.datetime(), resendsLeft: z.number().int().nonnegative() }).optional(),
  /** A "mot de passe oublié" request waiting for its code, and how many times staff may still send it (a new code each time). */
  pendingReset: z.object({ expiresAt: z.iso.datetime(), resendsLeft: z.number().int().nonnegative() }).optional(),
  /** The person is throttled (LOCKDOWN.md #17) until then. */
  throttledUntil: z.iso.datetime().optional(),
  /** An identity document was checked by staff; the reduced proof is accepted until `validUntil`. */
  idCheck: z.object({ checkedAt: z.iso.datetime(), validUntil: z.iso.datetime(), by: z.string().max(80) }).optional(),
  actions: z.array(StaffActionIdSchema),
  /** Actions that apply to this person but wait for an identity check recorded in this case (ID_CHECK_REQUIRED until then). */
  afterIdCheck: z.array(StaffActionIdSchema).optional(),
});
export type Diagnosis = z.infer<typeof DiagnosisSchema>;

/** Staff search by the profile's identity fields (letter secrets excluded), never by browsing. */
export const StaffLookupRequestSchema = z.strictObject({
  profileId: ProfileIdSchema,
  identity: IdentityInputSchema,
});

export const StaffActionRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ action: z.literal('idCheck'), document: z.enum(ID_DOCUMENTS) }),
  z.strictObject({ action: z.literal('issueCredential') }),
  z.strictObject({ action: z.literal('resendEmail'), locale: LocaleSchema }),
  z.strictObject({ action: z.literal('correctEmail'), email: z.email().max(254), locale: LocaleSchema }),
  z.strictObject({ action: z.literal('liftThrottle') }),
  z.strictObject({ action: z.literal('reactivate') }),
]);
export type StaffActionRequest = z.infer<typeof StaffActionRequestSchema>;

export const StaffActionResponseSchema = z.object({
  /** The person as they are after the action. */
  diagnosis: DiagnosisSchema,
  /** issueCredential: the new code or provisional password, shown once on the staff screen, never logged or stored in clear. */
  issued: z.object({ kind: z.enum(['activationCode', 'provisionalPassword']), secret: z.string().min(4).max(64), login: z.string().max(120).optional(), expiresAt: z.iso.datetime() }).optional(),
  /** resendEmail / correctEmail: where the message went (the activation email or the password reset), masked; absent when nothing was sent. */
  sentTo: z.string().max(254).optional(),
});
export type StaffActionResponse = z.infer<typeof StaffActionResponseSchema>;

/* ---------- group sessions ---------- */

export const GroupIdSchema = z.string().regex(/^g_[A-Za-z0-9_-]{16,40}$/);
/** Typed on a kiosk to join a session: unambiguous alphabet (no O/0, I/1/l). */
export const JoinCodeSchema = z.string().trim().toUpperCase().regex(/^[A-HJ-NP-Z2-9]{6}$/);
export const CohortSchema = z.string().trim().regex(/^[\p{L}\p{Nd}][\p{L}\p{Nd} ._-]{0,39}$/u);

/** A CSV with the profile's identity columns (as for imports) plus an optional `label` column. */
export const GROUP_CSV_MAX_BYTES = 12 * 1024;

export const GroupOpenRequestSchema = z.strictObject({
  profileId: ProfileIdSchema,
  label: z.string().trim().min(1).max(60),
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('cohort'), cohort: CohortSchema }),
    z.strictObject({ kind: z.literal('csv'), csv: z.string().min(1).max(GROUP_CSV_MAX_BYTES) }),
  ]),
});

export const MEMBER_STATES = ['waiting', 'awaitingEmail', 'done', 'blocked'] as const;
export const MemberStateSchema = z.enum(MEMBER_STATES);

export const BoardMemberSchema = z.object({
  /** Row number in the list, stable for the life of the session. */
  no: z.number().int().positive(),
  /** As the list gave it ("Camille R.", a login): staff-provided, never a secret. */
  label: z.string().max(80),
  state: MemberStateSchema,
  /** blocked: why, as a stable code (PAYMENT_PENDING, NOT_YET_OPEN, ACCOUNT_DEACTIVATED, CODE_EXPIRED, THROTTLED, NOT_FOUND…). */
  reason: z.string().max(32).optional(),
  opensAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});
export type BoardMember = z.infer<typeof BoardMemberSchema>;

export const GroupSummarySchema = z.object({
  groupId: GroupIdSchema,
  profileId: ProfileIdSchema,
  label: z.string(),
  joinCode: JoinCodeSchema,
  openedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().optional(),
  openedBy: z.string().max(80),
  counts: z.record(MemberStateSchema, z.number().int().nonnegative()),
  /** Terminals that joined, by id. */
  terminals: z.array(z.string()).max(64),
});
export type GroupSummary = z.infer<typeof GroupSummarySchema>;

export const BoardSchema = z.object({
  /** Grows with every change that may move the board; a long poll waits for a greater one. */
  version: z.number().int().nonnegative(),
  summary: GroupSummarySchema,
  members: z.array(BoardMemberSchema).max(500),
});
export type Board = z.infer<typeof BoardSchema>;

export const CohortListResponseSchema = z.object({
  cohorts: z.array(z.object({ cohort: z.string(), members: z.number().int().nonnegative() })).max(500),
});

export const GroupJoinRequestSchema = z.strictObject({ joinCode: JoinCodeSchema });
/** `GET …/board?after=N&waitS=S`: answers at once if version > N, else when it changes or after S seconds. */
export const BoardQuerySchema = z.object({
  after: z.coerce.number().int().nonnegative().optional(),
  waitS: z.coerce.number().int().min(0).max(25).optional(),
});
export const BOARD_MAX_WAIT_S = 25;

export const GroupJoinResponseSchema = z.object({ groupId: GroupIdSchema, profileId: ProfileIdSchema, label: z.string() });
/** `GET /v1/terminal/group` (terminal token only): the open group session this terminal joined, the server being the authority. */
export const TerminalGroupResponseSchema = z.object({ group: GroupJoinResponseSchema.nullable() });
/**
 * The staff member's screen language for the summary email. Without it (the kiosk sends `{}`
 * today; no body reaches Fastify as null) the email is French, staff screens being French first.
 */
export const GroupSummaryMailRequestSchema = z.strictObject({ locale: LocaleSchema.optional() }).nullish();
export const GroupSummaryMailResponseSchema = z.object({ sentTo: z.string().max(254) });
export const SignedOutResponseSchema = z.object({ signedOut: z.literal(true) });

/* ---------- admin ---------- */

export const StaffCreateRequestSchema = z.strictObject({
  username: StaffUsernameSchema,
  displayName: z.string().trim().min(1).max(80),
  role: StaffRoleSchema,
  email: z.email().max(254).optional(),
  totp: z.boolean().default(false),
});
/** The generated password and TOTP secret are shown once, to the admin, and stored only hashed/sealed. */
export const StaffCreateResponseSchema = z.object({
  staff: StaffIdentitySchema,
  password: z.string().min(12).max(64),
  totpUri: z.string().startsWith('otpauth://totp/').optional(),
});

export const StaffListResponseSchema = z.object({
  staff: z.array(StaffIdentitySchema.extend({ disabledAt: z.iso.datetime().optional(), totp: z.boolean() })),
});

export const TerminalListResponseSchema = z.object({
  terminals: z.array(z.object({ id: z.string(), name: z.string(), createdAt: z.iso.datetime(), revokedAt: z.iso.datetime().optional() })),
});

/** One line of the audit trail: who, what, which terminal, when, outcome; never a secret. */
export const AuditEntrySchema = z.object({
  seq: z.number().int().positive(),
  at: z.iso.datetime(),
  actorKind: z.enum(['staff', 'terminal', 'person', 'system']),
  /** Staff username, terminal id, or `system` (CLI, sweep). */
  actor: z.string().max(80),
  terminalId: z.string().max(64).nullable(),
  action: z.string().regex(/^[a-z][a-zA-Z]*(\.[a-z][a-zA-Z]*)+$/),
  /** The person concerned, pseudonymous (`profile:16 hex of the record key`), or a group id. */
  subject: z.string().max(100).nullable(),
  outcome: z.string().regex(/^(ok|[A-Z_]{2,32})$/),
  details: z.record(z.string(), z.union([z.string().max(200), z.number(), z.boolean()])),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

export const AuditExportResponseSchema = z.object({
  entries: z.array(AuditEntrySchema),
  /** The chain checked from the first entry to the last one returned. */
  chain: z.object({ ok: z.boolean(), checked: z.number().int().nonnegative(), brokenAt: z.number().int().positive().optional() }),
});

export const staffRoutes = {
  signIn: { method: 'POST', path: '/v1/staff/sessions' },
  signOut: { method: 'DELETE', path: '/v1/staff/sessions/current' },
  lookup: { method: 'POST', path: '/v1/staff/lookups' },
  act: { method: 'POST', path: '/v1/staff/cases/:caseId/actions' },
  cohorts: { method: 'GET', path: '/v1/staff/cohorts' },
  groupOpen: { method: 'POST', path: '/v1/staff/groups' },
  groupJoin: { method: 'POST', path: '/v1/staff/groups/join' },
  /** This terminal leaves the group it joined (staff only: a student cannot drop out of the session). */
  groupLeave: { method: 'POST', path: '/v1/staff/groups/leave' },
  terminalGroup: { method: 'GET', path: '/v1/terminal/group' },
  groupBoard: { method: 'GET', path: '/v1/staff/groups/:groupId/board' },
  groupClose: { method: 'POST', path: '/v1/staff/groups/:groupId/close' },
  groupSummaryCsv: { method: 'GET', path: '/v1/staff/groups/:groupId/summary.csv' },
  groupSummaryMail: { method: 'POST', path: '/v1/staff/groups/:groupId/summary-mail' },
  adminStaffList: { method: 'GET', path: '/v1/admin/staff' },
  adminStaffCreate: { method: 'POST', path: '/v1/admin/staff' },
  adminStaffDisable: { method: 'POST', path: '/v1/admin/staff/:username/disable' },
  adminTerminals: { method: 'GET', path: '/v1/admin/terminals' },
  adminTerminalRevoke: { method: 'POST', path: '/v1/admin/terminals/:terminalId/revoke' },
  adminAudit: { method: 'GET', path: '/v1/admin/audit' },
} as const;
