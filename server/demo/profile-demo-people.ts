/**
 * Demo people of the letter and chosen-password profiles (fictional, DESIGN.md "Demo data"): one
 * per case of each seed. The README tables, the demo seeding and the tests read this list. Codes
 * and letter passwords are fixed fictional strings from the look-alike-free alphabet, stored
 * only hashed when seeded; times are minutes before the server's `now()` at seeding.
 */
export type ProfileDemoCase =
  | 'eligible'
  | 'CODE_USED'
  | 'CODE_EXPIRED'
  | 'NOT_YET_OPEN'
  | 'PAYMENT_PENDING'
  | 'ALREADY_ACTIVE'
  | 'ACCOUNT_DEACTIVATED'
  | 'IDENTITY_MISMATCH'
  /** No letter: the account is active elsewhere (idf-lycee Cas 2); the way in is "mot de passe oublié". */
  | 'PASSWORD_RECOVERY';

export type LetterProfileId = 'ent77-college' | 'idf-lycee' | 'um-etudiant' | 'parents-scolarite';

export interface ProfileDemoRecord {
  payment: 'paid' | 'pending';
  enrolledAgo: number;
  /** Minutes since payment (umontpellier: opens 15 minutes after it); absent = paid before import. */
  paidAgo?: number;
  activatedAgo: number | null;
  /** The personal address on file (umontpellier: where the activation email goes; idf Cas 2: where a reset goes). */
  personalEmail?: string;
  /** The address given at activation (ent77, parents): where "mot de passe oublié" sends its code. */
  contactEmail?: string;
  /** The letter with the secret typed in `identity`: issued this long ago, already used or not. */
  letter?: { issuedAgo: number; used: boolean };
  /** The class a group session can be opened from (issue 6). */
  cohort?: string;
}

export interface ProfileDemoPerson {
  profileId: LetterProfileId;
  expected: ProfileDemoCase;
  /** What to type at the terminal, exactly, the letter's code or password included. */
  identity: Record<string, string>;
  record: ProfileDemoRecord | null;
  note: string;
}

const DAY = 24 * 60;

