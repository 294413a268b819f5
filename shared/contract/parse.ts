import type { z } from 'zod';
import type { FieldProblem } from './result';

/** One parsing helper for every boundary, so each failure names its field and never its value. */
export type Parsed<T> = { ok: true; data: T } | { ok: false; problems: FieldProblem[] };

export function parseWith<S extends z.ZodType>(schema: S, input: unknown): Parsed<z.infer<S>> {
  // reportInput lets a wrong type be told from a missing field; values never leave this function.
  const parsed = schema.safeParse(input, { reportInput: true });
  if (parsed.success) return { ok: true, data: parsed.data };
  return { ok: false, problems: firstPerField(parsed.error.issues.map(toProblem)) };
}

/** JSON text as `unknown`, or undefined when it is not JSON: the schema then says what is wrong. */
export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** One message per field is what a person can act on; the first issue is the most basic one. */
function firstPerField(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Map<string, FieldProblem>();
  for (const problem of problems) if (!seen.has(problem.key)) seen.set(problem.key, problem);
  return [...seen.values()].slice(0, 32);
}

function toProblem(issue: z.core.$ZodIssue): FieldProblem {
  const key = issue.path.map(String).join('.').slice(0, 64) || '(root)';
  switch (issue.code) {
    case 'too_big':
      return { key, reason: 'tooLong' };
    case 'too_small':
      return { key, reason: issue.minimum === 1 ? 'required' : 'length' };
    case 'invalid_format':
      return { key, reason: 'format' };
    case 'unrecognized_keys':
      return { key, reason: 'unknown' };
    case 'invalid_type':
      return { key, reason: issue.input === undefined ? 'required' : 'format' };
    case 'custom':
      return { key, reason: customReason(issue.params?.['reason']) };
    default:
      return { key, reason: 'format' };
  }
}

const REASONS = new Set<string>(['required', 'format', 'length', 'date', 'range', 'tooLong', 'unknown']);

function customReason(value: unknown): FieldProblem['reason'] {
  return typeof value === 'string' && REASONS.has(value) ? (value as FieldProblem['reason']) : 'format';
}
