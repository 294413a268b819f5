import type { EnrollmentFacts } from '../../shared/policies/eligibility-rules';

/**
 * The demo dataset (fictional people only, DESIGN.md "Demo data"): one person per case of the
 * cergy-etudiant profile. The README table, the demo seeding and the tests all read this list,
 * so they cannot disagree. Record times are relative to the server's `now()` (see demo-dataset.ts),
 * so every case behaves the same whenever the demo is started.
 */
export type DemoCase = 'eligible' | 'PAYMENT_PENDING' | 'NOT_YET_OPEN' | 'ALREADY_ACTIVE' | 'IDENTITY_MISMATCH';

export interface DemoRecord {
  channel: EnrollmentFacts['channel'];
  payment: EnrollmentFacts['payment'];
  /** Minutes between enrollment and now; `'today'` = a few minutes ago but still today in Europe/Paris. */
  enrolledAgo: number | 'today';
  /** Minutes since the account was activated, or null when it never was. */
  activatedAgo: number | null;
  /** The group a group session can be opened from (issue 6): a first-year class. */
  cohort?: string;
}

export interface DemoIdentity {
  profileId: 'cergy-etudiant';
  expected: DemoCase;
  /** What to type at the terminal, exactly (names as on the enrollment record). */
  identity: { lastName: string; firstName: string; birthDate: string; studentNumber: string };
  /** The "nom d'usage" printed on the card, which the record does not hold (cergy seed, Cas n°3). */
  usageName?: string;
  /** The enrollment record; null for the person who is not in the file at all. */
  record: DemoRecord | null;
  note: string;
}

const DAY = 24 * 60;

export const DEMO_IDENTITIES: readonly DemoIdentity[] = [
  {
    profileId: 'cergy-etudiant',
    expected: 'eligible',
    identity: { lastName: 'Martineau', firstName: 'Camille', birthDate: '2006-04-12', studentNumber: '21000001' },
    record: { channel: 'online', payment: 'paid', enrolledAgo: 10 * DAY, activatedAgo: null, cohort: 'L1-Info' },
    note: 'online, paid by card, enrolled 10 days ago',
  },
  {
    profileId: 'cergy-etudiant',
    expected: 'eligible',
    identity: { lastName: "N'Guessan-Lefèvre", firstName: 'Zoé-Hélène', birthDate: '2005-11-03', studentNumber: '21000002' },
    record: { channel: 'remote', payment: 'grant', enrolledAgo: 3 * DAY, activatedAgo: null, cohort: 'L1-Info' },
    note: 'grant holder, remote enrollment 3 days ago; apostrophe, hyphens and accents (type them with or without accents, any case)',
  },
  {
    profileId: 'cergy-etudiant',
    expected: 'PAYMENT_PENDING',
    identity: { lastName: 'Perrin', firstName: 'Hugo', birthDate: '2006-01-27', studentNumber: '21000003' },
    record: { channel: 'online', payment: 'pending', enrolledAgo: 5 * DAY, activatedAgo: null, cohort: 'L1-Info' },
    note: '"Inscription en attente de paiement"',
  },
  {
    profileId: 'cergy-etudiant',
    expected: 'NOT_YET_OPEN',
    identity: { lastName: 'Lambert', firstName: 'Inès', birthDate: '2006-07-08', studentNumber: '21000004' },
    record: { channel: 'online', payment: 'paid', enrolledAgo: 'today', activatedAgo: null },
    note: 'enrolled online a few minutes ago: opens at the next midnight (Europe/Paris)',
  },
  {
    profileId: 'cergy-etudiant',
    expected: 'NOT_YET_OPEN',
    identity: { lastName: 'Roussel', firstName: 'Théo', birthDate: '2005-09-30', studentNumber: '21000005' },
    record: { channel: 'remote', payment: 'paid', enrolledAgo: 120, activatedAgo: null },
    note: 'remote enrollment 2 hours ago: opens 22 hours from now',
  },
  {
    profileId: 'cergy-etudiant',
    expected: 'ALREADY_ACTIVE',
    identity: { lastName: 'Fontaine', firstName: 'Léa', birthDate: '2006-02-14', studentNumber: '21000006' },
    record: { channel: 'online', payment: 'paid', enrolledAgo: 30 * DAY, activatedAgo: 20 * DAY, cohort: 'L1-Info' },
    note: 'account activated 20 days ago',
  },
  {
    profileId: 'cergy-etudiant',
    expected: 'eligible',
    identity: { lastName: 'Moreau', firstName: 'Nathan', birthDate: '2005-05-19', studentNumber: '21000007' },
    usageName: 'Garnier',
    record: { channel: 'online', payment: 'paid', enrolledAgo: 8 * DAY, activatedAgo: null },
    note: 'card shows the nom d\'usage "Garnier": typing it gives IDENTITY_MISMATCH (the name hint); the birth name "Moreau" works',
  },
  {
    profileId: 'cergy-etudiant',
    expected: 'IDENTITY_MISMATCH',
    identity: { lastName: 'Inconnu', firstName: 'Alex', birthDate: '2006-03-03', studentNumber: '21009999' },
    record: null,
    note: 'not in the enrollment file: answered exactly like a wrong name',
  },
];
