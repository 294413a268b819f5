import { z } from 'zod';
import { ProfileSchema } from '../schemas/profile-schema';

/**
 * Configuration sync (issue 5): the server's activation profiles, fetched by each terminal with
 * a conditional GET. The server answers a strong `ETag` (a hash of the canonical body) and `304`
 * with no body when `If-None-Match` names it, so an unchanged set costs a header, not the set.
 */
export const configRoutes = {
  terminalProfiles: { method: 'GET', path: '/v1/terminal/profiles' },
} as const;

/**
 * Each profile is parsed with the same schema as the bundled files. The set as a whole (ids
 * unique, the terminal's own profiles present) is checked by the terminal, which knows its list.
 */
export const TerminalProfilesResponseSchema = z.object({
  profiles: z.array(ProfileSchema).min(1).max(100),
});
export type TerminalProfilesResponse = z.infer<typeof TerminalProfilesResponseSchema>;

/** `"sha256-<base64url>"`: quoted, strong (no `W/`), as RFC 9110 §8.8.3 writes an entity tag. */
export const ETagSchema = z.string().regex(/^"[A-Za-z0-9_-]{1,128}"$/);
