import { z } from 'zod';
import { PortalSchema } from './portal-schema';
import { LocalizedTextSchema } from './localized-text-schema';
import { HelpFormSchema, HelpTreeSchema, RecoverySchema } from './help-schema';
import { PasswordPolicySchema } from './password-policy-schema';

/**
 * An activation profile: one institution's procedure as data (CONVENTIONS.md §3). A new
 * institution is a new JSON file in resources/profiles/, validated by this schema at start-up.
 */

/** How an identity field is typed, checked and matched; the renderer words labels per kind. */
export const IdentityFieldSchema = z.discriminatedUnion('kind', [
  z.object({
    key: z.string().regex(/^[a-z][a-zA-Z]{0,31}$/),
    kind: z.literal('personName'),
    label: LocalizedTextSchema,
    autocomplete: z.enum(['family-name', 'given-name']).optional(),
  }),
  z.object({
    key: z.string().regex(/^[a-z][a-zA-Z]{0,31}$/),
    kind: z.literal('birthDate'),
    label: LocalizedTextSchema,
  }),
  z.object({
    key: z.string().regex(/^[a-z][a-zA-Z]{0,31}$/),
    kind: z.literal('digits'),
    label: LocalizedTextSchema,
    length: z.number().int().min(1).max(32),
  }),
  /** An identifier from a letter (ENT 77: `prénom.nom`); matched without case or accents. */
  z.object({
    key: z.string().regex(/^[a-z][a-zA-Z]{0,31}$/),
    kind: z.literal('login'),
    label: LocalizedTextSchema,
    /** Shown under the field as the expected shape, e.g. `prénom.nom`. */
    example: z.string().min(1).max(60),
  }),
  /**
   * A secret from the letter: an activation code (ENT 77) or a provisional password (IDF case 1,
   * Scolarité Services). Never hashed into the record like other fields: the server verifies it
   * against a slow hash, once, before its expiry.
   */
  z.object({
    key: z.string().regex(/^[a-z][a-zA-Z]{0,31}$/),
    kind: z.literal('credential'),
    label: LocalizedTextSchema,
    credential: z.enum(['activationCode', 'provisionalPassword']),
  }),
]);
export type IdentityField = z.infer<typeof IdentityFieldSchema>;

/** When an enrollment opens for activation, by enrollment channel (cergy seed, "Quand ?"). */
export const OpeningRuleSchema = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('nextDay') }),
  z.object({ rule: z.literal('afterHours'), hours: z.number().int().min(0).max(24 * 30) }),
  z.object({ rule: z.literal('afterMinutes'), minutes: z.number().int().min(0).max(24 * 60) }),
]);
export type OpeningRule = z.infer<typeof OpeningRuleSchema>;

