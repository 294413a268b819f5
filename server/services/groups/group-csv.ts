import type { FieldProblem } from '../../../shared/contract/result';
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

export type GroupCsvParse = { ok: true; members: ListedMember[] } | { ok: false; fields: FieldProblem[] };

/** The board holds 500 people at most (BoardSchema). */
export const GROUP_MAX_MEMBERS = 500;

/** `3.student_number`: a problem named by line and column, never by value (the list is personal data). */
function problem(line: number, column: string, reason: FieldProblem['reason']): FieldProblem {
  return { key: `${line}.${column}`.slice(0, 64), reason };
}

/**
 * A teacher's list for a group session (issue 6): the profile's identity columns, named as for
 * imports, plus an optional `label`. Each row points to a record by the same keyed hash as an
 * import; a row matching no record still becomes a member (the board says NOT_FOUND, so the
 * teacher sees who is missing from the registrar's file). Any problem refuses the whole list.
 */
export function parseGroupCsv(profile: Profile, recordKey: Buffer, text: string): GroupCsvParse {
  const csv = parseCsv(text);
  if (!csv.ok) return { ok: false, fields: [problem(csv.line, '(file)', 'format')] };
  const [header, ...records] = csv.records;
  if (!header || records.length === 0) return { ok: false, fields: [problem(1, '(file)', 'required')] };
  const columns = header.cells.map((cell) => cell.trim());
  const expected = recordFields(profile).map((field) => columnOf(field.key));
  const fields: FieldProblem[] = [
    ...expected.filter((column) => !columns.includes(column)).map((column) => problem(1, column, 'required')),
    ...columns.filter((column) => !expected.includes(column) && column !== 'label').map((column) => problem(1, column, 'unknown')),
    ...columns.filter((column, index) => columns.indexOf(column) !== index).map((column) => problem(1, column, 'unknown')),
  ];
  if (fields.length > 0) return { ok: false, fields: fields.slice(0, 32) };
  if (records.length > GROUP_MAX_MEMBERS) return { ok: false, fields: [problem(1, '(file)', 'range')] };

  const schema = identitySchemaFor({ ...profile, identity: { ...profile.identity, fields: recordFields(profile) } });
  const members: ListedMember[] = [];
  const seen = new Set<string>();
  for (const record of records) {
    if (record.cells.length !== columns.length) {
      fields.push(problem(record.line, '(row)', 'length'));
      continue;
    }
    const cell = (column: string) => record.cells[columns.indexOf(column)] ?? '';
    const identity = Object.fromEntries(recordFields(profile).map((field) => [field.key, cell(columnOf(field.key))]));
    const parsed = parseWith(schema, identity);
    const label = LabelCellSchema.safeParse(columns.includes('label') ? cell('label') : '');
    if (!label.success) fields.push(problem(record.line, 'label', 'tooLong'));
    if (!parsed.ok) {
      for (const issue of parsed.problems) fields.push(problem(record.line, columnOf(issue.key), issue.reason));
      continue;
    }
    if (!label.success) continue;
    const { lookupKey } = hashIdentity(profile, parsed.data, recordKey);
    if (seen.has(lookupKey)) {
      fields.push(problem(record.line, columnOf(profile.identity.lookupKey), 'unknown'));
      continue;
    }
    seen.add(lookupKey);
    members.push({ lookupKey, label: label.data ?? derivedBoardLabel(profile, parsed.data) ?? '' });
  }
  if (fields.length > 0) return { ok: false, fields: fields.slice(0, 32) };
  return { ok: true, members };
}
