import { DEMO_IDENTITIES } from '../../../../server/demo/demo-identities';
import type { DemoIdentity } from '../../../../server/demo/demo-identities';
import { PROFILE_DEMO_PEOPLE } from '../../../../server/demo/profile-demo-people';
import type { LetterProfileId, ProfileDemoCase } from '../../../../server/demo/profile-demo-people';

/** The first demo person of a case, from the one list the README documents. */
export function demoPerson(expected: DemoIdentity['expected'], index = 0): DemoIdentity['identity'] {
  const person = DEMO_IDENTITIES.filter((candidate) => candidate.expected === expected)[index];
  if (!person) throw new Error(`no demo person for ${expected}`);
  return person.identity;
}

/** The first demo person of a profile and case (ent77, idf, um, parents), as typed at the terminal. */
export function profilePerson(profileId: LetterProfileId, expected: ProfileDemoCase): Record<string, string> {
  const person = PROFILE_DEMO_PEOPLE.find((candidate) => candidate.profileId === profileId && candidate.expected === expected);
  if (!person) throw new Error(`no demo person for ${profileId} ${expected}`);
  return { ...person.identity };
}
