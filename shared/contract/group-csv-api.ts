import { z } from 'zod';
import type { FieldProblem } from './result';

/**
 * Why a teacher's list for a group session (issue 6) was refused: one entry per problem, with a
 * stable code and exactly the numbers the renderer needs to say it in a sentence. Values of
 * cells are never echoed (they are personal data); a column is named only as the header typed it.
 * Kept apart from staff-api.ts because AppErrorSchema (result.ts) carries it.
 */
export const CSV_VALUE_REASONS = ['required', 'format', 'length', 'date', 'range', 'tooLong', 'unknown'] as const satisfies readonly FieldProblem['reason'][];

const line = z.number().int().positive();
/** As the header spells it, cut to 40 characters; empty for a header cell left blank. */
const column = z.string().max(40);

export const GroupCsvProblemSchema = z.discriminatedUnion('code', [
  /** The text is not CSV: a quote left open, or a quote in the middle of a cell. */
  z.object({ code: z.literal('UNREADABLE'), line, quote: z.enum(['unterminatedQuote', 'quoteInField']) }),
  /** No header, or a header and no one under it. */
  z.object({ code: z.literal('EMPTY_LIST') }),
  z.object({ code: z.literal('MISSING_COLUMN'), column }),
  z.object({ code: z.literal('UNKNOWN_COLUMN'), column }),
  z.object({ code: z.literal('DUPLICATE_COLUMN'), column }),
  /** More people than a board holds; the rows are not read. */
  z.object({ code: z.literal('TOO_MANY_ROWS'), rows: z.number().int().positive(), limit: z.number().int().positive() }),
  z.object({ code: z.literal('CELL_COUNT'), line, cells: z.number().int().nonnegative(), expected: z.number().int().positive() }),
  z.object({ code: z.literal('BAD_VALUE'), line, column, reason: z.enum(CSV_VALUE_REASONS) }),
  /** The same person twice: the line refused and the line that first named them. */
  z.object({ code: z.literal('DUPLICATE_PERSON'), line, firstLine: line }),
]);
export type GroupCsvProblem = z.infer<typeof GroupCsvProblemSchema>;
export type GroupCsvProblemCode = GroupCsvProblem['code'];

/** At most this many problems are sent back: enough to fix a list, bounded like `fields`. */
export const GROUP_CSV_MAX_PROBLEMS = 32;
