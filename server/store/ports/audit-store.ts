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
}
