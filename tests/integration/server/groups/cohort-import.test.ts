import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptRecordValue, recordBinding } from '../../../../server/crypto/record-cipher';
import { ensureServerKeys } from '../../../../server/crypto/server-keys';
import type { ServerKeys } from '../../../../server/crypto/server-keys';
import { formatImportProblem, importEnrollmentsCsv } from '../../../../server/import/enrollment-csv-import';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import { openServerStore } from '../../../../server/store/sqlite/server-database';
import type { Store } from '../../../../server/store/store';
import { PROFILES_DIR } from '../helpers/server-harness';
import { inspectSqliteFile } from '../helpers/sqlite-file';

const HEADER = 'student_number,last_name,first_name,birth_date,enrolled_at,channel,payment,activated_at';
const AT = '2026-09-01T10:00:00+02:00,online,paid,';
let dir: string;
let db: Store;
let keys: ServerKeys;
const profiles = loadProfiles(PROFILES_DIR);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sesame-cohort-'));
  keys = ensureServerKeys(dir).keys;
  db = openServerStore(dir);
});
afterEach(async () => {
  await db.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(profileId: string, text: string) {
  const profile = profiles.get(profileId);
  if (!profile) throw new Error(profileId);
  return await importEnrollmentsCsv(db, profile, keys.recordKey, text, new Date('2026-09-15T08:00:00Z'));
}

async function labels(profileId: string, cohort: string): Promise<string[]> {
  return (await db.groups.listCohortEnrollments(profileId, cohort)).map((row) => decryptRecordValue(keys.recordKey, recordBinding(profileId, row.lookupKey, 'label'), row.labelEnc ?? '') ?? '?').sort();
}

describe('import: optional cohort and label columns (issue 6, group sessions)', () => {
  it('stores the cohort in clear and the label sealed, derived as "Prénom N." when the file gives none', async () => {
    const outcome = await run('cergy-etudiant', [`${HEADER},cohort,label`, `21000101,Durand,élise,2006-03-01,${AT},L1-Info,`, `21000102,Ben Ali,Karim,2005-12-24,${AT},L1-Info,Karim (délégué)`].join('\n'));
    expect(outcome).toEqual({ ok: true, imported: 2 });
    expect(await db.groups.listCohorts('cergy-etudiant')).toEqual([{ cohort: 'L1-Info', members: 2 }]);
    expect(await labels('cergy-etudiant', 'L1-Info')).toEqual(['Karim (délégué)', 'Élise D.']);
    const stored = inspectSqliteFile(dir, (file) => file.prepare('SELECT label_enc AS labelEnc FROM enrollments').all() as { labelEnc: string }[]);
    expect(JSON.stringify(stored)).not.toMatch(/lise|Karim|Durand/);
  });

  it('keeps working without the columns, and a re-import without cohort keeps it', async () => {
    expect((await run('cergy-etudiant', `${HEADER},cohort\n21000101,Durand,Élise,2006-03-01,${AT},L1-Info\n`)).ok).toBe(true);
    expect((await run('cergy-etudiant', `${HEADER}\n21000101,Durand,Élise,2006-03-01,${AT}\n`)).ok).toBe(true);
    expect(await db.groups.listCohorts('cergy-etudiant')).toEqual([{ cohort: 'L1-Info', members: 1 }]);
  });

  it('uses the login as label for letter profiles, and refuses a bad cohort without importing anything', async () => {
    expect((await run('ent77-college', 'login,enrolled_at,activated_at,cohort\nmanon.leclerc,2026-09-01T10:00:00Z,,3eB\n')).ok).toBe(true);
    expect(await labels('ent77-college', '3eB')).toEqual(['manon.leclerc']);
    const refused = await run('cergy-etudiant', `${HEADER},cohort\n21000101,Durand,Élise,2006-03-01,${AT},=cmd|x\n`);
    expect(refused.ok ? [] : refused.problems.map(formatImportProblem)).toEqual(['ligne 2: cohort: format invalide']);
    expect(await db.groups.listCohorts('cergy-etudiant')).toEqual([]);
  });
});
