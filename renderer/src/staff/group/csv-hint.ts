import type { GroupCsvProblem } from '../../../../shared/contract/group-csv-api';
import type { MessageKey, MessageParams } from '../../../../shared/messages/translate';
import type { IdentityField } from '../../../../shared/schemas/profile-schema';

/**
 * The group list a staff member pastes (issue 6: "a list (CSV …)") has the profile's record
 * identity columns, named like the enrollment importer names them, plus an optional `label`
 * (the name shown on the board). A letter's secret is never a column.
 */
type FieldShape = Pick<IdentityField, 'key' | 'kind'>;

/** `studentNumber` → `student_number`: the importer's `columnOf` (server/import/enrollment-row-schema.ts). */
export function csvColumnOf(fieldKey: string): string {
  return fieldKey.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/** The first line the pasted list must have for a profile, e.g. `login,label` (ENT 77). */
export function groupCsvHeader(fields: readonly FieldShape[]): string {
  const columns = fields.filter((field) => field.kind !== 'credential').map((field) => csvColumnOf(field.key));
  return [...columns, 'label'].join(',');
}

/**
 * The sentence for one problem the server found in the list: each stable code has its own
 * message, filled with the numbers and the column the server sent (GroupCsvProblemSchema).
 */
export function csvProblemSentence(problem: GroupCsvProblem, say: (key: MessageKey, params?: MessageParams) => string): string {
  const message = csvProblemMessage(problem);
  return say(message.key, problem.code === 'BAD_VALUE' ? { ...message.params, reason: say(`group.csv.reason.${problem.reason}`) } : message.params);
}

function csvProblemMessage(problem: GroupCsvProblem): { key: MessageKey; params: MessageParams } {
  switch (problem.code) {
    case 'UNREADABLE':
      return { key: `group.csv.UNREADABLE.${problem.quote}`, params: { line: problem.line } };
    case 'EMPTY_LIST':
      return { key: 'group.csv.EMPTY_LIST', params: {} };
    case 'UNKNOWN_COLUMN':
      return problem.column === '' ? { key: 'group.csv.UNKNOWN_COLUMN.unnamed', params: {} } : { key: 'group.csv.UNKNOWN_COLUMN', params: { column: problem.column } };
    case 'MISSING_COLUMN':
    case 'DUPLICATE_COLUMN':
      return { key: `group.csv.${problem.code}`, params: { column: problem.column } };
    case 'TOO_MANY_ROWS':
      return { key: 'group.csv.TOO_MANY_ROWS', params: { rows: problem.rows, limit: problem.limit } };
    case 'CELL_COUNT':
      return { key: 'group.csv.CELL_COUNT', params: { line: problem.line, cells: problem.cells, expected: problem.expected } };
    case 'BAD_VALUE':
      return { key: 'group.csv.BAD_VALUE', params: { line: problem.line, column: problem.column } };
    case 'DUPLICATE_PERSON':
      return { key: 'group.csv.DUPLICATE_PERSON', params: { line: problem.line, firstLine: problem.firstLine } };
  }
}

/** Size as the server counts it (bytes of UTF-8), so a long list is refused here first. */
export function csvBytes(csv: string): number {
  return new TextEncoder().encode(csv).length;
}
