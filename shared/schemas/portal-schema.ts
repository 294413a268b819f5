import { z } from 'zod';

/**
 * The ENT portal view (LOCKDOWN.md #14, #15): after activating, the person may open their ENT
 * inside the kiosk, on the listed origins only. An institution's own values: its CAS login and
 * logout URLs are not in the seeds, so no bundled profile enables it (docs/portal.md).
 */
export const MAX_PORTAL_ORIGINS = 4;

/** `http:` only for a page on this machine (a test or an on-site demo); anything else is https. */
function isAllowedPortalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.username !== '' || url.password !== '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && (url.hostname === '127.0.0.1' || url.hostname === 'localhost');
}

const PortalUrlSchema = z.string().max(2048).refine(isAllowedPortalUrl, { message: 'an https URL (http only on 127.0.0.1), without user or password' });

/** An origin exactly as `URL.origin` writes it (lower case, punycode, no default port, no path). */
const OriginSchema = PortalUrlSchema.refine((raw) => new URL(raw).origin === raw, { message: 'an origin: scheme, host and port only' });

export const PortalSchema = z
  .object({
    /** Where "Ouvrir mon ENT" starts: the ENT home or the CAS login page. */
    entryUrl: PortalUrlSchema,
    /** Every origin the portal may show (the ENT, its CAS); any other navigation is refused. */
    origins: z.array(OriginSchema).min(1).max(MAX_PORTAL_ORIGINS),
    /** Called at session end: clearing cookies does not end a CAS single sign-on session. */
    logoutUrl: PortalUrlSchema,
    /** The "remember me" control of the login page, removed wherever it appears (CAS: `rememberMe`). */
    rememberMeSelector: z.string().min(1).max(200).default('input[name="rememberMe"]'),
    /** CAS: the login form also sends `publicWorkstation=true` (no long-lived ticket for this login). */
    publicWorkstation: z.boolean().default(true),
  })
  .superRefine((portal, ctx) => {
    for (const key of ['entryUrl', 'logoutUrl'] as const) {
      if (isAllowedPortalUrl(portal[key]) && !portal.origins.includes(new URL(portal[key]).origin)) {
        ctx.addIssue({ code: 'custom', path: [key], message: 'its origin is not one of origins' });
      }
    }
  });

export type Portal = z.infer<typeof PortalSchema>;
