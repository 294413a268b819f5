import { createHmac } from 'node:crypto';
import type { AuditEntry } from '../../shared/contract/staff-api';
import { hashesEqual, sha256Hex } from '../crypto/token-hash';
import type { AuditRow } from '../store/ports/audit-store';
import type { Store, StoreOps, StoreTx } from '../store/store';

/**
 * The audit trail (issue 6): every staff action and every activation, with who, what, which
 * terminal, when and the outcome. Append-only (migration 009's triggers refuse UPDATE and
 * DELETE) and tamper-evident: each entry's hash is an HMAC, under a key kept outside the
 * database (server/crypto/server-keys.ts), of its content and the previous entry's hash, so
 * editing, removing or reordering any entry breaks every hash after it, and whoever can write
 * the database but not read the key cannot re-hash the rest. Cutting the tail leaves a valid
 * chain: operators note the head `audit verify` prints and check it later (`--expect-head`).
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

/** Every stored column but the hash itself, in a fixed order. */
function hashedContent(row: Omit<AuditRow, 'hash'>): string {
  return JSON.stringify([row.seq, row.at, row.actorKind, row.actor, row.terminalId, row.action, row.subject, row.outcome, row.detailsJson, row.prevHash]);
}

/** The hash of one entry: HMAC-SHA256 of its content under the chain key. */
export function entryHash(key: Buffer, row: Omit<AuditRow, 'hash'>): string {
  return createHmac('sha256', key).update(hashedContent(row)).digest('hex');
}

/** Who an entry is about, without naming them: the profile and the start of the record's keyed hash. */
export function personSubject(profileId: string, lookupKey: string): string {
  return `${profileId}:${lookupKey.slice(0, 16)}`;
}

/** Called with the new last seq after each append, once the appending transaction has committed. */
export function onAuditAppended(store: Store, listener: (seq: number) => void): () => void {
  return store.onAuditAppended(listener);
}

/**
 * Appends one entry. Call it inside the write transaction of the change it records, so both
 * land or neither does; the chain head is read in that same transaction.
 */
export async function appendAudit(tx: StoreTx, record: AuditRecord, at: Date): Promise<AuditEntry> {
  const last = await tx.audit.findAuditHead();
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
  const hash = entryHash(tx.audit.chainKey(), row);
  await tx.audit.insertAuditRow({ ...row, hash });
  return toEntry({ ...row, hash });
}

export function lastAuditSeq(store: StoreOps): Promise<number> {
  return store.audit.maxAuditSeq();
}

export async function listAudit(store: StoreOps, options: { afterSeq?: number; limit?: number } = {}): Promise<AuditEntry[]> {
  const rows = await store.audit.listAuditRows(options.afterSeq ?? 0, options.limit ?? 10_000);
  return rows.map(toEntry);
}

export interface ChainCheck {
  ok: boolean;
  checked: number;
  /** The first entry whose content, position or link does not match. */
  brokenAt?: number;
}

export interface AuditHead {
  seq: number;
  hash: string;
}

export interface AuditTrailCheck {
  chain: ChainCheck;
  /** The last entry, when the whole chain holds (null on an empty trail). */
  head: AuditHead | null;
  /**
   * Against a head noted earlier: `held` when that entry is still in the chain with that hash
   * (and the chain goes on from it), `missing` when the trail now ends before it (cut), `differs`
   * when another entry stands at its place (the trail was rewritten). Only with a holding chain.
   */
  anchor?: 'held' | 'missing' | 'differs';
  /** The broken entry is the plain sha256 of its content: a trail written before the key. */
  unkeyed?: boolean;
}

/** Walks the whole chain from the genesis hash; stops at the first entry that does not hold. */
export async function verifyAuditChain(store: StoreOps): Promise<ChainCheck> {
  return (await verifyAuditTrail(store)).chain;
}

/** The chain check, the head it ends at, and whether a head noted earlier is still in it. */
export async function verifyAuditTrail(store: StoreOps, expectedHead?: AuditHead): Promise<AuditTrailCheck> {
  const key = store.audit.chainKey();
  let previous = GENESIS_HASH;
  let last = null as AuditHead | null;
  let anchor: AuditTrailCheck['anchor'] = expectedHead ? 'missing' : undefined;
  // Page by page: a long trail is never held in memory whole.
  for (let page = await store.audit.listAuditRows(0, CHAIN_PAGE); page.length > 0; page = await store.audit.listAuditRows(previousSeq(page), CHAIN_PAGE)) {
    for (const row of page) {
      const { hash, ...content } = row;
      if (row.seq !== (last?.seq ?? 0) + 1 || row.prevHash !== previous || !hashesEqual(entryHash(key, content), hash)) {
        const chain = { ok: false, checked: last?.seq ?? 0, brokenAt: row.seq };
        return { chain, head: null, ...(sha256Hex(hashedContent(content)) === hash ? { unkeyed: true } : {}) };
      }
      if (expectedHead?.seq === row.seq) anchor = hash === expectedHead.hash ? 'held' : 'differs';
      previous = hash;
      last = { seq: row.seq, hash };
    }
  }
  return { chain: { ok: true, checked: last?.seq ?? 0 }, head: last, ...(anchor ? { anchor } : {}) };
}

const CHAIN_PAGE = 1000;

function previousSeq(page: AuditRow[]): number {
  return page[page.length - 1]?.seq ?? 0;
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
