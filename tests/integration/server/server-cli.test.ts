import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
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
});
