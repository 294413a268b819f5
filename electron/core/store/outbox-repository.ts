import type { SealedBox } from '../../../shared/crypto/sealed-box-schema';
import { transaction, type KioskDatabase } from './sqlite-connection';

/** `helpRequest` rows are stored as deferred activation rows with a flag (migration 003). */
export type OutboxKind = 'activation' | 'confirmation' | 'helpRequest';
export type OutboxState = 'pending' | 'delivered' | 'refused' | 'expired';
/** The follow-up code of a queued submission that was never delivered before its deadline. */
export const EXPIRED_UNSENT = 'EXPIRED_UNSENT';

export interface OutboxEntry {
  id: number;
  kind: OutboxKind;
  idempotencyKey: string;
  reference: string;
  /** The sealed request body's secret part; null once the row left `pending`. */
  sealed: SealedBox | null;
  /** The profile id (activation, help request) or the server's activation id (confirmation). */
  targetId: string;
  state: OutboxState;
  /** An activation the background loop may deliver later (a chosen password); see migration 002. */
  deferred: boolean;
  attempts: number;
  nextAttemptAt: number;
  lastErrorCode: string | null;
  createdAt: number;
  expiresAt: number;
  updatedAt: number;
  /** Refused by the background loop after the person left: staff must follow it up (migration 005). */
  followUp: boolean;
  /** When the server acknowledged the follow-up in a heartbeat; null until then. */
  reportedAt: number | null;
}

/** A refusal nobody at the screen saw, as the heartbeat reports it: no personal data. */
export interface UnreportedFollowUp {
  id: number;
  kind: OutboxKind;
  reference: string;
  code: string;
  refusedAt: number;
}

export interface NewOutboxEntry {
  kind: OutboxKind;
  idempotencyKey: string;
  reference: string;
  sealed: SealedBox;
  targetId: string;
  now: number;
  expiresAt: number;
  /** When the first attempt is due; now by default. */
  nextAttemptAt?: number;
  /** Left for the background loop if the interactive attempts fail; false by default. */
  deferred?: boolean;
}

interface OutboxRow {
  id: number;
  kind: Exclude<OutboxKind, 'helpRequest'>;
  idempotency_key: string;
  reference: string;
  sealed_json: string | null;
  target_id: string;
  state: OutboxState;
  deferred: number;
  help_request: number;
  follow_up: number;
  reported_at: number | null;
  attempts: number;
  next_attempt_at: number;
  last_error_code: string | null;
  created_at: number;
  expires_at: number;
  updated_at: number;
}

function toEntry(row: OutboxRow): OutboxEntry {
  return {
    id: row.id,
    kind: row.help_request === 1 ? 'helpRequest' : row.kind,
    idempotencyKey: row.idempotency_key,
    reference: row.reference,
    sealed: row.sealed_json === null ? null : (JSON.parse(row.sealed_json) as SealedBox),
    targetId: row.target_id,
    state: row.state,
    deferred: row.deferred === 1,
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastErrorCode: row.last_error_code,
    createdAt: row.created_at,
    expiresAt: row.expires_at,
    updatedAt: row.updated_at,
    followUp: row.follow_up === 1,
    reportedAt: row.reported_at,
  };
}

