import { readFileSync } from 'node:fs';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';

/** A profile exactly as the demo terminal loads it, so specs read labels and texts from it. */
export function loadProfile(id: string): Profile {
  return ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')));
}
