import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnOf } from '../../../server/import/enrollment-row-schema';
import { recordFields } from '../../../server/services/identity-hashing';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';
import { csvBytes, csvColumnOf, csvProblemOf, groupCsvHeader } from '../../../renderer/src/staff/group/csv-hint';

const PROFILE_IDS = ['cergy-etudiant', 'um-etudiant', 'ent77-college', 'idf-lycee', 'parents-scolarite'];

function loadProfile(id: string): Profile {
  return ProfileSchema.parse(JSON.parse(readFileSync(`resources/profiles/${id}.json`, 'utf8')));
}

describe('group CSV header hint (issue 6)', () => {
  it('names, for every bundled profile, exactly the columns the server reads: its record identity columns, then label', () => {
    for (const id of PROFILE_IDS) {
      const profile = loadProfile(id);
      const expected = [...recordFields(profile).map((field) => columnOf(field.key)), 'label'].join(',');
      expect(groupCsvHeader(profile.identity.fields), id).toBe(expected);
    }
  });

  it('never asks for a letter secret as a column (ENT 77: login only)', () => {
    const ent77 = loadProfile('ent77-college');
    expect(ent77.identity.fields.some((field) => field.kind === 'credential')).toBe(true);
    expect(groupCsvHeader(ent77.identity.fields)).toBe('login,label');
  });

  it('spells columns like the importer', () => {
    for (const key of ['studentNumber', 'birthDate', 'lastName', 'login']) expect(csvColumnOf(key)).toBe(columnOf(key));
  });
});

describe('CSV problems from the server', () => {
  it('reads a row and a column whatever the separator', () => {
    expect(csvProblemOf({ key: 'row3.login', reason: 'required' })).toEqual({ row: 3, column: 'login', reason: 'required' });
    expect(csvProblemOf({ key: 'rows.12.studentNumber', reason: 'format' })).toEqual({ row: 12, column: 'student_number', reason: 'format' });
    expect(csvProblemOf({ key: '4:birth_date', reason: 'date' })).toEqual({ row: 4, column: 'birth_date', reason: 'date' });
  });

  it('keeps a column-only or whole-list problem without inventing a row', () => {
    expect(csvProblemOf({ key: 'header.login', reason: 'required' })).toEqual({ column: 'login', reason: 'required' });
    expect(csvProblemOf({ key: 'csv', reason: 'tooLong' })).toEqual({ reason: 'tooLong' });
    expect(csvProblemOf({ key: 'row7', reason: 'unknown' })).toEqual({ row: 7, reason: 'unknown' });
  });

  it('counts bytes as UTF-8, as the server limit does', () => {
    expect(csvBytes('login')).toBe(5);
    expect(csvBytes('é')).toBe(2);
  });
});
