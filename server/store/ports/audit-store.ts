import type { AuditEntry } from '../../../shared/contract/staff-api';

/** One audit entry as stored; the chain's hashing lives in server/audit, not here. */
export interface AuditRow {
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

export interface AuditStore {
  /** The chain head (highest seq and its hash), read inside the appending transaction. */
  findAuditHead(): Promise<{ seq: number; hash: string } | undefined>;
  insertAuditRow(row: AuditRow): Promise<void>;
  /** 0 on an empty trail. */
  maxAuditSeq(): Promise<number>;
  /** Entries after `afterSeq`, in seq order, at most `limit` of them. */
  listAuditRows(afterSeq: number, limit: number): Promise<AuditRow[]>;
  /**
   * The HMAC key the chain is hashed with. It lives outside the database (derived from the
   * data folder's record key), so that write access to the database alone cannot re-hash an
   * edited trail; it throws when the data folder has no keys.
   */
  chainKey(): Buffer;
}
