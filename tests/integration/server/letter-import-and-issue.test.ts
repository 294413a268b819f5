import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptRecordValue, recordBinding } from '../../../server/crypto/record-cipher';
import { ensureServerKeys } from '../../../server/crypto/server-keys';
import type { ServerKeys } from '../../../server/crypto/server-keys';
import { formatImportProblem, importEnrollmentsCsv } from '../../../server/import/enrollment-csv-import';
import { loadProfiles } from '../../../server/profiles/profile-registry';
import type { ProfileRegistry } from '../../../server/profiles/profile-registry';
import { credentialMatches, issueMissingCredentials } from '../../../server/services/credential-service';
import { credentialFields, hashIdentity } from '../../../server/services/identity-hashing';
import { openServerStore } from '../../../server/store/sqlite/server-database';
import type { Store } from '../../../server/store/store';
import { isWellFormedCode } from '../../../shared/policies/secret-codes';
import { PROFILES_DIR } from './helpers/server-harness';

const NOW = new Date('2026-09-15T08:00:00Z');
let dir: string;
let db: Store;
let keys: ServerKeys;
let profiles: ProfileRegistry;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sesame-letters-'));
  keys = ensureServerKeys(dir).keys;
  db = openServerStore(dir);
  profiles = loadProfiles(PROFILES_DIR);
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(profileId: string, text: string) {
  const profile = profiles.get(profileId);
  if (!profile) throw new Error(profileId);
  return await importEnrollmentsCsv(db, profile, keys.recordKey, text, NOW);
}

async function recordOf(profileId: string, identity: Record<string, string>) {
  const profile = profiles.get(profileId);
  if (!profile) throw new Error(profileId);
  return await db.enrollments.findEnrollment(profileId, hashIdentity(profile, identity, keys.recordKey).lookupKey);
}

describe('CSV import for the letter and chosen-password profiles', () => {
  it('ent77: login only, channel and payment default to online and paid, the login kept encrypted for the letters', async () => {
    expect(await run('ent77-college', 'login,enrolled_at,activated_at\nManon.Leclerc,2026-09-01T10:00:00Z,\n')).toEqual({ ok: true, imported: 1 });
    const record = await recordOf('ent77-college', { login: 'manon.leclerc' });
    expect(record).toMatchObject({ channel: 'online', payment: 'paid', paidAt: null, deactivatedAt: null });
    expect(decryptRecordValue(keys.recordKey, recordBinding('ent77-college', record?.lookupKey ?? '', 'login'), record?.loginEnc ?? '')).toBe('manon.leclerc');
  });

  it('a letter\'s secret is never a column, and unknown or missing columns are named', async () => {
    const outcome = await run('ent77-college', 'login,activation_code,enrolled_at\n');
    expect(outcome.ok ? [] : outcome.problems.map(formatImportProblem)).toEqual(['ligne 1: activated_at: colonne manquante', 'ligne 1: activation_code: colonne inconnue']);
  });

  it('umontpellier: the personal address is required and kept encrypted; paid_at is read', async () => {
    const header = 'student_number,last_name,birth_date,enrolled_at,payment,paid_at,activated_at,personal_email';
    const missing = await run('um-etudiant', `${header}\n22000101,Delmas,2005-06-21,2026-09-01T10:00:00Z,paid,2026-09-02T10:00:00Z,,\n`);
    expect(missing.ok ? [] : missing.problems.map(formatImportProblem)).toEqual(['ligne 2: personal_email: format invalide']);
    expect(await run('um-etudiant', `${header}\n22000101,Delmas,2005-06-21,2026-09-01T10:00:00Z,paid,2026-09-02T10:00:00+02:00,,y.d@example.org\n`)).toEqual({ ok: true, imported: 1 });
    const record = await recordOf('um-etudiant', { studentNumber: '22000101' });
    expect(record?.paidAt).toBe('2026-09-02T08:00:00.000Z');
    expect(decryptRecordValue(keys.recordKey, recordBinding('um-etudiant', record?.lookupKey ?? '', 'email_on_file'), record?.emailOnFileEnc ?? '')).toBe('y.d@example.org');
    expect(record?.loginEnc).toBeNull();
  });
});

describe('letters issued by the server', () => {
  const HEADER = 'login,child_birth_date,enrolled_at,activated_at';

  it('issues one well-formed, hashed secret per record without a live one, and reissuing replaces it', async () => {
    expect((await run('parents-scolarite', `${HEADER}\nc.dupont12,2014-01-02,2026-09-01T10:00:00Z,\nj.martin7,2013-03-04,2026-09-01T10:00:00Z,\n`)).ok).toBe(true);
    const profile = profiles.get('parents-scolarite');
    if (!profile) throw new Error('profile');
    const letters = await issueMissingCredentials(db, profile, keys.recordKey, NOW);
    expect(letters.map((letter) => letter.login).sort()).toEqual(['c.dupont12', 'j.martin7']);
    for (const letter of letters) {
      expect(isWellFormedCode(letter.secret, 8)).toBe(true);
      expect(letter.expiresAt).toBe('2026-12-16T08:00:00.000Z');
    }
    expect(await issueMissingCredentials(db, profile, keys.recordKey, NOW)).toEqual([]);
    const { lookupKey } = hashIdentity(profile, { login: 'c.dupont12' }, keys.recordKey);
    const first = await db.credentials.findCurrentCredential(profile.id, lookupKey);
    const field = credentialFields(profile)[0];
    if (!field) throw new Error('field');
    const secret = letters.find((letter) => letter.login === 'c.dupont12')?.secret ?? '';
    expect(await credentialMatches(field, secret, first)).toBe(true);
    expect(await credentialMatches(field, secret.toLowerCase(), first)).toBe(false);
    expect(await credentialMatches(field, secret, undefined)).toBe(false);

    await db.credentials.markCredentialsUsed(profile.id, lookupKey, NOW.toISOString());
    const reissued = await issueMissingCredentials(db, profile, keys.recordKey, NOW);
    expect(reissued.map((letter) => letter.login)).toEqual(['c.dupont12']);
    expect((await db.credentials.findCurrentCredential(profile.id, lookupKey))?.id).not.toBe(first?.id);
    expect(await credentialMatches(field, secret, await db.credentials.findCurrentCredential(profile.id, lookupKey))).toBe(false);
    expect(await db.credentials.countCredentials(profile.id)).toBe(3);
  });

  it('activation codes are printed in groups of four', async () => {
    expect((await run('ent77-college', 'login,enrolled_at,activated_at\nlea.roux,2026-09-01T10:00:00Z,\n')).ok).toBe(true);
    const profile = profiles.get('ent77-college');
    if (!profile) throw new Error('profile');
    const [letter] = await issueMissingCredentials(db, profile, keys.recordKey, NOW);
    expect(letter?.secret).toMatch(/^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$/);
  });
});
