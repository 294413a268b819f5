import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appendAudit, entryHash } from '../../../../server/audit/audit-log';
import { auditChainKey, ensureServerKeys } from '../../../../server/crypto/server-keys';
import type { AuditRow } from '../../../../server/store/ports/audit-store';
import { openServerStore } from '../../../../server/store/sqlite/server-database';
import type { Db } from '../../../../server/store/sqlite/connection';
import { databaseBytes } from '../helpers/server-harness';
import { inspectSqliteFile } from '../helpers/sqlite-file';

const ROOT = join(import.meta.dirname, '..', '..', '..', '..');
const AT = new Date('2026-09-15T08:00:00.000Z');
const ENTRIES = 6;

/** The real CLI, as an operator runs it without a build. */
function cli(...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'cli', 'index.ts'), ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: result.status, out: result.stdout.trim(), err: result.stderr.trim() };
}

let dataDir: string;
let recordKey: Buffer;

beforeEach(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'sesame-audit-anchor-'));
  recordKey = ensureServerKeys(dataDir).keys.recordKey;
  const store = openServerStore(dataDir);
  try {
    for (let index = 1; index <= ENTRIES; index += 1) {
      await store.transaction((tx) =>
        appendAudit(tx, { actorKind: 'staff', actor: 'camille', terminalId: 'borne-1', action: 'staff.lookup', subject: `cergy-etudiant:${index}`, outcome: 'ok', details: { index } }, AT),
      );
    }
  } finally {
    await store.close();
  }
});
afterEach(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

/** What someone with write access to the SQLite file does: the triggers are no obstacle to them. */
function tamper(change: (db: Db) => void): void {
  inspectSqliteFile(dataDir, (db) => {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    change(db);
  });
}

function rows(db: Db): AuditRow[] {
  return db
    .prepare(`SELECT seq, at, actor_kind AS actorKind, actor, terminal_id AS terminalId, action, subject, outcome, details_json AS detailsJson, prev_hash AS prevHash, hash FROM audit_log ORDER BY seq`)
    .all() as AuditRow[];
}

/** Re-hashes the chain from `fromSeq` on with `hashOf`, as a forger would after an edit. */
function rehash(db: Db, fromSeq: number, hashOf: (row: Omit<AuditRow, 'hash'>) => string): void {
  const update = db.prepare('UPDATE audit_log SET prev_hash = ?, hash = ? WHERE seq = ?');
  let previous = '0'.repeat(64);
  for (const row of rows(db)) {
    if (row.seq >= fromSeq) {
      const hash = hashOf({ seq: row.seq, at: row.at, actorKind: row.actorKind, actor: row.actor, terminalId: row.terminalId, action: row.action, subject: row.subject, outcome: row.outcome, detailsJson: row.detailsJson, prevHash: previous });
      update.run(previous, hash, row.seq);
      previous = hash;
    } else {
      previous = row.hash;
    }
  }
}

const plainSha256 = (row: Omit<AuditRow, 'hash'>) =>
  createHash('sha256')
    .update(JSON.stringify([row.seq, row.at, row.actorKind, row.actor, row.terminalId, row.action, row.subject, row.outcome, row.detailsJson, row.prevHash]))
    .digest('hex');

function headOf(out: string): string {
  const head = /head (\d+:[0-9a-f]{64})$/m.exec(out)?.[1];
  if (!head) throw new Error(`no head in: ${out}`);
  return head;
}

describe('audit chain anchored by a key outside the database (issue 6)', () => {
  it('verifies an intact chain and prints its head as SEQ:HASH, which a later verify accepts', () => {
    const verified = cli('audit', 'verify', '--data-dir', dataDir);
    expect(verified.code).toBe(0);
    const last = inspectSqliteFile(dataDir, (db) => rows(db).at(-1));
    expect(verified.out).toBe(`audit chain intact: ${ENTRIES} entries, head ${ENTRIES}:${last?.hash ?? ''}`);
    const again = cli('audit', 'verify', '--data-dir', dataDir, '--expect-head', headOf(verified.out));
    expect(again.code).toBe(0);
    expect(again.out).toContain(`expected head ${headOf(verified.out)} is in the chain`);
  });

  it('detects a modified entry at its seq', () => {
    tamper((db) => db.prepare(`UPDATE audit_log SET outcome = 'FORBIDDEN' WHERE seq = 4`).run());
    expect(cli('audit', 'verify', '--data-dir', dataDir)).toMatchObject({ code: 1, err: 'audit chain broken at entry 4' });
  });

  it('detects a deleted middle entry', () => {
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq = 3').run());
    expect(cli('audit', 'verify', '--data-dir', dataDir)).toMatchObject({ code: 1, err: 'audit chain broken at entry 4' });
  });

  it('detects two entries swapped', () => {
    tamper((db) => {
      db.prepare('UPDATE audit_log SET seq = 100 WHERE seq = 2').run();
      db.prepare('UPDATE audit_log SET seq = 2 WHERE seq = 3').run();
      db.prepare('UPDATE audit_log SET seq = 3 WHERE seq = 100').run();
    });
    expect(cli('audit', 'verify', '--data-dir', dataDir)).toMatchObject({ code: 1, err: 'audit chain broken at entry 2' });
  });

  it('detects an edit whose following hashes were recomputed with plain sha256, and says the entry is unkeyed', () => {
    tamper((db) => {
      db.prepare(`UPDATE audit_log SET actor = 'dominique' WHERE seq = 2`).run();
      rehash(db, 1, plainSha256);
    });
    const verified = cli('audit', 'verify', '--data-dir', dataDir);
    expect(verified.code).toBe(1);
    expect(verified.err.split('\n')).toEqual([
      'audit chain broken at entry 1',
      'that entry is hashed without the audit key: a trail written before the keyed chain, or re-hashed by someone without the key',
    ]);
  });

  it('detects an edit re-hashed with the right algorithm under the wrong key', () => {
    tamper((db) => {
      db.prepare(`UPDATE audit_log SET details_json = '{"index":30}' WHERE seq = 3`).run();
      rehash(db, 3, (row) => entryHash(randomBytes(32), row));
    });
    expect(cli('audit', 'verify', '--data-dir', dataDir)).toMatchObject({ code: 1, err: 'audit chain broken at entry 3' });
  });

  it('detects a cut tail against the head noted earlier, which the chain alone cannot', () => {
    const noted = headOf(cli('audit', 'verify', '--data-dir', dataDir).out);
    tamper((db) => db.prepare('DELETE FROM audit_log WHERE seq > 4').run());
    expect(cli('audit', 'verify', '--data-dir', dataDir)).toMatchObject({ code: 0 });
    expect(cli('audit', 'verify', '--data-dir', dataDir, '--expect-head', noted)).toMatchObject({
      code: 1,
      err: `audit trail cut: expected head ${ENTRIES} is gone, the trail ends at 4`,
    });
  });

  it('detects a trail rewritten by someone holding the key, against the head noted earlier', () => {
    const noted = headOf(cli('audit', 'verify', '--data-dir', dataDir).out);
    tamper((db) => {
      db.prepare(`UPDATE audit_log SET outcome = 'UNAUTHORIZED' WHERE seq = 5`).run();
      rehash(db, 5, (row) => entryHash(auditChainKey(recordKey), row));
    });
    expect(cli('audit', 'verify', '--data-dir', dataDir)).toMatchObject({ code: 0 });
    expect(cli('audit', 'verify', '--data-dir', dataDir, '--expect-head', noted)).toMatchObject({
      code: 1,
      err: `audit trail rewritten: entry ${ENTRIES} no longer has the expected hash`,
    });
  });

  it('refuses a malformed expected head with the usage', () => {
    const result = cli('audit', 'verify', '--data-dir', dataDir, '--expect-head', '6:abc');
    expect(result.code).toBe(2);
    expect(result.err).toContain('expectHead: format');
    expect(result.err).toContain('audit verify --data-dir D [--expect-head SEQ:HASH]');
  });

  it('keeps the key out of the database and the exported trail', () => {
    const auditKey = auditChainKey(recordKey);
    const recordKeyText = JSON.parse(readFileSync(join(dataDir, 'record-key.json'), 'utf8')) as { key: string };
    const exported = cli('audit', 'export', '--data-dir', dataDir);
    expect(exported.code).toBe(0);
    const bytes = databaseBytes(dataDir);
    expect(bytes.includes(recordKey)).toBe(false);
    expect(bytes.includes(auditKey)).toBe(false);
    for (const text of [recordKeyText.key, auditKey.toString('hex'), auditKey.toString('base64url'), auditKey.toString('base64')]) {
      expect(bytes.includes(Buffer.from(text))).toBe(false);
      expect(exported.out).not.toContain(text);
    }
  });
});
