import type { Db } from './connection';
import type { AuditRow } from '../ports/audit-store';

const SELECT = `SELECT seq, at, actor_kind AS actorKind, actor, terminal_id AS terminalId, action, subject, outcome,
                       details_json AS detailsJson, prev_hash AS prevHash, hash FROM audit_log`;

/** The chain head (highest seq and its hash), read inside the appending transaction. */
export function findAuditHead(db: Db): { seq: number; hash: string } | undefined {
  return db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
}

export function insertAuditRow(db: Db, row: AuditRow): void {
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_kind, actor, terminal_id, action, subject, outcome, details_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.seq, row.at, row.actorKind, row.actor, row.terminalId, row.action, row.subject, row.outcome, row.detailsJson, row.prevHash, row.hash);
}

/** 0 on an empty trail. */
export function maxAuditSeq(db: Db): number {
  return (db.prepare('SELECT MAX(seq) AS seq FROM audit_log').get() as { seq: number | null }).seq ?? 0;
}

/** Entries after `afterSeq`, in seq order, at most `limit` of them. */
export function listAuditRows(db: Db, afterSeq: number, limit: number): AuditRow[] {
  return db.prepare(`${SELECT} WHERE seq > ? ORDER BY seq LIMIT ?`).all(afterSeq, limit) as AuditRow[];
}