export const PROFILE_DEMO_PEOPLE: readonly ProfileDemoPerson[] = [
  {
    profileId: 'ent77-college',
    expected: 'eligible',
    identity: { login: 'manon.leclerc', activationCode: 'HT4K-9WPM' },
    record: { cohort: '3eB', payment: 'paid', enrolledAgo: 20 * DAY, activatedAgo: null, letter: { issuedAgo: 14 * DAY, used: false } },
    note: 'code from the school, valid: choose a password, give an email, tick the charter',
  },
  {
    profileId: 'ent77-college',
    expected: 'CODE_USED',
    identity: { login: 'jules.marchand', activationCode: 'R8ZN-3CEY' },
    record: { cohort: '3eB', payment: 'paid', enrolledAgo: 30 * DAY, activatedAgo: 5 * DAY, letter: { issuedAgo: 25 * DAY, used: true }, contactEmail: 'jules.marchand@example.org' },
    note: 'account activated 5 days ago with this code: "le code d\'activation devient obsolète"; "mot de passe oublié" with `jules.marchand` mails a code to j***@example.org',
  },
  {
    profileId: 'ent77-college',
    expected: 'CODE_EXPIRED',
    identity: { login: 'sarah.benali', activationCode: 'VQ6M-D2XF' },
    record: { cohort: '3eB', payment: 'paid', enrolledAgo: 420 * DAY, activatedAgo: null, letter: { issuedAgo: 400 * DAY, used: false } },
    note: 'code issued 400 days ago (valid 365 days): ask the school for a new one',
  },
  {
    profileId: 'ent77-college',
    expected: 'IDENTITY_MISMATCH',
    identity: { login: 'tom.inconnu', activationCode: 'AB2C-3D4E' },
    record: null,
    note: 'not in the file: answered exactly like a wrong code',
  },
  {
    profileId: 'idf-lycee',
    expected: 'eligible',
    identity: { login: 'chloe.vasseur', provisionalPassword: 'T6NWX3RH' },
    record: { payment: 'paid', enrolledAgo: 10 * DAY, activatedAgo: null, letter: { issuedAgo: 7 * DAY, used: false } },
    note: 'case 1 (identifier + provisional password): choose a new password, give an email',
  },
  {
    profileId: 'idf-lycee',
    expected: 'IDENTITY_MISMATCH',
    identity: { login: 'louis.absent', provisionalPassword: 'M3PQ8KZA' },
    record: null,
    note: 'not in the file: answered exactly like a wrong provisional password',
  },
  {
    profileId: 'idf-lycee',
    expected: 'PASSWORD_RECOVERY',
    identity: { login: 'emma.fabre' },
    record: { payment: 'paid', enrolledAgo: 400 * DAY, activatedAgo: 380 * DAY, personalEmail: 'emma.fabre@example.org' },
    note: 'case 2 (identifier only): account active from her middle school; "mot de passe oublié" mails a code to the address on file, e***@example.org',
  },
  {
    profileId: 'um-etudiant',
    expected: 'eligible',
    identity: { lastName: 'Delmas', birthDate: '2005-06-21', studentNumber: '22000001' },
    record: { payment: 'paid', enrolledAgo: 5 * DAY, paidAgo: 3 * DAY, activatedAgo: null, personalEmail: 'yanis.delmas@example.org' },
    note: 'paid 3 days ago; the activation email goes to the address on file, y***@example.org',
  },
  {
    profileId: 'um-etudiant',
    expected: 'NOT_YET_OPEN',
    identity: { lastName: 'Rivière', birthDate: '2006-10-02', studentNumber: '22000002' },
    record: { payment: 'paid', enrolledAgo: 2 * DAY, paidAgo: 10, activatedAgo: null, personalEmail: 'maelle.riviere@example.org' },
    note: 'paid 10 minutes ago: opens 15 minutes after payment, so 5 minutes from now',
  },
  {
    profileId: 'um-etudiant',
    expected: 'PAYMENT_PENDING',
    identity: { lastName: 'Chevalier', birthDate: '2005-12-12', studentNumber: '22000003' },
    record: { payment: 'pending', enrolledAgo: 2 * DAY, activatedAgo: null, personalEmail: 'adam.chevalier@example.org' },
    note: 'enrollment not paid yet',
  },
  {
    profileId: 'um-etudiant',
    expected: 'ALREADY_ACTIVE',
    identity: { lastName: 'Barbier', birthDate: '2005-03-15', studentNumber: '22000004' },
    record: { payment: 'paid', enrolledAgo: 60 * DAY, paidAgo: 60 * DAY, activatedAgo: 45 * DAY, personalEmail: 'lina.barbier@example.org' },
    note: 'account activated 45 days ago',
  },
  {
    profileId: 'parents-scolarite',
    expected: 'eligible',
    identity: { login: 'n.girard31', letterPassword: 'W9JDK4TB', childBirthDate: '2014-05-09' },
    record: { payment: 'paid', enrolledAgo: 12 * DAY, activatedAgo: null, letter: { issuedAgo: 10 * DAY, used: false } },
    note: 'letter received 10 days ago; finished by the code or link emailed to the address typed',
  },
  {
    profileId: 'parents-scolarite',
    expected: 'ACCOUNT_DEACTIVATED',
    identity: { login: 'a.roche58', letterPassword: 'E5HMZ7QC', childBirthDate: '2013-11-20' },
    record: { payment: 'paid', enrolledAgo: 110 * DAY, activatedAgo: null, letter: { issuedAgo: 100 * DAY, used: false } },
    note: 'letter received 100 days ago, never activated: deactivated after 3 months (contact the school)',
  },
  {
    profileId: 'parents-scolarite',
    expected: 'CODE_USED',
    identity: { login: 'c.morel44', letterPassword: 'P4KT7XNA', childBirthDate: '2012-02-17' },
    record: {
      payment: 'paid',
      enrolledAgo: 200 * DAY,
      activatedAgo: 150 * DAY,
      letter: { issuedAgo: 190 * DAY, used: true },
      contactEmail: 'claire.morel@example.org',
    },
    note: 'account active for 150 days: "mot de passe oublié" with `c.morel44` mails a code to c***@example.org; "identifiant oublié" with `claire.morel@example.org` and `2012-02-17` mails the identifier',
  },
];