export const ContactSchema = z.object({
  id: z.string().regex(/^[a-z][a-z0-9-]{0,31}$/),
  label: LocalizedTextSchema,
  email: z.email().optional(),
  url: z.url({ protocol: /^https$/ }).optional(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const GeneratedPasswordSchema = z.object({
  mode: z.literal('generated'),
  length: z.number().int().min(8).max(32),
});

/** The person chooses, types it twice (with a show/hide button), and the policy decides. */
export const ChosenPasswordSchema = z.object({
  mode: z.literal('chosen'),
  policy: PasswordPolicySchema,
});

export const PasswordModeSchema = z.discriminatedUnion('mode', [GeneratedPasswordSchema, ChosenPasswordSchema]);
export type PasswordMode = z.infer<typeof PasswordModeSchema>;

/** The contact step after the password (ENT 77: email required for resets, mobile optional for SMS). */
export const ContactStepSchema = z.object({
  email: z.enum(['required', 'optional']),
  mobile: z.enum(['optional', 'none']).default('none'),
  /** Why it is asked, in the seed's words ("pour récupérer son mot de passe en cas d'oubli"). */
  why: LocalizedTextSchema,
});
export type ContactStep = z.infer<typeof ContactStepSchema>;

/** Terms that must be ticked before "Activer" (ENT 77 charter). */
export const TermsSchema = z.object({
  version: z.string().regex(/^[A-Za-z0-9._-]{1,32}$/),
  title: LocalizedTextSchema,
  summary: LocalizedTextSchema,
  url: z.url({ protocol: /^https$/ }).optional(),
});
export type Terms = z.infer<typeof TermsSchema>;

/**
 * Activation finished by an emailed link or code (Montpellier: to the personal address given at
 * enrollment, link valid 24 h; Scolarité Services: to the address just typed).
 */
export const EmailProofSchema = z.object({
  to: z.enum(['contact', 'onFile']),
  ttlHours: z.number().int().min(1).max(24 * 14),
  /** How many times the person may ask for the message again. */
  resends: z.number().int().min(0).max(10),
});
export type EmailProof = z.infer<typeof EmailProofSchema>;

/** Letters' codes and provisional passwords: how long they stay valid once issued. */
export const CredentialsSchema = z.object({
  ttlDays: z.number().int().min(1).max(730),
  /** Length of generated activation codes, shown in groups of four. */
  codeLength: z.number().int().min(8).max(16).default(8),
});

/** Scolarité Services: deactivated if not activated within 3 months, deleted after a year. */
export const InactivitySchema = z.object({
  deactivateAfterDays: z.number().int().min(1).max(3650),
  deleteAfterDays: z.number().int().min(1).max(3650),
});

/**
 * What staff at the desk may do for this profile (issue 6). After staff checked an identity
 * document, the kiosk on that terminal accepts the identity without the `waives` fields (a lost
 * letter's code, a child's birth date) for `validMinutes`, once. Never the lookup key.
 */
export const StaffAssistSchema = z.object({
  idCheck: z
    .object({
      waives: z.array(z.string()).min(1).max(4),
      validMinutes: z.number().int().min(5).max(240),
    })
    .optional(),
});

type ProfileShape = {
  identity: { fields: IdentityField[] };
  contacts: Record<string, Contact>;
  help: z.infer<typeof HelpTreeSchema>;
  recovery?: z.infer<typeof RecoverySchema> | undefined;
  helpForm?: z.infer<typeof HelpFormSchema> | undefined;
};

/** Help actions, recovery fields and the help form may only name what the profile declares. */
function checkHelpReferences(profile: ProfileShape, ctx: z.RefinementCtx): void {
  const plainFields = profile.identity.fields.filter((field) => field.kind !== 'credential').map((field) => field.key);
  for (const kind of ['password', 'identifier'] as const) {
    profile.recovery?.[kind]?.fields.forEach((key, index) => {
      if (!plainFields.includes(key)) {
        ctx.addIssue({ code: 'custom', path: ['recovery', kind, 'fields', index], message: `not a non-secret identity field: ${key}` });
      }
    });
  }
  if (profile.helpForm && !profile.contacts[profile.helpForm.recipient]?.email) {
    ctx.addIssue({ code: 'custom', path: ['helpForm', 'recipient'], message: 'the recipient must be a contact with an email' });
  }
  profile.help.nodes.forEach((node, nodeIndex) => {
    node.actions?.forEach((action, actionIndex) => {
      const path = ['help', 'nodes', nodeIndex, 'actions', actionIndex];
      if (action.kind === 'contact' && !profile.contacts[action.contact]) {
        ctx.addIssue({ code: 'custom', path, message: `unknown contact ${action.contact}` });
      }
      if (action.kind === 'recovery' && !profile.recovery?.[action.recovery]) {
        ctx.addIssue({ code: 'custom', path, message: `recovery.${action.recovery} is not configured` });
      }
      if (action.kind === 'helpForm' && !profile.helpForm) {
        ctx.addIssue({ code: 'custom', path, message: 'helpForm is not configured' });
      }
    });
  });
}

export const ProfileSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/),
    version: z.number().int().positive(),
    institution: z.object({ name: LocalizedTextSchema, shortName: z.string().min(1).max(40) }),
    title: LocalizedTextSchema,
    audience: LocalizedTextSchema,
    /** The answer to "Vous êtes…" when a terminal offers several profiles. */
    persona: LocalizedTextSchema,
    /** IANA time zone in which "the next day" of the seed is counted. */
    timeZone: z.string().min(1).max(64),
    identity: z.object({
      hint: LocalizedTextSchema,
      fields: z.array(IdentityFieldSchema).min(1).max(8),
      /** The field the server looks the record up by (never shown back to the person). */
      lookupKey: z.string(),
    }),
    eligibility: z
      .object({
        /** Delay from enrollment, by channel (cergy). */
        opening: z.object({ online: OpeningRuleSchema, remote: OpeningRuleSchema }).optional(),
        /** Delay from payment (umontpellier: "15 minutes après le paiement"). */
        afterPayment: OpeningRuleSchema.optional(),
        inactivity: InactivitySchema.optional(),
      })
      .default({}),
    credentials: CredentialsSchema.optional(),
    password: PasswordModeSchema,
    contact: ContactStepSchema.optional(),
    terms: TermsSchema.optional(),
    emailProof: EmailProofSchema.optional(),
    account: z.object({
      /** Login shown at the end; `{field}` placeholders take normalised identity values. */
      loginTemplate: z.string().min(1).max(80),
      /** Institutional mailbox created with the account (cergy: prenom.nom@etu.u-cergy.fr). */
      emailDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/).optional(),
      portalUrl: z.url({ protocol: /^https?$/ }),
      enrollmentStatusUrl: z.url({ protocol: /^https$/ }).optional(),
      /** How long the account lasts (umontpellier: until 31/12 of the year of leaving). */
      validity: LocalizedTextSchema.optional(),
    }),
    /**
     * Where a session begins: the identity form, or the help tree's start (idf-lycee: "which
     * letter did you receive?" comes first, and only case 1 leads to the activation).
     */
    startsWith: z.enum(['identity', 'help']).default('identity'),
    /**
     * The seed's troubleshooting as a guided path, reachable from every screen of the session.
     * Required: every seed has one (issue 3: "each seed's troubleshooting cases … become guided help").
     */
    help: HelpTreeSchema,
    recovery: RecoverySchema.optional(),
    helpForm: HelpFormSchema.optional(),
    /** Contacts by role; `scolarite` and `assistance` are the ones outcome screens look for first. */
    staffAssist: StaffAssistSchema.optional(),
    /** The ENT inside the kiosk after activation (LOCKDOWN.md #15); absent: a QR code only. */
    portal: PortalSchema.optional(),
    contacts: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]{0,31}$/), ContactSchema).refine((contacts) => Object.keys(contacts).length > 0, {
      message: 'at least one contact',
    }),
  })
  .superRefine((profile, ctx) => {
    const keys = profile.identity.fields.map((field) => field.key);
    if (new Set(keys).size !== keys.length) {
      ctx.addIssue({ code: 'custom', path: ['identity', 'fields'], message: 'duplicate field key' });
    }
    if (!keys.includes(profile.identity.lookupKey)) {
      ctx.addIssue({ code: 'custom', path: ['identity', 'lookupKey'], message: 'not a field key' });
    }
    const credentialFields = profile.identity.fields.filter((field) => field.kind === 'credential');
    if (credentialFields.length > 0 && !profile.credentials) {
      ctx.addIssue({ code: 'custom', path: ['credentials'], message: 'a credential field needs credentials.ttlDays' });
    }
    if (credentialFields.some((field) => field.key === profile.identity.lookupKey)) {
      ctx.addIssue({ code: 'custom', path: ['identity', 'lookupKey'], message: 'a secret cannot be the lookup key' });
    }
    if (profile.emailProof?.to === 'contact' && !profile.contact) {
      ctx.addIssue({ code: 'custom', path: ['emailProof', 'to'], message: 'emailProof.to "contact" needs a contact step' });
    }
    if (profile.password.mode === 'generated' && (profile.contact || profile.terms || profile.emailProof)) {
      ctx.addIssue({ code: 'custom', path: ['password', 'mode'], message: 'contact, terms and emailProof need a chosen password' });
    }
    if (profile.password.mode === 'generated' && !profile.account.emailDomain) {
      ctx.addIssue({ code: 'custom', path: ['account', 'emailDomain'], message: 'a generated password profile shows the institutional mailbox' });
    }
    checkHelpReferences(profile, ctx);
    profile.staffAssist?.idCheck?.waives.forEach((key, index) => {
      const field = profile.identity.fields.find((candidate) => candidate.key === key);
      if (!field || key === profile.identity.lookupKey) {
        ctx.addIssue({ code: 'custom', path: ['staffAssist', 'idCheck', 'waives', index], message: `not a waivable identity field: ${key}` });
      }
    });
    const inactivity = profile.eligibility.inactivity;
    if (inactivity && inactivity.deleteAfterDays <= inactivity.deactivateAfterDays) {
      ctx.addIssue({ code: 'custom', path: ['eligibility', 'inactivity', 'deleteAfterDays'], message: 'must come after deactivateAfterDays' });
    }
    for (const placeholder of profile.account.loginTemplate.matchAll(/\{(\w+)\}/g)) {
      const field = profile.identity.fields.find((candidate) => candidate.key === placeholder[1]);
      if (field?.kind === 'credential') {
        ctx.addIssue({ code: 'custom', path: ['account', 'loginTemplate'], message: `secret field ${placeholder[1]} in the login` });
      }
      if (!keys.includes(placeholder[1] ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['account', 'loginTemplate'], message: `unknown field ${placeholder[1]}` });
      }
    }
  });
export type Profile = z.infer<typeof ProfileSchema>;
