import { TerminalProfilesResponseSchema } from '../../../shared/contract/config-api';
import { parseWith } from '../../../shared/contract/parse';
import type { Profile } from '../../../shared/schemas/profile-schema';

/**
 * Stable codes for a configuration the kiosk refuses (logged as `config.rejected`). A refused
 * set is refused whole: half an update could pair one profile's terms with another's rules.
 */
export type ConfigRejection = 'CONFIG_MALFORMED' | 'CONFIG_DUPLICATE_ID' | 'CONFIG_MISSING_PROFILE';

export type ProfileSetCheck = { ok: true; profiles: Profile[] } | { ok: false; code: ConfigRejection };

/** Every profile valid, ids unique, and every profile this terminal enables present. */
export function checkProfileSet(body: unknown, enabledIds: readonly string[]): ProfileSetCheck {
  const parsed = parseWith(TerminalProfilesResponseSchema, body);
  if (!parsed.ok) return { ok: false, code: 'CONFIG_MALFORMED' };
  const { profiles } = parsed.data;
  const ids = new Set(profiles.map((profile) => profile.id));
  if (ids.size !== profiles.length) return { ok: false, code: 'CONFIG_DUPLICATE_ID' };
  if (!enabledIds.every((id) => ids.has(id))) return { ok: false, code: 'CONFIG_MISSING_PROFILE' };
  return { ok: true, profiles };
}
