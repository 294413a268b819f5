import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureServerKeys, loadServerKeys } from '../../../server/crypto/server-keys';
import { importEnrollmentsCsv } from '../../../server/import/enrollment-csv-import';
import { columnOf, columnsFor } from '../../../server/import/enrollment-row-schema';
import { loadProfiles } from '../../../server/profiles/profile-registry';
import { hashIdentity } from '../../../server/services/identity-hashing';
import { issueTerminalToken } from '../../../server/services/terminal-service';
import { openDatabase } from '../../../server/store/sqlite/connection';
import { DATABASE_FILE, openServerStore } from '../../../server/store/sqlite/server-database';
import { PROFILES_DIR } from '../server/helpers/server-harness';

/**
 * A generated Cergy cohort for the sync tests and bench: fictional students imported through
 * the registrar's CSV importer into a fresh server data folder, with terminal tokens, and the
 * server-side count that "exactly once" is judged by.
 */
export const COHORT_PROFILE = 'cergy-etudiant';

export interface CohortPerson {
  lastName: string;
  firstName: string;
  birthDate: string;
  studentNumber: string;
}

/** Names made of letters only (the profile's name rules), numbers unique per index. */
export function cohortPeople(count: number): CohortPerson[] {
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  return Array.from({ length: count }, (_unused, index) => ({
    lastName: 'Durand',
    firstName: `Essai${letters[Math.floor(index / 676) % 26]}${letters[Math.floor(index / 26) % 26]}${letters[index % 26]}`,
    birthDate: '2005-03-07',
    studentNumber: String(72_000_000 + index),
  }));
}

function cohortCsv(people: CohortPerson[], columns: string[]): string {
  // Paid, enrolled a week ago, never activated: every one of them eligible.
  const enrolledAt = new Date(Date.now() - 7 * 86_400_000).toISOString();
  const facts: Record<string, string> = { enrolled_at: enrolledAt, activated_at: '', channel: 'online', payment: 'paid' };
  const lines = [columns.join(',')];
  for (const person of people) {
    const values: Record<string, string> = { ...facts };
    for (const [key, value] of Object.entries(person)) values[columnOf(key)] = value;
    lines.push(columns.map((column) => values[column] ?? '').join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}

function cohortProfile() {
  const profile = loadProfiles(PROFILES_DIR).get(COHORT_PROFILE);
  if (!profile) throw new Error(`no profile ${COHORT_PROFILE}`);
  return profile;
}

/** A new server data folder holding `count` people and one token per terminal id. */
export async function seedCohortServer(count: number, terminalIds: string[]): Promise<{ dataDir: string; people: CohortPerson[]; tokens: string[] }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sesame-sync-server-'));
  const { keys } = ensureServerKeys(dataDir);
  const people = cohortPeople(count);
  const store = openServerStore(dataDir);
  try {
    const imported = await importEnrollmentsCsv(store, cohortProfile(), keys.recordKey, cohortCsv(people, columnsFor(cohortProfile())));
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    const tokens: string[] = [];
    for (const id of terminalIds) tokens.push(await issueTerminalToken(store, id, id, new Date()));
    return { dataDir, people, tokens };
  } finally {
    await store.close();
  }
}

export interface PersonCounts {
  /** Activations in state `active` for the person: 1 is right, 0 lost, 2+ doubled. */
  active: number;
  /** Whether the enrollment record says activated. */
  activated: boolean;
}

/** Per person, read through a second connection to the server's database (WAL lets it). */
export function countsOnServer(dataDir: string, people: CohortPerson[]): PersonCounts[] {
  const profile = cohortProfile();
  const { recordKey } = loadServerKeys(dataDir);
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    const active = db.prepare<[string, string], { n: number }>(`SELECT COUNT(*) AS n FROM activations WHERE profile_id = ? AND lookup_key = ? AND state = 'active'`);
    const record = db.prepare<[string, string], { activated_at: string | null }>('SELECT activated_at FROM enrollments WHERE profile_id = ? AND lookup_key = ?');
    return people.map((person) => {
      const { lookupKey } = hashIdentity(profile, { ...person }, recordKey);
      return { active: active.get(profile.id, lookupKey)?.n ?? 0, activated: Boolean(record.get(profile.id, lookupKey)?.activated_at) };
    });
  } finally {
    db.close();
  }
}

/** Lost / delivered once / duplicated, from the per-person counts. */
export function tally(counts: PersonCounts[]): { once: number; lost: number; duplicated: number } {
  return {
    once: counts.filter((c) => c.active === 1 && c.activated).length,
    lost: counts.filter((c) => c.active === 0 || !c.activated).length,
    duplicated: counts.filter((c) => c.active > 1).length,
  };
}

/** A seeded PRNG (mulberry32): the kill moments are the same on every run of a seed. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}
