import { startOfNextLocalDay } from '../../shared/policies/time-zone';
import type { Profile } from '../../shared/schemas/profile-schema';
import { encryptRecordValue, recordBinding } from '../crypto/record-cipher';
import { emailHash } from '../crypto/record-hash';
import { importEnrollmentsCsv } from '../import/enrollment-csv-import';
import type { ImportOutcome } from '../import/enrollment-csv-import';
import { columnOf, columnsFor } from '../import/enrollment-row-schema';
import { storeCredential } from '../services/credential-service';
import { credentialFields, hashIdentity } from '../services/identity-hashing';
import { sweepInactive } from '../services/inactivity-sweep';
import type { Store, StoreOps } from '../store/store';
import { DEMO_IDENTITIES } from './demo-identities';
import type { DemoRecord } from './demo-identities';
import { PROFILE_DEMO_PEOPLE } from './profile-demo-people';
import type { ProfileDemoPerson } from './profile-demo-people';

const MINUTE = 60_000;

function enrolledAt(record: DemoRecord, now: Date, timeZone: string): Date {
  if (record.enrolledAgo !== 'today') return new Date(now.getTime() - record.enrolledAgo * MINUTE);
  // "A few minutes ago" must stay on today's date, or the next-day rule would already be open.
  const fewMinutesAgo = new Date(now.getTime() - 5 * MINUTE);
  return startOfNextLocalDay(fewMinutesAgo, timeZone).getTime() <= now.getTime() ? now : fewMinutesAgo;
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function ago(now: Date, minutes: number | null | undefined): string {
  return minutes === null || minutes === undefined ? '' : new Date(now.getTime() - minutes * MINUTE).toISOString();
}

function identityColumns(identity: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(identity).map(([key, value]) => [columnOf(key), value]));
}

/** Every demo person of a profile as one CSV row (column → text), dated relative to `now`. */
function demoRows(profile: Profile, now: Date): Record<string, string>[] {
  const rows: Record<string, string>[] = [];
  for (const person of DEMO_IDENTITIES) {
    if (!person.record || person.profileId !== profile.id) continue;
    const { record } = person;
    rows.push({
      ...identityColumns(person.identity),
      enrolled_at: enrolledAt(record, now, profile.timeZone).toISOString(),
      channel: record.channel,
      payment: record.payment,
      activated_at: ago(now, record.activatedAgo),
      cohort: record.cohort ?? '',
    });
  }
  for (const person of PROFILE_DEMO_PEOPLE) {
    if (!person.record || person.profileId !== profile.id) continue;
    const { record } = person;
    rows.push({
      ...identityColumns(person.identity),
      enrolled_at: ago(now, record.enrolledAgo),
      payment: record.payment,
      paid_at: ago(now, record.paidAgo),
      activated_at: ago(now, record.activatedAgo),
      personal_email: record.personalEmail ?? '',
      cohort: record.cohort ?? '',
    });
  }
  return rows;
}

/** The demo people as the registrar's CSV export, dated relative to `now`. */
export function demoCsv(profile: Profile, now: Date): string {
  const columns = [...columnsFor(profile), ...(profile.eligibility.afterPayment ? ['paid_at'] : [])];
  const withAddress = PROFILE_DEMO_PEOPLE.some((person) => person.profileId === profile.id && person.record?.personalEmail);
  if (withAddress && !columns.includes('personal_email')) columns.push('personal_email');
  // Group sessions (issue 6): a few demo people belong to a class ("3eB", "L1-Info").
  const people = [...DEMO_IDENTITIES, ...PROFILE_DEMO_PEOPLE].filter((person) => person.profileId === profile.id);
  if (people.some((person) => person.record?.cohort)) columns.push('cohort');
  const lines = [columns.join(',')];
  for (const values of demoRows(profile, now)) lines.push(columns.map((column) => quote(values[column] ?? '')).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/** Loads the demo people of one profile through the real CSV importer, as an operator's import would. */
export function seedDemo(store: Store, profile: Profile, recordKey: Buffer, now: Date): Promise<ImportOutcome> {
  return importEnrollmentsCsv(store, profile, recordKey, demoCsv(profile, now), now);
}

/**
 * The letters the demo people hold: their fixed fictional secret, hashed, used where the case
 * says so. The scrypt hashes run side by side (libuv's pool): one after the other they were
 * most of a first start-up (0.8 s).
 */
async function seedLetters(store: StoreOps, profile: Profile, recordKey: Buffer, people: ProfileDemoPerson[], now: Date): Promise<void> {
  await Promise.all(
    people.map(async (person) => {
      const letter = person.record?.letter;
      if (!letter) return;
      const { lookupKey } = hashIdentity(profile, person.identity, recordKey);
      const secret = person.identity[credentialFields(profile)[0]?.key ?? ''] ?? '';
      await storeCredential(store, profile, lookupKey, secret, new Date(now.getTime() - letter.issuedAgo * MINUTE));
      if (letter.used) await store.credentials.markCredentialsUsed(profile.id, lookupKey, ago(now, person.record?.activatedAgo ?? 0));
    }),
  );
}

/** The address the active demo people gave at activation, stored as an activation stores it (encrypted, and its keyed hash). */
async function seedContacts(store: StoreOps, profile: Profile, recordKey: Buffer, people: ProfileDemoPerson[], now: Date): Promise<void> {
  for (const person of people) {
    const address = person.record?.contactEmail;
    if (!address) continue;
    const { lookupKey } = hashIdentity(profile, person.identity, recordKey);
    const contactEmailEnc = encryptRecordValue(recordKey, recordBinding(profile.id, lookupKey, 'contact_email'), address);
    const contact = { contactEmailEnc, mobileEnc: null, termsVersion: profile.terms?.version ?? null, contactEmailHash: emailHash(recordKey, profile.id, address) };
    await store.enrollments.saveEnrollmentContact(profile.id, lookupKey, contact, now.toISOString());
  }
}

/**
 * The whole demo (issue 3: "the demo dataset covers each profile and each case"): every demo
 * profile present in `profiles` imported through the CSV importer, the letters stored, then the
 * inactivity sweep run once, which is what deactivates the parents' three-month-old letter.
 */
export async function seedDemoDataset(store: Store, profiles: ReadonlyMap<string, Profile>, recordKey: Buffer, now: Date): Promise<ImportOutcome> {
  const ids = new Set<string>([...DEMO_IDENTITIES, ...PROFILE_DEMO_PEOPLE].map((person) => person.profileId));
  let imported = 0;
  const letters: Promise<void>[] = [];
  for (const id of ids) {
    const profile = profiles.get(id);
    if (!profile) continue;
    const outcome = await seedDemo(store, profile, recordKey, now);
    if (!outcome.ok) return outcome;
    imported += outcome.imported;
    const people = PROFILE_DEMO_PEOPLE.filter((person) => person.profileId === id);
    letters.push(seedLetters(store, profile, recordKey, people, now));
    await seedContacts(store, profile, recordKey, people, now);
  }
  await Promise.all(letters);
  await sweepInactive(store, profiles.values(), now);
  return { ok: true, imported };
}
