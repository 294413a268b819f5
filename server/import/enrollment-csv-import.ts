import type { FieldProblem } from '../../shared/contract/result';
import { parseWith } from '../../shared/contract/parse';
import type { Profile } from '../../shared/schemas/profile-schema';
import { canonicalFieldValue } from '../../shared/policies/identity-rules';
import { encryptRecordValue, recordBinding } from '../crypto/record-cipher';
import { emailHash } from '../crypto/record-hash';
import { credentialFields, hashIdentity, recordFields } from '../services/identity-hashing';
import type { Store } from '../store/store';
import type { EnrollmentRow } from '../store/ports/enrollment-store';
import { CohortCellSchema, LabelCellSchema, derivedBoardLabel } from './board-label';
import { parseCsv } from './csv-parser';
import { FACT_COLUMNS, FACT_DEFAULTS, columnOf, columnsFor, enrollmentRowSchemaFor, optionalColumnsFor } from './enrollment-row-schema';

/** One refused cell, named by line and column; values are never echoed (they are personal data). */
export interface ImportProblem {
  line: number;
  column: string;
  problem: string;
}

export type ImportOutcome = { ok: true; imported: number } | { ok: false; problems: ImportProblem[] };

const REASON_TEXT: Record<FieldProblem['reason'], string> = {
  required: 'valeur manquante',
  format: 'format invalide',
  length: 'longueur invalide',
  date: 'date impossible',
  range: 'hors limites',
  tooLong: 'trop long',
  unknown: 'inattendu',
};

export function formatImportProblem(problem: ImportProblem): string {
  return `ligne ${problem.line}: ${problem.column}: ${problem.problem}`;
}

function columnOfProblem(key: string): string {
  const [part, field] = key.split('.');
  return part === 'identity' && field ? columnOf(field) : (field ?? key);
}

function headerProblems(header: string[], expected: string[], optional: string[]): ImportProblem[] {
  const missing = expected.filter((column) => !header.includes(column));
  const unknown = header.filter((column) => !expected.includes(column) && !optional.includes(column));
  const duplicated = header.filter((column, index) => header.indexOf(column) !== index);
  return [
    ...missing.map((column) => ({ line: 1, column, problem: 'colonne manquante' })),
    ...unknown.map((column) => ({ line: 1, column: column.slice(0, 40), problem: 'colonne inconnue' })),
    ...duplicated.map((column) => ({ line: 1, column, problem: 'colonne en double' })),
  ];
}

/**
 * Imports a registrar's CSV export for one profile: every row is validated first, every bad
 * row reported, and only a file without a single problem is written, in one transaction, so
 * nothing is ever half-imported. Re-importing updates records but never clears an activation.
 */
export async function importEnrollmentsCsv(store: Store, profile: Profile, recordKey: Buffer, text: string, now = new Date()): Promise<ImportOutcome> {
  const csv = parseCsv(text);
  if (!csv.ok) {
    return { ok: false, problems: [{ line: csv.line, column: '(fichier)', problem: csv.problem === 'unterminatedQuote' ? 'guillemet non fermé' : 'guillemet inattendu' }] };
  }
  const [header, ...records] = csv.records;
  if (!header) return { ok: false, problems: [{ line: 1, column: '(fichier)', problem: 'fichier vide' }] };
  const columns = header.cells.map((cell) => cell.trim());
  const problems = headerProblems(columns, columnsFor(profile), optionalColumnsFor(profile));
  if (problems.length > 0) return { ok: false, problems };

  const schema = enrollmentRowSchemaFor(profile);
  const rows: (Omit<EnrollmentRow, 'deactivatedAt'> & { cohort?: string | null; labelEnc: string | null })[] = [];
  const seen = new Map<string, number>();
  for (const record of records) {
    if (record.cells.length !== columns.length) {
      problems.push({ line: record.line, column: '(ligne)', problem: `${record.cells.length} colonnes au lieu de ${columns.length}` });
      continue;
    }
    const cell = (column: string) => (columns.includes(column) ? (record.cells[columns.indexOf(column)] ?? '') : (FACT_DEFAULTS[column as keyof typeof FACT_DEFAULTS] ?? ''));
    const identity = Object.fromEntries(recordFields(profile).map((field) => [field.key, cell(columnOf(field.key))]));
    const facts = Object.fromEntries(FACT_COLUMNS.map((column) => [column, cell(column).trim()]));
    const parsed = parseWith(schema, { identity, facts });
    // Group sessions (issue 6): the class a group can be opened from, the name its board shows.
    const cohort = columns.includes('cohort') ? CohortCellSchema.safeParse(cell('cohort')) : undefined;
    const label = LabelCellSchema.safeParse(cell('label'));
    if (cohort && !cohort.success) problems.push({ line: record.line, column: 'cohort', problem: REASON_TEXT.format });
    if (!label.success) problems.push({ line: record.line, column: 'label', problem: REASON_TEXT.tooLong });
    if (!parsed.ok) {
      for (const problem of parsed.problems) problems.push({ line: record.line, column: columnOfProblem(problem.key), problem: REASON_TEXT[problem.reason] });
      continue;
    }
    if ((cohort && !cohort.success) || !label.success) continue;
    const hashed = hashIdentity(profile, parsed.data.identity, recordKey);
    const firstLine = seen.get(hashed.lookupKey);
    if (firstLine !== undefined) {
      problems.push({ line: record.line, column: columnOf(profile.identity.lookupKey), problem: `en double (ligne ${firstLine})` });
      continue;
    }
    seen.set(hashed.lookupKey, record.line);
    const { enrolled_at: enrolledAt, channel, payment, activated_at: activatedAt, paid_at: paidAt, personal_email: email } = parsed.data.facts;
    const seal = (column: string, value: string) => encryptRecordValue(recordKey, recordBinding(profile.id, hashed.lookupKey, column), value);
    const loginField = profile.identity.fields.find((field) => field.key === profile.identity.lookupKey);
    // The login is kept (encrypted) only where the server prints letters for it (`credentials issue`).
    const login = credentialFields(profile).length > 0 && loginField ? canonicalFieldValue(loginField, parsed.data.identity[loginField.key] ?? '') : null;
    const boardLabel = label.data ?? derivedBoardLabel(profile, parsed.data.identity);
    rows.push({
      profileId: profile.id,
      lookupKey: hashed.lookupKey,
      fieldHashes: hashed.fieldHashes,
      enrolledAt,
      channel,
      payment,
      activatedAt,
      paidAt,
      loginEnc: login === null ? null : seal('login', login),
      emailOnFileEnc: email ? seal('email_on_file', email) : null,
      emailOnFileHash: email ? emailHash(recordKey, profile.id, email) : null,
      ...(cohort ? { cohort: cohort.data } : {}),
      labelEnc: boardLabel === null ? null : seal('label', boardLabel),
    });
  }
  if (problems.length > 0) return { ok: false, problems };
  await store.transaction(async (tx) => {
    for (const { cohort, labelEnc, ...row } of rows) {
      await tx.enrollments.upsertEnrollment(row, now.toISOString());
      await tx.groups.setEnrollmentBoardFields(row.profileId, row.lookupKey, { ...(cohort === undefined ? {} : { cohort }), labelEnc });
    }
  });
  return { ok: true, imported: rows.length };
}
