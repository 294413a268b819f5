import { describe, expect, it } from 'vitest';
import { listAudit } from '../../../../server/audit/audit-log';
import { GroupCsvProblemSchema } from '../../../../shared/contract/group-csv-api';
import type { GroupCsvProblem } from '../../../../shared/contract/group-csv-api';
import { AppErrorSchema } from '../../../../shared/contract/result';
import { staffCall } from '../helpers/staff-harness';
import { groupRoom } from './group-calls';

/**
 * Issue 6: a refused teacher's list says exactly what to fix, one stable code per problem
 * (GroupCsvProblemSchema), so the kiosk words each one without guessing; nothing is written.
 */
const UM = 'um-etudiant';
const HEADER = 'student_number,last_name,birth_date';
const room = groupRoom();

async function refusal(csv: string, profileId = UM): Promise<GroupCsvProblem[]> {
  const answer = await staffCall(room.harness, 'POST', '/v1/staff/groups', room.team.staff, { profileId, label: 'TP', source: { kind: 'csv', csv } });
  expect([answer.status, answer.body.error?.code]).toEqual([400, 'INVALID_INPUT']);
  return GroupCsvProblemSchema.array().parse(AppErrorSchema.parse(answer.body.error).csv);
}

function groupCount(): number {
  return room.harness.readDatabase((db) => (db.prepare('SELECT COUNT(*) AS n FROM groups').get() as { n: number }).n);
}

describe('a refused group list names each problem by a stable code (issue 6)', () => {
  it('the same person twice: DUPLICATE_PERSON with both lines, however the cells are spelled', async () => {
    const csv = [HEADER, '22000001,Delmas,2005-06-21', '22000003,Chevalier,2005-12-12', '22000001, DELMAS ,2005-06-21'].join('\n');
    expect(await refusal(csv)).toEqual([{ code: 'DUPLICATE_PERSON', line: 4, firstLine: 2 }]);
  });

  it('a column twice: DUPLICATE_COLUMN, named once, not "unknown"', async () => {
    expect(await refusal('student_number,last_name,birth_date,last_name\n22000001,Delmas,2005-06-21,Delmas\n')).toEqual([{ code: 'DUPLICATE_COLUMN', column: 'last_name' }]);
  });

  it('a column the profile does not read: UNKNOWN_COLUMN with its name; a blank header cell too', async () => {
    expect(await refusal('student_number,last_name,birth_date,prenom,\n22000001,Delmas,2005-06-21,Yanis,\n')).toEqual([
      { code: 'UNKNOWN_COLUMN', column: 'prenom' },
      { code: 'UNKNOWN_COLUMN', column: '' },
    ]);
  });

  it('a column missing: MISSING_COLUMN with its name', async () => {
    expect(await refusal('student_number,last_name\n22000001,Delmas\n')).toEqual([{ code: 'MISSING_COLUMN', column: 'birth_date' }]);
  });

  it('more people than a board holds: TOO_MANY_ROWS with the count and the limit, not a line-1 range error', async () => {
    const rows = Array.from({ length: 501 }, (_, index) => `${22100000 + index},D,2005-06-21`);
    expect(await refusal([HEADER, ...rows].join('\n'))).toEqual([{ code: 'TOO_MANY_ROWS', rows: 501, limit: 500 }]);
  });

  it('a header and no one under it, or blank lines only: EMPTY_LIST', async () => {
    expect(await refusal(`${HEADER}\r\n\r\n`)).toEqual([{ code: 'EMPTY_LIST' }]);
    expect(await refusal('\n\n')).toEqual([{ code: 'EMPTY_LIST' }]);
  });

  it('bad cells: BAD_VALUE with line, column and reason; a short row: CELL_COUNT', async () => {
    const csv = [HEADER, '22000001,Delmas,2005-13-45', '2200,Chevalier,2005-12-12', '22000004,Martin'].join('\n');
    expect(await refusal(csv)).toEqual([
      { code: 'BAD_VALUE', line: 2, column: 'birth_date', reason: 'date' },
      { code: 'BAD_VALUE', line: 3, column: 'student_number', reason: 'format' },
      { code: 'CELL_COUNT', line: 4, cells: 2, expected: 3 },
    ]);
  });

  it('text that is not CSV: UNREADABLE with the line of the open quote', async () => {
    expect(await refusal(`${HEADER}\n22000001,"Delmas,2005-06-21\n`)).toEqual([{ code: 'UNREADABLE', line: 2, quote: 'unterminatedQuote' }]);
  });

  it('writes nothing, and audits each refusal with the codes only, never a column or a cell', async () => {
    await refusal('student_number,last_name,birth_date,prenom\n22000001,Delmas,2005-06-21,Yanis\n');
    await refusal([HEADER, '22000001,Delmas,2005-06-21', '22000001,Delmas,2005-06-21'].join('\n'));
    expect(groupCount()).toBe(0);
    const entries = (await room.harness.withStore((store) => listAudit(store))).filter((entry) => entry.action === 'group.open');
    expect(entries.map((entry) => [entry.outcome, entry.actor, entry.terminalId, entry.details])).toEqual([
      ['INVALID_INPUT', 'prof.durand', 'borne-test', { source: 'csv', profileId: UM, problems: 'UNKNOWN_COLUMN' }],
      ['INVALID_INPUT', 'prof.durand', 'borne-test', { source: 'csv', profileId: UM, problems: 'DUPLICATE_PERSON' }],
    ]);
    const trail = JSON.stringify(entries);
    for (const value of ['prenom', 'Yanis', 'Delmas', '22000001']) expect(trail).not.toContain(value);
  });
});
