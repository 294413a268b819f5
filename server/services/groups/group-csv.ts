import { GROUP_CSV_MAX_PROBLEMS } from '../../../shared/contract/group-csv-api';
import type { GroupCsvProblem } from '../../../shared/contract/group-csv-api';
import { parseWith } from '../../../shared/contract/parse';
import { identitySchemaFor } from '../../../shared/policies/identity-rules';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { LabelCellSchema, derivedBoardLabel } from '../../import/board-label';
import { parseCsv } from '../../import/csv-parser';
import { columnOf } from '../../import/enrollment-row-schema';
import { hashIdentity, recordFields } from '../identity-hashing';

/** One person of a group list: the record it points to (found or not) and the name on the board. */
export interface ListedMember {
  lookupKey: string;
  label: string;
}

export type GroupCsvParse = { ok: true; members: ListedMember[] } | { ok: false; problems: GroupCsvProblem[] };

/** The board holds 500 people at most (BoardSchema). */
export const GROUP_MAX_MEMBERS = 500;

function refused(problems: GroupCsvProblem[]): GroupCsvParse {
  return { ok: false, problems: problems.slice(0, GROUP_CSV_MAX_PROBLEMS) };
}

/** The header's problems: every expected column present, none unknown, none twice (each named once). */
function headerProblems(columns: string[], expected: string[]): GroupCsvProblem[] {
  const allowed = new Set([...expected, 'label']);
  const unique = [...new Set(columns)];
  return [
    ...expected.filter((column) => !columns.includes(column)).map((column) => ({ code: 'MISSING_COLUMN' as const, column })),
    ...unique.filter((column) => !allowed.has(column)).map((column) => ({ code: 'UNKNOWN_COLUMN' as const, column: column.slice(0, 40) })),
    ...unique.filter((column) => allowed.has(column) && columns.indexOf(column) !== columns.lastIndexOf(column)).map((column) => ({ code: 'DUPLICATE_COLUMN' as const, column })),
  ];
}

/**
 * A teacher's list for a group session (issue 6): the profile's identity columns, named as for
 * imports, plus an optional `label`. Each row points to a record by the same keyed hash as an
 * import; a row matching no record still becomes a member (the board says NOT_FOUND, so the
 * teacher sees who is missing from the registrar's file). Any problem refuses the whole list,
 * and each problem says what to fix (GroupCsvProblemSchema), never a cell's value.
 */
export function parseGroupCsv(profile: Profile, recordKey: Buffer, text: string): GroupCsvParse {
  const csv = parseCsv(text);
  if (!csv.ok) return refused([{ code: 'UNREADABLE', line: csv.line, quote: csv.problem }]);
  const [header, ...records] = csv.records;
  if (!header) return refused([{ code: 'EMPTY_LIST' }]);
  const columns = header.cells.map((cell) => cell.trim());
  const expected = recordFields(profile).map((field) => columnOf(field.key));
  const problems = headerProblems(columns, expected);
  if (problems.length > 0) return refused(problems);
  if (records.length === 0) return refused([{ code: 'EMPTY_LIST' }]);
  // Not one row is read past the limit: the teacher splits the class, whatever the rows hold.
  if (records.length > GROUP_MAX_MEMBERS) return refused([{ code: 'TOO_MANY_ROWS', rows: records.length, limit: GROUP_MAX_MEMBERS }]);

  const schema = identitySchemaFor({ ...profile, identity: { ...profile.identity, fields: recordFields(profile) } });
  const members: ListedMember[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.cells.length !== columns.length) {
      problems.push({ code: 'CELL_COUNT', line: record.line, cells: record.cells.length, expected: columns.length });
      continue;
    }
    const cell = (column: string) => record.cells[columns.indexOf(column)] ?? '';
    const identity = Object.fromEntries(recordFields(profile).map((field) => [field.key, cell(columnOf(field.key))]));
    const parsed = parseWith(schema, identity);
    const label = LabelCellSchema.safeParse(columns.includes('label') ? cell('label') : '');
    if (!label.success) problems.push({ code: 'BAD_VALUE', line: record.line, column: 'label', reason: 'tooLong' });
    if (!parsed.ok) {
      for (const issue of parsed.problems) problems.push({ code: 'BAD_VALUE', line: record.line, column: columnOf(issue.key).slice(0, 40), reason: issue.reason });
      continue;
    }
    if (!label.success) continue;
    const { lookupKey } = hashIdentity(profile, parsed.data, recordKey);
    const firstLine = seen.get(lookupKey);
    if (firstLine !== undefined) {
      problems.push({ code: 'DUPLICATE_PERSON', line: record.line, firstLine });
      continue;
    }
    seen.set(lookupKey, record.line);
    members.push({ lookupKey, label: label.data ?? derivedBoardLabel(profile, parsed.data) ?? '' });
  }
  if (problems.length > 0) return refused(problems);
  return { ok: true, members };
}
