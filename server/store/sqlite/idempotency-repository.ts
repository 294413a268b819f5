import type { Db } from './connection';
import type { IdempotencyRow } from '../ports/idempotency-store';

export function findIdempotent(db: Db, keyHash: string): IdempotencyRow | undefined {
  return db
    .prepare(
      `SELECT key_hash AS keyHash, terminal_id AS terminalId, route, request_hash AS requestHash, status,
              response_enc AS responseEnc, created_at AS createdAt
       FROM idempotency WHERE key_hash = ?`,
    )
    .get(keyHash) as IdempotencyRow | undefined;
}

export function insertIdempotent(db: Db, row: IdempotencyRow): void {
  db.prepare(
    `INSERT INTO idempotency (key_hash, terminal_id, route, request_hash, status, response_enc, created_at)
     VALUES (@keyHash, @terminalId, @route, @requestHash, @status, @responseEnc, @createdAt)`,
  ).run(row);
}
