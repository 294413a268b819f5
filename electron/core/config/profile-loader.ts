import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';
import { ConfigError, parseConfigFile } from './config-file-reader';

/**
 * Validates every `*.json` activation profile in `dir` (a broken file stops the start-up even
 * if no terminal enables it, so it is found before it is deployed) and returns those listed in
 * `ids`, in that order, or all of them.
 */
export function loadProfiles(dir: string, ids?: string[]): Profile[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json')).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(dir, [], `profile folder cannot be read (${code})`);
  }
  const byId = new Map<string, Profile>();
  for (const name of names) {
    const file = join(dir, name);
    const profile = parseConfigFile(file, ProfileSchema, 'activation profile');
    if (byId.has(profile.id)) throw new ConfigError(file, ['id'], `duplicate profile id ${profile.id}`);
    byId.set(profile.id, profile);
  }
  if (ids === undefined) return [...byId.values()];
  return ids.map((id) => {
    const profile = byId.get(id);
    if (!profile) throw new ConfigError(dir, ['profiles'], `no profile with id ${id}`);
    return profile;
  });
}
