import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseWith } from '../../shared/contract/parse';
import { ProfileSchema } from '../../shared/schemas/profile-schema';
import type { Profile } from '../../shared/schemas/profile-schema';

export type ProfileRegistry = ReadonlyMap<string, Profile>;

/**
 * Every `*.json` in the profiles folder, validated at start-up (CONVENTIONS.md §3): a broken
 * profile stops the server with the file and field named, instead of failing mid-activation.
 */
export function loadProfiles(profilesDir: string): ProfileRegistry {
  const profiles = new Map<string, Profile>();
  for (const name of readdirSync(profilesDir).filter((file) => file.endsWith('.json')).sort()) {
    const file = join(profilesDir, name);
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      throw new Error(`profile ${file} is not valid JSON`);
    }
    const parsed = parseWith(ProfileSchema, raw);
    if (!parsed.ok) {
      throw new Error(`profile ${file} is invalid: ${parsed.problems.map((p) => `${p.key} (${p.reason})`).join(', ')}`);
    }
    if (profiles.has(parsed.data.id)) throw new Error(`profile id ${parsed.data.id} is declared twice (${file})`);
    profiles.set(parsed.data.id, parsed.data);
  }
  if (profiles.size === 0) throw new Error(`no profile found in ${profilesDir}`);
  return profiles;
}
