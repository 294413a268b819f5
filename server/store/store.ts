import type { ActivationStore } from './ports/activation-store';
import type { AuditStore } from './ports/audit-store';
import type { CredentialStore } from './ports/credential-store';
import type { EmailProofStore } from './ports/email-proof-store';
import type { EnrollmentStore } from './ports/enrollment-store';
import type { FollowUpStore } from './ports/follow-up-store';
import type { GroupStore } from './ports/group-store';
import type { HelpRequestStore } from './ports/help-request-store';
import type { IdCheckStore } from './ports/id-check-store';
import type { IdempotencyStore } from './ports/idempotency-store';
import type { RecoveryStore } from './ports/recovery-store';
import type { StaffStore } from './ports/staff-store';
import type { StaffCaseStore } from './ports/staff-case-store';
import type { StaffSessionStore } from './ports/staff-session-store';
import type { TerminalStore } from './ports/terminal-store';
import type { TerminalStatusStore } from './ports/terminal-status-store';
import type { ThrottleStore } from './ports/throttle-store';

/**
 * The server's storage port (issue 5): every repository operation, grouped per aggregate, as an
 * asynchronous method, so that a driver which can only answer asynchronously (PostgreSQL's `pg`)
 * fits behind it as well as better-sqlite3 does. Services, routes, the CLI, the audit log and
 * the sweeps see only this; SQL lives in the implementations (server/store/sqlite today).
 * docs/storage.md says what an implementation must guarantee.
 */
export interface StoreOps {
  readonly activations: ActivationStore;
  readonly audit: AuditStore;
  readonly credentials: CredentialStore;
  readonly emailProofs: EmailProofStore;
  readonly enrollments: EnrollmentStore;
  readonly followUps: FollowUpStore;
  readonly groups: GroupStore;
  readonly helpRequests: HelpRequestStore;
  readonly idChecks: IdCheckStore;
  readonly idempotency: IdempotencyStore;
  readonly recoveries: RecoveryStore;
  readonly staffCases: StaffCaseStore;
  readonly staff: StaffStore;
  readonly staffSessions: StaffSessionStore;
  readonly terminals: TerminalStore;
  readonly terminalStatus: TerminalStatusStore;
  readonly throttle: ThrottleStore;
}

/** A transaction's view: the same operations, valid only until its callback's promise settles. */
export type StoreTx = StoreOps;

export interface Store extends StoreOps {
  /**
   * Runs `fn` in one transaction that holds the write lock from its first statement (SQLite's
   * BEGIN IMMEDIATE): two requests racing on one idempotency key are serialised, and a throw or
   * a rejected promise rolls every write of `fn` back. Keep slow work (scrypt) outside: nothing
   * else writes while `fn` runs. Calling the store itself (not `tx`) from inside `fn` is refused.
   */
  transaction<T>(fn: (tx: StoreTx) => Promise<T>): Promise<T>;
  /**
   * Called with the new last audit seq once a transaction that appended to the audit trail has
   * committed (board long polls wake on it); returns the unsubscribe function.
   */
  onAuditAppended(listener: (seq: number) => void): () => void;
  /** Waits for the work in flight, then releases the connection; later calls are refused. */
  close(): Promise<void>;
}
