import { z } from 'zod';
import { LocalizedTextSchema } from './localized-text-schema';

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

export const ProfileSchema = z
  .object({
    $schema: z.string().optional(),
    id: z.string().regex(/^[a-z][a-z0-9-]{1,47}$/),
    version: z.number().int().positive(),
    institution: z.object({ name: LocalizedTextSchema, shortName: z.string().min(1).max(40) }),
    title: LocalizedTextSchema,
    audience: LocalizedTextSchema,
    /** IANA time zone in which "the next day" of the seed is counted. */
    timeZone: z.string().min(1).max(64),
    identity: z.object({
      hint: LocalizedTextSchema,
      fields: z.array(IdentityFieldSchema).min(1).max(8),
      /** The field the server looks the record up by (never shown back to the person). */
      lookupKey: z.string(),
    }),
    eligibility: z.object({
      opening: z.object({ online: OpeningRuleSchema, remote: OpeningRuleSchema }),
    }),
    password: GeneratedPasswordSchema,
    account: z.object({
      /** Login shown at the end; `{field}` placeholders take normalised identity values. */
      loginTemplate: z.string().min(1).max(80),
      emailDomain: z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/),
      portalUrl: z.url({ protocol: /^https$/ }),
      enrollmentStatusUrl: z.url({ protocol: /^https$/ }),
    }),
    contacts: z.object({
      scolarite: ContactSchema,
      assistance: ContactSchema,
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
    for (const placeholder of profile.account.loginTemplate.matchAll(/\{(\w+)\}/g)) {
      if (!keys.includes(placeholder[1] ?? '')) {
        ctx.addIssue({ code: 'custom', path: ['account', 'loginTemplate'], message: `unknown field ${placeholder[1]}` });
      }
    }
  });
export type Profile = z.infer<typeof ProfileSchema>;
