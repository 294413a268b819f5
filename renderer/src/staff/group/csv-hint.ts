import type { FieldProblem } from '../../../../shared/contract/result';
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

/** One refused cell, line or column of the pasted list, as the server named it in `fields`. */
export interface CsvProblem {
  row?: number;
  column?: string;
  reason: FieldProblem['reason'];
}

const NOT_COLUMNS = new Set(['row', 'rows', 'line', 'lines', 'csv', 'file', 'header', 'column', 'columns', 'source']);

/**
 * The server names a problem by row and column in the field key (`row3.login`, `3.student_number`,
 * `rows.3.login`, `header.login`…); the exact spelling is the server's, so any digits are taken as
 * the row and the last word as the column. A key with neither concerns the whole list.
 */
export function csvProblemOf(problem: FieldProblem): CsvProblem {
  let row: number | undefined;
  let column: string | undefined;
  for (const part of problem.key.split(/[^A-Za-z0-9_]+/).filter(Boolean)) {
    const digits = /^(?:row|line|r)?(\d+)$/i.exec(part);
    if (digits) row ??= Number(digits[1]);
    else if (!NOT_COLUMNS.has(part.toLowerCase())) column = csvColumnOf(part);
  }
  return { ...(row !== undefined ? { row } : {}), ...(column !== undefined ? { column } : {}), reason: problem.reason };
}

/** Size as the server counts it (bytes of UTF-8), so a long list is refused here first. */
export function csvBytes(csv: string): number {
  return new TextEncoder().encode(csv).length;
}
