import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ProfileSchema, type Profile } from '../../../../shared/schemas/profile-schema';

export const PROFILES_DIR = fileURLToPath(new URL('../../../../resources/profiles/', import.meta.url));

/** The real Cergy profile from resources/, validated like the kiosk does at start-up. */
export function cergyProfile(): Profile {
  return ProfileSchema.parse(JSON.parse(readFileSync(`${PROFILES_DIR}cergy-etudiant.json`, 'utf8')));
}
