import { EventEmitter } from 'node:events';
import type { AuditEntry } from '../../shared/contract/staff-api';
import { sha256Hex } from '../crypto/token-hash';
import type { Db } from '../store/connection';

/**
 * The audit trail (issue 6): every staff action and every activation, with who, what, which
 * terminal, when and the outcome. Append-only (migration 009's triggers refuse UPDATE and
 * DELETE) and tamper-evident: each entry's hash covers its content and the previous entry's
 * hash, so editing, removing or reordering any entry breaks every hash after it.
 * Details never hold a secret: callers pass codes, counts and masked values only.
 */
export type AuditDetails = Record<string, string | number | boolean>;

export interface AuditRecord {
  actorKind: AuditEntry['actorKind'];
  actor: string;
  terminalId: string | null;
  action: string;
  subject: string | null;
  /** `ok`, or the stable error code the action ended with. */
  outcome: string;
  details?: AuditDetails;
}

export const GENESIS_HASH = '0'.repeat(64);

interface AuditRow {
  seq: number;
  at: string;
  actorKind: AuditEntry['actorKind'];
  actor: string;
  terminalId: string | null;
  action: string;
  subject: string | null;
  outcome: string;
  detailsJson: string;
  prevHash: string;
  hash: string;
}

const SELECT = `SELECT seq, at, actor_kind AS actorKind, actor, terminal_id AS terminalId, action, subject, outcome,
                       details_json AS detailsJson, prev_hash AS prevHash, hash FROM audit_log`;

/** The hash of one entry: every stored column but the hash itself, in a fixed order. */
export function entryHash(row: Omit<AuditRow, 'hash'>): string {
  return sha256Hex(
    JSON.stringify([row.seq, row.at, row.actorKind, row.actor, row.terminalId, row.action, row.subject, row.outcome, row.detailsJson, row.prevHash]),
  );
}

/** Who an entry is about, without naming them: the profile and the start of the record's keyed hash. */
export function personSubject(profileId: string, lookupKey: string): string {
  return `${profileId}:${lookupKey.slice(0, 16)}`;
}

const emitters = new WeakMap<Db, EventEmitter>();

function emitterOf(db: Db): EventEmitter {
  let emitter = emitters.get(db);
  if (!emitter) {
    emitter = new EventEmitter();
    emitter.setMaxListeners(0);
    emitters.set(db, emitter);
  }
  return emitter;
}

/** Called with the new last seq after each append, once the caller's transaction has returned. */
export function onAuditAppended(db: Db, listener: (seq: number) => void): () => void {
  const emitter = emitterOf(db);
  emitter.on('appended', listener);
  return () => emitter.off('appended', listener);
}

/**
 * Appends one entry. Call it inside the write transaction of the change it records, so both
 * land or neither does; the chain head is read in that same transaction.
 */
export function appendAudit(db: Db, record: AuditRecord, at: Date): AuditEntry {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  const row: Omit<AuditRow, 'hash'> = {
    seq: (last?.seq ?? 0) + 1,
    at: at.toISOString(),
    actorKind: record.actorKind,
    actor: record.actor,
    terminalId: record.terminalId,
    action: record.action,
    subject: record.subject,
    outcome: record.outcome,
    detailsJson: JSON.stringify(record.details ?? {}),
    prevHash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(row);
  db.prepare(
    `INSERT INTO audit_log (seq, at, actor_kind, actor, terminal_id, action, subject, outcome, details_json, prev_hash, hash)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(row.seq, row.at, row.actorKind, row.actor, row.terminalId, row.action, row.subject, row.outcome, row.detailsJson, row.prevHash, hash);
  // Listeners (board long polls) read the database: only after the transaction has committed.
  setImmediate(() => emitterOf(db).emit('appended', row.seq));
  return toEntry({ ...row, hash });
}

export function lastAuditSeq(db: Db): number {
  return (db.prepare('SELECT MAX(seq) AS seq FROM audit_log').get() as { seq: number | null }).seq ?? 0;
}

export function listAudit(db: Db, options: { afterSeq?: number; limit?: number } = {}): AuditEntry[] {
  const rows = db.prepare(`${SELECT} WHERE seq > ? ORDER BY seq LIMIT ?`).all(options.afterSeq ?? 0, options.limit ?? 10_000) as AuditRow[];
  return rows.map(toEntry);
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first entry whose content, position or link does not match. */
  brokenAt?: number;
}

/** Walks the whole chain from the genesis hash; stops at the first entry that does not hold. */
export function verifyAuditChain(db: Db): ChainCheck {
  let previous = GENESIS_HASH;
  let expectedSeq = 1;
  let checked = 0;
  for (const row of db.prepare(`${SELECT} ORDER BY seq`).iterate() as IterableIterator<AuditRow>) {
    const { hash, ...content } = row;
    if (row.seq !== expectedSeq || row.prevHash !== previous || entryHash(content) !== hash) {
      return { ok: false, checked, brokenAt: row.seq };
    }
    previous = hash;
    expectedSeq += 1;
    checked += 1;
  }
  return { ok: true, checked };
}

function toEntry(row: AuditRow): AuditEntry {
  return {
    seq: row.seq,
    at: row.at,
    actorKind: row.actorKind,
    actor: row.actor,
    terminalId: row.terminalId,
    action: row.action,
    subject: row.subject,
    outcome: row.outcome,
    details: JSON.parse(row.detailsJson) as AuditDetails,
    prevHash: row.prevHash,
    hash: row.hash,
  };
}