/** The only SQL touching the outbox (CONVENTIONS.md §5): prepared statements, bound values. */
export function createOutboxRepository(db: KioskDatabase) {
  const insert = db.prepare<[string, string, string, string, string, number, number, number, number, number, number]>(
    `INSERT INTO outbox (kind, idempotency_key, reference, sealed_json, target_id, state, attempts,
       next_attempt_at, created_at, expires_at, updated_at, deferred, help_request)
     VALUES (?, ?, ?, ?, ?, 'pending', 0, ?, ?, ?, ?, ?, ?)`,
  );
  const byId = db.prepare<[number], OutboxRow>('SELECT * FROM outbox WHERE id = ?');
  // The queue the background loop owns: confirmations, and activations marked deferred.
  const QUEUED = `state = 'pending' AND (kind = 'confirmation' OR deferred = 1)`;
  const due = db.prepare<[number], OutboxRow>(`SELECT * FROM outbox WHERE ${QUEUED} AND next_attempt_at <= ? ORDER BY next_attempt_at, id`);
  const nextDue = db.prepare<[], { at: number | null }>(`SELECT MIN(next_attempt_at) AS at FROM outbox WHERE ${QUEUED}`);
  const countQueued = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE ${QUEUED}`);
  const close = db.prepare<[OutboxState, string | null, number, number, number]>(
    `UPDATE outbox SET state = ?, sealed_json = NULL, last_error_code = ?, attempts = attempts + 1, updated_at = ?, follow_up = ?
     WHERE id = ? AND state = 'pending'`,
  );
  const unreported = db.prepare<[number], OutboxRow>(
    `SELECT * FROM outbox WHERE follow_up = 1 AND reported_at IS NULL AND state IN ('refused', 'expired') ORDER BY updated_at, id LIMIT ?`,
  );
  const countUnreported = db.prepare<[], { n: number }>(`SELECT COUNT(*) AS n FROM outbox WHERE follow_up = 1 AND reported_at IS NULL`);
  const reported = db.prepare<[number, number]>(`UPDATE outbox SET reported_at = ? WHERE id = ? AND follow_up = 1 AND reported_at IS NULL`);
  const retry = db.prepare<[string, number, number, number]>(
    `UPDATE outbox SET attempts = attempts + 1, last_error_code = ?, next_attempt_at = ?, updated_at = ?
     WHERE id = ? AND state = 'pending'`,
  );
  const forward = db.prepare<[number, number]>(`UPDATE outbox SET next_attempt_at = ? WHERE ${QUEUED} AND next_attempt_at > ?`);
  // A queued row past its deadline was promised to someone who left with a receipt ("pending"):
  // it expires as a follow-up for staff (EXPIRED_UNSENT), like a late refusal. An orphan (a
  // generated password whose session died) was never promised; it just expires.
  const overdueQueued = `expires_at <= ? AND ${QUEUED}`;
  const expire = db.prepare<[number, number, number, number, string | null]>(
    `UPDATE outbox SET state = 'expired', sealed_json = NULL, updated_at = ?,
       follow_up = CASE WHEN ${overdueQueued} THEN 1 ELSE follow_up END,
       last_error_code = CASE WHEN ${overdueQueued} THEN '${EXPIRED_UNSENT}' ELSE last_error_code END
     WHERE state = 'pending' AND (expires_at <= ? OR (kind = ? AND deferred = 0))`,
  );

  return {
    /** Adds a pending row, due at once; returns it as stored. */
    add(entry: NewOutboxEntry): OutboxEntry {
      // A help request always waits for the link (deferred); see migration 003 for its storage.
      const help = entry.kind === 'helpRequest';
      const info = insert.run(help ? 'activation' : entry.kind, entry.idempotencyKey, entry.reference, JSON.stringify(entry.sealed),
        entry.targetId, entry.nextAttemptAt ?? entry.now, entry.now, entry.expiresAt, entry.now, help || entry.deferred ? 1 : 0, help ? 1 : 0);
      return toEntry(byId.get(Number(info.lastInsertRowid)) as OutboxRow);
    },
    find(id: number): OutboxEntry | undefined {
      const row = byId.get(id);
      return row && toEntry(row);
    },
    /** The background loop's rows that are due (confirmations and deferred activations). */
    listQueuedDue(now: number): OutboxEntry[] {
      return due.all(now).map(toEntry);
    },
    nextQueuedAt(): number | null {
      return nextDue.get()?.at ?? null;
    },
    /** What waits for the link to come back: the `pending` of the `sync.state` event. */
    countQueued(): number {
      return countQueued.get()?.n ?? 0;
    },
    /**
     * Final answer: the row leaves `pending` and its sealed payload is dropped. `followUp`: a
     * refusal the background loop got after the person left, kept for staff (migration 005).
     */
    settle(id: number, state: Exclude<OutboxState, 'pending'>, errorCode: string | null, now: number, options: { followUp?: boolean } = {}): boolean {
      const followUp = state === 'refused' && options.followUp === true ? 1 : 0;
      return close.run(state, errorCode, now, followUp, id).changes === 1;
    },
    /** Refusals and overdue promises to follow up, not acknowledged by the server yet, oldest first, at most `limit`. */
    listUnreportedFollowUps(limit: number): UnreportedFollowUp[] {
      return unreported.all(limit).map((row) => {
        const entry = toEntry(row);
        return { id: entry.id, kind: entry.kind, reference: entry.reference, code: entry.lastErrorCode ?? 'INTERNAL', refusedAt: entry.updatedAt };
      });
    },
    countUnreportedFollowUps(): number {
      return countUnreported.get()?.n ?? 0;
    },
    /** The server recorded these follow-ups: they are not sent again. Returns how many rows changed. */
    markReported(ids: readonly number[], now: number): number {
      return transaction(db, () => ids.reduce((changed, id) => changed + reported.run(now, id).changes, 0));
    },
    /** One failed attempt: counted, with the code and when to try again. */
    scheduleRetry(id: number, errorCode: string, nextAttemptAt: number, now: number): boolean {
      return retry.run(errorCode, nextAttemptAt, now, id).changes === 1;
    },
    /**
     * The link is back: every queued row is due now rather than at the end of a backoff that
     * may have grown to minutes during the outage. Returns how many rows moved.
     */
    bringForward(now: number): number {
      return forward.run(now, now).changes;
    },
    /**
     * Expires pending rows past their deadline, and every pending row of `orphanKind` not marked
     * deferred (a generated password whose session died with a restart can never be confirmed).
     */
    expireStale(now: number, orphanKind: Exclude<OutboxKind, 'helpRequest'> | null = null): number {
      return expire.run(now, now, now, now, orphanKind).changes;
    },
  };
}

export type OutboxRepository = ReturnType<typeof createOutboxRepository>;
