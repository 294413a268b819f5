import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..', '..');
let dataDir: string;

/** The real CLI entry, run as a separate process through tsx (the build runs the same file). */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'index.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

const HEADER = 'student_number,last_name,first_name,birth_date,enrolled_at,channel,payment,activated_at';

describe('server CLI', () => {
  it('refuses a bad command line with exit code 2 and the usage', () => {
    const result = cli('import', '--data-dir', dataDir);
    expect(result.code).toBe(2);
    expect(result.err).toContain('usage:');
  });

  it('needs keys before importing', () => {
    const file = join(dataDir, 'empty.csv');
    writeFileSync(file, `${HEADER}\n`);
    const result = cli('import', '--data-dir', dataDir, '--profile', 'cergy-etudiant', file);
    expect(result.code).toBe(1);
    expect(result.err).toContain('keys create');
  });

  it('creates keys, a terminal token shown once, and imports a CSV or refuses it with line numbers', () => {
    expect(cli('keys', 'create', '--data-dir', dataDir).code).toBe(0);
    const terminal = cli('terminals', 'create', '--data-dir', dataDir, '--id', 'borne-b204');
    expect(terminal.code).toBe(0);
    expect(terminal.out).toMatch(/^borne-b204\.[A-Za-z0-9_-]{43}$/m);
    expect(cli('terminals', 'revoke', '--data-dir', dataDir, '--id', 'borne-b204').code).toBe(0);
    expect(cli('terminals', 'revoke', '--data-dir', dataDir, '--id', 'borne-b204').code).toBe(1);

    const bad = join(dataDir, 'bad.csv');
    writeFileSync(bad, `${HEADER}\n21000201,Roy,Anna,2006-01-01,2026-09-01T10:00:00Z,online,paid,\n21000202,Roy,Paul,2006-13-01,2026-09-01T10:00:00Z,online,paid,\n`);
    const refused = cli('import', '--data-dir', dataDir, '--profile', 'cergy-etudiant', bad);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('ligne 3: birth_date: date impossible');
    expect(refused.err).toContain('nothing imported');

    const good = join(dataDir, 'good.csv');
    writeFileSync(good, `\uFEFF${HEADER}\r\n21000201,Roy,Anna,2006-01-01,2026-09-01T10:00:00Z,online,paid,\r\n`);
    const imported = cli('import', '--data-dir', dataDir, '--profile', 'cergy-etudiant', good);
    expect(imported.code).toBe(0);
    expect(imported.out).toContain('1 enrollment(s) imported');
  });

  it('issues letters once into a new file it never overwrites, and sweeps inactive accounts', () => {
    expect(cli('keys', 'create', '--data-dir', dataDir).code).toBe(0);
    const csv = join(dataDir, 'parents.csv');
    writeFileSync(csv, 'login,child_birth_date,enrolled_at,activated_at\nc.dupont12,2014-01-02,2026-09-01T10:00:00Z,\n');
    expect(cli('import', '--data-dir', dataDir, '--profile', 'parents-scolarite', csv).code).toBe(0);
    const letters = join(dataDir, 'letters.csv');
    const issued = cli('credentials', 'issue', '--data-dir', dataDir, '--profile', 'parents-scolarite', '--out', letters);
    expect(issued.code).toBe(0);
    expect(issued.out).toContain('1 letter(s) issued');
    const [header, row] = readFileSync(letters, 'utf8').split('\r\n');
    expect(header).toBe('login,secret,kind,expires_at');
    expect(row).toMatch(/^c\.dupont12,[A-HJKMNP-Z2-9]{8},provisionalPassword,\d{4}-\d{2}-\d{2}T/);
    expect(statSync(letters).mode & 0o777).toBe(0o600);
    const again = cli('credentials', 'issue', '--data-dir', dataDir, '--profile', 'parents-scolarite', '--out', letters);
    expect(again.code).toBe(1);
    expect(again.err).toContain('already exists');
    expect(readFileSync(letters, 'utf8').split('\r\n')[1]).toBe(row);
    const none = join(dataDir, 'letters-2.csv');
    expect(cli('credentials', 'issue', '--data-dir', dataDir, '--profile', 'parents-scolarite', '--out', none).out).toContain('0 letter(s) issued');
    expect(cli('credentials', 'issue', '--data-dir', dataDir, '--profile', 'cergy-etudiant', '--out', join(dataDir, 'x.csv')).code).toBe(2);
    expect(existsSync(join(dataDir, 'x.csv'))).toBe(false);
    const swept = cli('sweep', '--data-dir', dataDir);
    expect(swept.code).toBe(0);
    expect(swept.out).toMatch(/^sweep: \d+ account\(s\) deactivated, \d+ deleted$/m);
  });
});
