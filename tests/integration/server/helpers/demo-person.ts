import { DEMO_IDENTITIES } from '../../../../server/demo/demo-identities';
import type { DemoIdentity } from '../../../../server/demo/demo-identities';

/** The first demo person of a case, from the one list the README documents. */
export function demoPerson(expected: DemoIdentity['expected'], index = 0): DemoIdentity['identity'] {
  const person = DEMO_IDENTITIES.filter((candidate) => candidate.expected === expected)[index];
  if (!person) throw new Error(`no demo person for ${expected}`);
  return person.identity;
}
