import { z } from 'zod';
import { IdentityInputSchema } from '../policies/identity-rules';
import { LocalizedTextSchema, LocaleSchema } from '../schemas/localized-text-schema';
import { PasswordVerdictSchema } from '../schemas/password-policy-schema';
import { IdentityFieldSchema, ProfileSchema, TermsSchema } from '../schemas/profile-schema';
import { TerminalModeSchema } from '../schemas/terminal-config-schema';
import { JoinedGroupSchema, kioskStaffContract, StaffLockedEventSchema } from './kiosk-staff-api';
import type { Result } from './result';

/**
 * The kiosk API (renderer → kiosk back end), declared once. The Electron IPC binding and the
 * loopback HTTP binding are both generated from this table; each parses its input as unknown
 * with these schemas, and the renderer only ever sees `window.kiosk` (CONVENTIONS.md §1).
 */
const Empty = z.strictObject({});

export const ProfileSummarySchema = z.object({
  id: z.string(),
  title: LocalizedTextSchema,
  institution: LocalizedTextSchema,
  /** The answer to "Vous êtes…" on a terminal that offers several profiles. */
  persona: LocalizedTextSchema,
  /**
   * Optional (issue 6, staff screens): the profile's identity fields (definitions, never values),
   * for the group CSV header hint and the desk lookup form. Absent: those screens say less.
   */
  identityFields: z.array(IdentityFieldSchema).max(16).optional(),
});

/** Issue 5: what the person is told about the link (sync/link-quality.ts has the rule). */
export const LINK_QUALITIES = ['online', 'slow', 'offline'] as const;
export const LinkQualitySchema = z.enum(LINK_QUALITIES);
export type LinkQuality = z.infer<typeof LinkQualitySchema>;

export const TerminalDescriptionSchema = z.object({
  terminalId: z.string(),
  mode: TerminalModeSchema,
  locale: LocaleSchema,
  profiles: z.array(ProfileSummarySchema),
  idle: z.object({ timeoutS: z.number().int(), warningS: z.number().int() }),
  online: z.boolean(),
  quality: LinkQualitySchema,
  /** desk / assisted: staff can sign in on this terminal (issue 6). */
  staffEnabled: z.boolean(),
  /** The group session this terminal joined, if any. */
  group: JoinedGroupSchema.nullable(),
});

/**
 * "Ouvrir mon ENT" (LOCKDOWN.md #15): `frame`, the page frames the loopback proxy's URL and may
 * frame only `origins`; `view`, the Electron shell shows the portal itself under the page's bar.
 */
export const PortalDisplaySchema = z.discriminatedUnion('display', [
  z.object({ display: z.literal('frame'), url: z.url({ protocol: /^http$/ }), origins: z.array(z.string()).min(1).max(8) }),
  z.object({ display: z.literal('view') }),
]);
export type PortalDisplay = z.infer<typeof PortalDisplaySchema>;
/** What a framed portal page posts to the kiosk page on each input: its idle timer cannot see inside. */
export const PORTAL_ACTIVITY_MESSAGE = 'sesame:portal-activity';

export const SESSION_END_REASONS = ['finished', 'cancelled', 'idle'] as const;
export const SessionEndReasonSchema = z.enum(SESSION_END_REASONS);

