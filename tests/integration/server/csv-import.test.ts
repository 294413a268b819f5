import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureServerKeys } from '../../../server/crypto/server-keys';
import type { ServerKeys } from '../../../server/crypto/server-keys';
import { formatImportProblem, importEnrollmentsCsv } from '../../../server/import/enrollment-csv-import';
import { loadProfiles } from '../../../server/profiles/profile-registry';
import { hashIdentity } from '../../../server/services/identity-hashing';
import { openServerStore } from '../../../server/store/sqlite/server-database';
import type { Store } from '../../../server/store/store';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { PROFILES_DIR, PROFILE_ID } from './helpers/server-harness';

const HEADER = 'student_number,last_name,first_name,birth_date,enrolled_at,channel,payment,activated_at';
const GOOD = '21000101,Durand,Élise,2006-03-01,2026-09-01T10:00:00+02:00,online,paid,';
const GOOD_2 = '21000102,"D\'Souza-Ben Ali",Karim,2005-12-24,2026-09-02T09:00:00Z,remote,grant,';

let dir: string;
let db: Store;
let keys: ServerKeys;
let profile: Profile;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sesame-import-'));
  keys = ensureServerKeys(dir).keys;
  db = openServerStore(dir);
  const loaded = loadProfiles(PROFILES_DIR).get(PROFILE_ID);
  if (!loaded) throw new Error('no profile');
  profile = loaded;
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(text: string) {
  return await importEnrollmentsCsv(db, profile, keys.recordKey, text, new Date('2026-09-15T08:00:00Z'));
}

async function recordOf(studentNumber: string) {
  const hashed = hashIdentity(profile, { studentNumber }, keys.recordKey);
  return await db.enrollments.findEnrollment(profile.id, hashed.lookupKey);
}

describe('CSV import', () => {
  it('imports a good file with a BOM, CRLF and quoted fields', async () => {
    expect(await run(`\uFEFF${HEADER}\r\n${GOOD}\r\n${GOOD_2}\r\n`)).toEqual({ ok: true, imported: 2 });
    expect(await recordOf('21000101')).toMatchObject({ channel: 'online', payment: 'paid', enrolledAt: '2026-09-01T08:00:00.000Z', activatedAt: null });
    expect((await recordOf('21000102'))?.payment).toBe('grant');
  });

  it('accepts the columns in any order', async () => {
    const header = 'payment,channel,activated_at,enrolled_at,birth_date,first_name,last_name,student_number';
    expect(await run(`${header}\npaid,online,,2026-09-01T10:00:00Z,2006-03-01,Élise,Durand,21000101\n`)).toEqual({ ok: true, imported: 1 });
  });

  it('reports every bad row with its line and column, and imports nothing', async () => {
    const text = [
      HEADER,
      GOOD,
      '2100010,Durand,Élise,2006-03-01,2026-09-01T10:00:00Z,online,paid,',
      "21000103,'; DROP TABLE enrollments;--,Eve,2006-02-30,yesterday,by-fax,free,",
      '21000104,Petit,Jean,2006-01-01,2026-09-01T10:00:00Z,online',
      GOOD_2,
      GOOD.replace('Durand', 'Durant'),
    ].join('\n');
    const outcome = await run(text);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map(formatImportProblem)).toEqual([
      'ligne 3: student_number: format invalide',
      'ligne 4: last_name: format invalide',
      'ligne 4: birth_date: date impossible',
      'ligne 4: enrolled_at: format invalide',
      'ligne 4: channel: format invalide',
      'ligne 4: payment: format invalide',
      'ligne 5: (ligne): 6 colonnes au lieu de 8',
      'ligne 7: student_number: en double (ligne 2)',
    ]);
    expect(outcome.problems.map(formatImportProblem).join('\n')).not.toContain('2100010');
    expect(await db.enrollments.countEnrollments()).toBe(0);
  });

  it('names missing and unknown columns on line 1', async () => {
    const outcome = await run('student_number,last_name,first_name,birth_date,enrolled_at,channel,paiement,activated_at\n');
    expect(outcome.ok ? [] : outcome.problems.map(formatImportProblem)).toEqual(['ligne 1: payment: colonne manquante', 'ligne 1: paiement: colonne inconnue']);
  });

  it('reports an unterminated quote and imports nothing', async () => {
    const outcome = await run(`${HEADER}\n${GOOD}\n21000102,"Durand,Élise,2006-03-01,2026-09-01T10:00:00Z,online,paid,\n`);
    expect(outcome.ok ? [] : outcome.problems.map(formatImportProblem)).toEqual(['ligne 3: (fichier): guillemet non fermé']);
    expect(await db.enrollments.countEnrollments()).toBe(0);
  });

  it('updates on re-import but never clears an activation', async () => {
    await run(`${HEADER}\n${GOOD}\n`);
    const record = await recordOf('21000101');
    await db.enrollments.markEnrollmentActivated(profile.id, record?.lookupKey ?? '', '2026-09-10T10:00:00.000Z');
    expect(await run(`${HEADER}\n${GOOD.replace('paid', 'grant')}\n`)).toEqual({ ok: true, imported: 1 });
    expect(await recordOf('21000101')).toMatchObject({ payment: 'grant', activatedAt: '2026-09-10T10:00:00.000Z' });
    expect(await db.enrollments.countEnrollments()).toBe(1);
  });
});
