import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { lastAuditSeq, listAudit, verifyAuditChain } from '../../../../server/audit/audit-log';
import { ServerHarness, databaseBytes } from '../helpers/server-harness';
import { addTerminal, createStaff, currentTotp, signIn, signInCall, staffCall } from '../helpers/staff-harness';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');

/** The real CLI, as an operator runs it without a build. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'index.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, out: result.stdout, err: result.stderr };
}

let harness: ServerHarness;
beforeEach(async () => {
  harness = await ServerHarness.start({ seed: false });
});
afterEach(async () => {
  await harness.close();
});

/** Sign-ins (ok and refused), admin actions, sign-outs: a trail of a couple dozen entries. */
async function manyActions(): Promise<{ secrets: string[]; totpCode: string }> {
  const other = await addTerminal(harness);
  const admin = await createStaff(harness, { username: 'dominique', role: 'admin', totp: true, email: 'dominique.admin@exemple.fr' });
  if (!admin.totpSecret) throw new Error('no TOTP secret');
  const totpCode = currentTotp(harness, admin.totpSecret);
  const adminToken = await signIn(harness, 'dominique', admin.password, { totp: totpCode });
  const created = await staffCall(harness, 'POST', '/v1/admin/staff', adminToken, { username: 'camille', displayName: 'Camille R.', role: 'agent' });
  const camillePassword = String(created.body['password']);
  for (let attempt = 0; attempt < 3; attempt += 1) await signInCall(harness, 'camille', 'mauvais-mot-de-passe');
  const agentToken = await signIn(harness, 'camille', camillePassword, { terminalToken: other });
  await staffCall(harness, 'GET', '/v1/admin/staff', agentToken, undefined, other);
  await staffCall(harness, 'GET', '/v1/admin/terminals', adminToken);
  await staffCall(harness, 'DELETE', '/v1/staff/sessions/current', agentToken, undefined, other);
  await staffCall(harness, 'POST', '/v1/admin/staff/camille/disable', adminToken);
  await staffCall(harness, 'GET', '/v1/admin/audit', adminToken);
  await staffCall(harness, 'DELETE', '/v1/staff/sessions/current', adminToken);
  return { secrets: [admin.password, admin.totpSecret, adminToken, camillePassword, agentToken, 'dominique.admin@exemple.fr'], totpCode };
}

describe('audit chain (issue 6)', () => {
  it('verifies after many actions, over HTTP, in code and with the CLI', async () => {
    await manyActions();
    const { check, last, entries } = (await harness.withStore(async (db) => ({ check: await verifyAuditChain(db), last: await lastAuditSeq(db), entries: await listAudit(db) })));
    // create, sign-in, create, 3 refused sign-ins, sign-in, FORBIDDEN call, sign-out, disable, export, sign-out.
    expect(last).toBe(12);
    expect(check).toEqual({ ok: true, checked: last });
    const verified = cli('audit', 'verify', '--data-dir', harness.dataDir);
    expect(verified.code).toBe(0);
    expect(verified.out.trim()).toBe(`audit chain intact: ${last} entries, head ${last}:${entries.at(-1)?.hash ?? ''}`);
    const exported = cli('audit', 'export', '--data-dir', harness.dataDir, '--after', '2');
    expect(exported.code).toBe(0);
    const lines = exported.out.trim().split('\n');
    expect(lines[0]).toBe('seq,at,actor_kind,actor,terminal_id,action,subject,outcome,details,hash');
    expect(lines).toHaveLength(last - 2 + 1);
    expect(lines[1]?.startsWith('3,')).toBe(true);
  });

  it('refuses UPDATE and DELETE through the triggers', async () => {
    await manyActions();
    harness.readDatabase((db) => {
      expect(() => db.prepare(`UPDATE audit_log SET outcome = 'ok' WHERE outcome = 'UNAUTHORIZED'`).run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(/append-only/);
    });
    expect((await harness.withStore(verifyAuditChain)).ok).toBe(true);
  });

  it('detects an entry edited behind the triggers back, in code and with the CLI (exit 1 and the entry number)', async () => {
    await manyActions();
    const refused = (await harness.withStore(listAudit)).find((entry) => entry.outcome === 'UNAUTHORIZED');
    if (!refused) throw new Error('no refused sign-in in the trail');
    harness.readDatabase((db) => {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare(`UPDATE audit_log SET details_json = '{"note":"rien à signaler"}' WHERE seq = ?`).run(refused.seq);
    });
    expect(await harness.withStore(verifyAuditChain)).toEqual({ ok: false, checked: refused.seq - 1, brokenAt: refused.seq });
    const tampered = refused.seq;
    const verified = cli('audit', 'verify', '--data-dir', harness.dataDir);
    expect(verified.code).toBe(1);
    expect(verified.err.trim()).toBe(`audit chain broken at entry ${tampered}`);
  });

  it('keeps every secret out of the database bytes and the audit trail', async () => {
    const { secrets, totpCode } = await manyActions();
    const bytes = databaseBytes(harness.dataDir);
    const audit = (await harness.withStore(async (db) => JSON.stringify(await listAudit(db))));
    for (const secret of secrets) {
      expect(bytes.includes(Buffer.from(secret, 'utf8'))).toBe(false);
      expect(audit).not.toContain(secret);
    }
    // A 6-digit code could occur by chance inside a hex hash: look for it as a value, as a body would hold it.
    expect(bytes.includes(Buffer.from(`"${totpCode}"`, 'utf8'))).toBe(false);
    expect(audit).not.toContain(`"${totpCode}"`);
  });
});
