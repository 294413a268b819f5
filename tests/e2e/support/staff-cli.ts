import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseCsv } from '../../../server/import/csv-parser';

/**
 * The server CLI as an operator runs it (issue 6: "the first admin is created here"), on the
 * embedded server's data folder of a running kiosk stack (`<dataDir>/server`): SQLite in WAL
 * mode lets a second process write beside the server. Nothing here reaches into the database.
 */
const SERVER_CLI = resolve('out/main/server-cli.js');

export function serverDirOf(kioskDataDir: string): string {
  return join(kioskDataDir, 'server');
}

export function serverCli(...args: string[]): string {
  const run = spawnSync(process.execPath, [SERVER_CLI, ...args], { encoding: 'utf8', env: { ...process.env, SESAME_SMTP_URL: '' } });
  if (run.status !== 0) throw new Error(`server-cli ${args.slice(0, 2).join(' ')} exited ${run.status}: ${run.stderr}`);
  return run.stdout;
}

/** The line printed right after the line that ends with `marker` (a password or token, shown once). */
function lineAfter(output: string, marker: RegExp): string {
  const lines = output.split(/\r?\n/);
  const index = lines.findIndex((line) => marker.test(line));
  const value = index >= 0 ? lines[index + 1]?.trim() : undefined;
  if (!value) throw new Error(`server-cli printed no value after ${marker}`);
  return value;
}

export interface StaffAccount {
  username: string;
  name: string;
  role: 'agent' | 'admin';
  email?: string;
  password: string;
}

/** `staff create`: the generated password, read from the CLI's output like an operator would. */
export function createStaff(serverDir: string, account: Omit<StaffAccount, 'password'>): StaffAccount {
  const args = ['staff', 'create', '--data-dir', serverDir, '--username', account.username, '--name', account.name, '--role', account.role];
  if (account.email) args.push('--email', account.email);
  const password = lineAfter(serverCli(...args), /password \(shown once/);
  return { ...account, password };
}

/** `terminals create`: the bearer token of a new terminal of this server. */
export function createTerminalToken(serverDir: string, id: string): string {
  return lineAfter(serverCli('terminals', 'create', '--data-dir', serverDir, '--id', id), /token \(shown once/);
}

/** `import`: a registrar's export for one profile, e.g. a row re-imported once the payment is in. */
export function importCsv(serverDir: string, profileId: string, csv: string): void {
  const dir = mkdtempSync(join(tmpdir(), 'sesame-import-'));
  try {
    const file = join(dir, `${profileId}.csv`);
    writeFileSync(file, csv);
    serverCli('import', '--data-dir', serverDir, '--profile', profileId, file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `sweep`: the inactivity sweep, as the nightly job runs it. */
export function sweep(serverDir: string): void {
  serverCli('sweep', '--data-dir', serverDir);
}

export interface AuditRow {
  seq: number;
  actorKind: string;
  actor: string;
  terminalId: string;
  action: string;
  subject: string;
  outcome: string;
  details: string;
}

/** `audit export`, parsed; `after` skips what an earlier export already returned. */
export function auditEntries(serverDir: string, after = 0): AuditRow[] {
  const csv = parseCsv(serverCli('audit', 'export', '--data-dir', serverDir, '--after', String(after)));
  if (!csv.ok) throw new Error('audit export is not valid CSV');
  const [header, ...records] = csv.records;
  const columns = header?.cells ?? [];
  const cell = (cells: string[], name: string) => cells[columns.indexOf(name)] ?? '';
  return records
    .filter((record) => record.cells.length === columns.length)
    .map(({ cells }) => ({
      seq: Number(cell(cells, 'seq')),
      actorKind: cell(cells, 'actor_kind'),
      actor: cell(cells, 'actor'),
      terminalId: cell(cells, 'terminal_id'),
      action: cell(cells, 'action'),
      subject: cell(cells, 'subject'),
      outcome: cell(cells, 'outcome'),
      details: cell(cells, 'details'),
    }));
}

/** `audit verify`: throws unless every hash of the chain holds. */
export function verifyAudit(serverDir: string): string {
  return serverCli('audit', 'verify', '--data-dir', serverDir).trim();
}

/** The last sequence number, to count what a case adds. */
export function lastAuditSeq(serverDir: string): number {
  return auditEntries(serverDir).at(-1)?.seq ?? 0;
}

/** One registrar row for a profile, columns in the documented order (identity first, then facts). */
export function enrollmentCsv(columns: readonly string[], values: Readonly<Record<string, string>>): string {
  return `${columns.join(',')}\n${columns.map((column) => values[column] ?? '').join(',')}\n`;
}