export const kioskContract = {
  'terminal.describe': { input: Empty, output: TerminalDescriptionSchema },
  'session.start': {
    input: z.strictObject({ profileId: z.string().max(48) }),
    output: z.object({ profile: ProfileSchema }),
  },
  /** Any pointer, touch or key: pushes the idle deadline back (LOCKDOWN.md #16). */
  'session.activity': { input: Empty, output: z.object({ idleDeadline: z.iso.datetime() }) },
  /** Only once this session's account is active, for a profile with a `portal`. */
  'portal.open': { input: Empty, output: PortalDisplaySchema },
  'session.end': {
    input: z.strictObject({ reason: SessionEndReasonSchema }),
    output: z.object({ wiped: z.literal(true) }),
  },
  /**
   * The terms this session asks the person to accept (issue 5): the profile's at start, or the
   * server's newer ones after it refused a stale version mid-visit.
   */
  'session.terms': { input: Empty, output: z.object({ terms: TermsSchema.nullable() }) },
  'activation.lookup': {
    input: z.strictObject({ identity: IdentityInputSchema }),
    output: z.object({ eligible: z.literal(true) }),
  },
  'activation.submit': {
    input: Empty,
    output: z.object({ login: z.string(), email: z.string(), password: z.string() }),
  },
  /**
   * The live checklist: every rule of the profile's policy, the dictionary and personal-data
   * rules included (evaluated in the back end with this session's identity; never in the page).
   */
  'password.check': {
    input: z.strictObject({ candidate: z.string().max(128) }),
    output: PasswordVerdictSchema,
  },
  /**
   * A chosen password with its contact details and terms (ENT 77, IDF, Montpellier, Scolarité
   * Services). `confirmation` is the second typing; `pending` means queued while offline.
   */
  'activation.choose': {
    input: z.strictObject({
      password: z.string().max(128),
      confirmation: z.string().max(128),
      email: z.string().max(254).optional(),
      mobile: z.string().max(32).optional(),
      termsAccepted: z.boolean(),
      locale: LocaleSchema,
    }),
    output: z.object({
      state: z.enum(['active', 'awaitingEmail', 'pending']),
      login: z.string(),
      email: z.string().optional(),
      /** Where the email went, masked (`j***@exemple.fr`). */
      sentTo: z.string().optional(),
      reference: z.string(),
    }),
  },
  /** The short code from the activation email, typed at the kiosk to finish on the spot. */
  'activation.confirmEmail': {
    input: z.strictObject({ code: z.string().max(32) }),
    output: z.object({ state: z.literal('active'), reference: z.string() }),
  },
  'activation.resendEmail': {
    input: Empty,
    output: z.object({ sentTo: z.string(), resendsLeft: z.number().int().nonnegative() }),
  },
  /**
   * "Mot de passe oublié" / "Identifiant oublié". The answer has the same shape whether or not
   * the person exists: where the message went, masked.
   */
  'recovery.request': {
    input: z.strictObject({
      kind: z.enum(['password', 'identifier']),
      fields: IdentityInputSchema,
      email: z.string().max(254).optional(),
      locale: LocaleSchema,
    }),
    output: z.object({ sentTo: z.string() }),
  },
  /** The code from the reset email and a new password (checked like a chosen one). */
  'recovery.reset': {
    input: z.strictObject({ code: z.string().max(32), password: z.string().max(128), confirmation: z.string().max(128) }),
    output: z.object({ state: z.literal('reset'), login: z.string() }),
  },
  /** The ENT 77 parents' help form: sent to the school through the server. */
  'help.submit': {
    input: z.strictObject({
      topic: z.string().max(32),
      name: z.string().max(120),
      email: z.string().max(254),
      phone: z.string().max(32).optional(),
      message: z.string().max(2000),
      locale: LocaleSchema,
    }),
    output: z.object({ reference: z.string() }),
  },
  'activation.confirmPassword': {
    input: z.strictObject({ typed: z.string().max(64) }),
    output: z.object({
      /** `pending`: accepted and queued; the server will apply it when the link is back. */
      state: z.enum(['active', 'pending']),
      reference: z.string(),
    }),
  },
  /**
   * The page's own check after a session wipe (LOCKDOWN.md #20), ok or failed, with how many
   * traces it found: kept by the back end for the next heartbeat (issue 5). A count only,
   * never what the traces were.
   */
  'privacy.report': {
    input: z.strictObject({ ok: z.boolean(), leaks: z.number().int().nonnegative().max(1000) }),
    output: z.object({ recorded: z.literal(true) }),
  },
  ...kioskStaffContract,
} as const;

export type KioskContract = typeof kioskContract;
export type KioskMethod = keyof KioskContract;
export const KIOSK_METHODS = Object.keys(kioskContract) as KioskMethod[];
export type KioskInput<M extends KioskMethod> = z.input<KioskContract[M]['input']>;
export type KioskOutput<M extends KioskMethod> = z.output<KioskContract[M]['output']>;

export function isKioskMethod(value: unknown): value is KioskMethod {
  return typeof value === 'string' && Object.hasOwn(kioskContract, value);
}

/** Pushed from the back end to the renderer. */
export const KioskEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('session.idleWarning'), deadline: z.iso.datetime(), secondsLeft: z.number().int() }),
  z.object({ type: z.literal('session.ended'), reason: SessionEndReasonSchema }),
  z.object({ type: z.literal('sync.state'), online: z.boolean(), quality: LinkQualitySchema, pending: z.number().int().nonnegative() }),
  StaffLockedEventSchema,
]);
export type KioskEvent = z.infer<typeof KioskEventSchema>;

/** What `window.kiosk` is, in Electron (preload) and in the Chromium shell (loopback bridge). */
export interface KioskBridge {
  invoke<M extends KioskMethod>(method: M, input: KioskInput<M>): Promise<Result<KioskOutput<M>>>;
  onEvent(listener: (event: KioskEvent) => void): () => void;
}

/** The implementation side: one handler per method, shared by both transports. */
export type KioskHandlers = {
  [M in KioskMethod]: (input: z.output<KioskContract[M]['input']>) => Promise<Result<KioskOutput<M>>>;
};
