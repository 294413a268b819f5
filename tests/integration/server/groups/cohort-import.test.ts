import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decryptRecordValue, recordBinding } from '../../../../server/crypto/record-cipher';
import { ensureServerKeys } from '../../../../server/crypto/server-keys';
import type { ServerKeys } from '../../../../server/crypto/server-keys';
import { formatImportProblem, importEnrollmentsCsv } from '../../../../server/import/enrollment-csv-import';
import { loadProfiles } from '../../../../server/profiles/profile-registry';
import type { Db } from '../../../../server/store/connection';
import { listCohortEnrollments, listCohorts } from '../../../../server/store/group-repository';
import { openServerDatabase } from '../../../../server/store/server-database';
import { PROFILES_DIR } from '../helpers/server-harness';

const HEADER = 'student_number,last_name,first_name,birth_date,enrolled_at,channel,payment,activated_at';
const AT = '2026-09-01T10:00:00+02:00,online,paid,';
let dir: string;
let db: Db;
let keys: ServerKeys;
const profiles = loadProfiles(PROFILES_DIR);

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'sesame-cohort-'));
  keys = ensureServerKeys(dir).keys;
  db = openServerDatabase(dir);
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

function run(profileId: string, text: string) {
  const profile = profiles.get(profileId);
  if (!profile) throw new Error(profileId);
  return importEnrollmentsCsv(db, profile, keys.recordKey, text, new Date('2026-09-15T08:00:00Z'));
}

function labels(profileId: string, cohort: string): string[] {
  return listCohortEnrollments(db, profileId, cohort).map((row) => decryptRecordValue(keys.recordKey, recordBinding(profileId, row.lookupKey, 'label'), row.labelEnc ?? '') ?? '?').sort();
}

describe('import: optional cohort and label columns (issue 6, group sessions)', () => {
  it('stores the cohort in clear and the label sealed, derived as "Prénom N." when the file gives none', () => {
    const outcome = run('cergy-etudiant', [`${HEADER},cohort,label`, `21000101,Durand,élise,2006-03-01,${AT},L1-Info,`, `21000102,Ben Ali,Karim,2005-12-24,${AT},L1-Info,Karim (délégué)`].join('\n'));
    expect(outcome).toEqual({ ok: true, imported: 2 });
    expect(listCohorts(db, 'cergy-etudiant')).toEqual([{ cohort: 'L1-Info', members: 2 }]);
    expect(labels('cergy-etudiant', 'L1-Info')).toEqual(['Karim (délégué)', 'Élise D.']);
    const stored = db.prepare('SELECT label_enc AS labelEnc FROM enrollments').all() as { labelEnc: string }[];
    expect(JSON.stringify(stored)).not.toMatch(/lise|Karim|Durand/);
  });

  it('keeps working without the columns, and a re-import without cohort keeps it', () => {
    expect(run('cergy-etudiant', `${HEADER},cohort\n21000101,Durand,Élise,2006-03-01,${AT},L1-Info\n`).ok).toBe(true);
    expect(run('cergy-etudiant', `${HEADER}\n21000101,Durand,Élise,2006-03-01,${AT}\n`).ok).toBe(true);
    expect(listCohorts(db, 'cergy-etudiant')).toEqual([{ cohort: 'L1-Info', members: 1 }]);
  });

  it('uses the login as label for letter profiles, and refuses a bad cohort without importing anything', () => {
    expect(run('ent77-college', 'login,enrolled_at,activated_at,cohort\nmanon.leclerc,2026-09-01T10:00:00Z,,3eB\n').ok).toBe(true);
    expect(labels('ent77-college', '3eB')).toEqual(['manon.leclerc']);
    const refused = run('cergy-etudiant', `${HEADER},cohort\n21000101,Durand,Élise,2006-03-01,${AT},=cmd|x\n`);
    expect(refused.ok ? [] : refused.problems.map(formatImportProblem)).toEqual(['ligne 2: cohort: format invalide']);
    expect(listCohorts(db, 'cergy-etudiant')).toEqual([]);
  });
});
