import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../../../server/crypto/password-hash';
import { ensureServerKeys } from '../../../../server/crypto/server-keys';
import { listAudit } from '../../../../server/audit/audit-log';
import { openServerStore } from '../../../../server/store/sqlite/server-database';
import { databaseBytes } from '../helpers/server-harness';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
let dataDir: string;

function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'index.ts'), ...args, '--data-dir', dataDir], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-staff-cli-'));
  ensureServerKeys(dataDir);
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('staff CLI (issue 6)', () => {
  it('creates an admin, printing the password and otpauth URI once, storing neither in clear', async () => {
    const created = cli('staff', 'create', '--username', 'dominique', '--name', 'Dominique A.', '--role', 'admin', '--email', 'd.admin@exemple.fr', '--totp');
    expect(created.code).toBe(0);
    const lines = created.out.trim().split('\n');
    const password = lines[1] ?? '';
    expect(password).toMatch(/^[A-HJ-NP-Za-km-np-z2-9]{20}$/);
    expect(lines[3]).toMatch(/^otpauth:\/\/totp\/S%C3%A9same%3Adominique\?secret=[A-Z2-7]{32}&issuer=S%C3%A9same/);
    const secret = /secret=([A-Z2-7]+)/.exec(lines[3] ?? '')?.[1] ?? 'missing';
    const store = openServerStore(dataDir);
    try {
      const row = await store.staff.findStaff('dominique');
      expect(row && (await verifyPassword(password, row.passwordHash))).toBe(true);
      expect((await listAudit(store)).map((e) => [e.actor, e.action, e.subject])).toEqual([['system', 'staff.create', 'staff:dominique']]);
    } finally {
      await store.close();
    }
    const bytes = databaseBytes(dataDir);
    for (const value of [password, secret, 'd.admin@exemple.fr']) expect(bytes.includes(Buffer.from(value))).toBe(false);
  });

  it('refuses a second account with the same name (exit 1) and a bad role (exit 2)', () => {
    expect(cli('staff', 'create', '--username', 'dominique', '--name', 'Autre', '--role', 'agent').code).toBe(1);
    expect(cli('staff', 'create', '--username', 'sacha', '--name', 'Sacha', '--role', 'root').code).toBe(2);
  });

  it('lists and disables accounts', () => {
    expect(cli('staff', 'create', '--username', 'camille', '--name', 'Camille R.', '--role', 'agent').code).toBe(0);
    expect(cli('staff', 'disable', '--username', 'camille').code).toBe(0);
    expect(cli('staff', 'disable', '--username', 'camille').code).toBe(1);
    const listed = cli('staff', 'list');
    expect(listed.code).toBe(0);
    expect(listed.out.trim().split('\n')).toEqual([
      expect.stringMatching(/^camille\tagent\tCamille R\.\t\(disabled \d{4}-.*Z\)$/),
      'dominique\tadmin\tDominique A.\t(totp)',
    ]);
  });
});
