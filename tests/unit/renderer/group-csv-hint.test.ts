import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { columnOf } from '../../../server/import/enrollment-row-schema';
import { recordFields } from '../../../server/services/identity-hashing';
import { ProfileSchema, type Profile } from '../../../shared/schemas/profile-schema';
import { csvBytes, csvColumnOf, csvProblemSentence, groupCsvHeader } from '../../../renderer/src/staff/group/csv-hint';
import { CSV_VALUE_REASONS, type GroupCsvProblem } from '../../../shared/contract/group-csv-api';
import { translate } from '../../../shared/messages/translate';

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

describe('CSV problems from the server, one sentence per stable code', () => {
  const fr = (problem: GroupCsvProblem) => csvProblemSentence(problem, (key, params) => translate('fr', key, params));
  const en = (problem: GroupCsvProblem) => csvProblemSentence(problem, (key, params) => translate('en', key, params));

  it('says what to fix, with the numbers and column the server sent', () => {
    expect(fr({ code: 'DUPLICATE_PERSON', line: 5, firstLine: 2 })).toBe('Ligne 5 : la même personne qu’à la ligne 2.');
    expect(fr({ code: 'DUPLICATE_COLUMN', column: 'last_name' })).toBe('Colonne « last_name » présente deux fois dans la première ligne.');
    expect(fr({ code: 'UNKNOWN_COLUMN', column: 'prenom' })).toBe('Colonne « prenom » inconnue pour cette démarche : renommez-la ou retirez-la.');
    expect(fr({ code: 'UNKNOWN_COLUMN', column: '' })).toBe('Une colonne de la première ligne n’a pas de nom.');
    expect(fr({ code: 'TOO_MANY_ROWS', rows: 501, limit: 500 })).toBe('La liste compte 501 personnes ; une séance en accueille 500 au plus : ouvrez plusieurs séances.');
    expect(fr({ code: 'EMPTY_LIST' })).toMatch(/^La liste ne contient personne/);
    expect(fr({ code: 'BAD_VALUE', line: 3, column: 'birth_date', reason: 'date' })).toBe('Ligne 3, colonne « birth_date » : date impossible.');
    expect(fr({ code: 'CELL_COUNT', line: 4, cells: 2, expected: 4 })).toBe('Ligne 4 : 2 valeurs au lieu de 4.');
    expect(en({ code: 'MISSING_COLUMN', column: 'birth_date' })).toBe('Column “birth_date” is missing from the first line.');
    expect(en({ code: 'UNREADABLE', line: 2, quote: 'unterminatedQuote' })).toBe('Line 2: a quote (") is opened and never closed.');
  });

  it('leaves no placeholder unfilled, whatever the code', () => {
    const all: GroupCsvProblem[] = [
      { code: 'UNREADABLE', line: 1, quote: 'quoteInField' },
      { code: 'EMPTY_LIST' },
      { code: 'MISSING_COLUMN', column: 'login' },
      { code: 'UNKNOWN_COLUMN', column: 'x' },
      { code: 'DUPLICATE_COLUMN', column: 'login' },
      { code: 'TOO_MANY_ROWS', rows: 600, limit: 500 },
      { code: 'CELL_COUNT', line: 2, cells: 1, expected: 2 },
      ...CSV_VALUE_REASONS.map((reason) => ({ code: 'BAD_VALUE' as const, line: 2, column: 'login', reason })),
      { code: 'DUPLICATE_PERSON', line: 3, firstLine: 2 },
    ];
    for (const problem of all) for (const sentence of [fr(problem), en(problem)]) expect(sentence, problem.code).not.toMatch(/[{}]/);
  });

  it('counts bytes as UTF-8, as the server limit does', () => {
    expect(csvBytes('login')).toBe(5);
    expect(csvBytes('é')).toBe(2);
  });
});
