import { createHmac } from 'node:crypto';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import { openResponse, sealResponse } from '../crypto/response-vault';
import { sha256Hex } from '../crypto/token-hash';
import type { Store, StoreOps, StoreTx } from '../store/store';


/**
 * One request as the idempotency store sees it; the key itself is kept only in memory.
 * `fingerprint` says what makes two requests "the same": the opened secret, not its sealed
 * box, because a kiosk that seals again on retry (fresh ephemeral key) still asks the same thing.
 */
export interface IdempotentCall {
  key: string;
  terminalId: string;
  route: string;
}
export interface IdempotentRequest extends IdempotentCall {
  fingerprint: string;
}

export interface Answer<T> {
  status: number;
  body: T;
}

type Replay = { kind: 'fresh' } | { kind: 'replay'; status: number; body: unknown } | { kind: 'conflict' };

/** Keyed hash of a request's meaning: it holds identity values, which a plain sha256 would not hide. */
export function fingerprintOf(recordKey: Buffer, meaning: unknown): string {
  return createHmac('sha256', recordKey).update(JSON.stringify(meaning)).digest('base64url');
}

function requestHash(request: IdempotentRequest): string {
  return sha256Hex(`${request.route}\n${request.fingerprint}`);
}

async function findReplay(store: StoreOps, request: IdempotentRequest): Promise<Replay> {
  const row = await store.idempotency.findIdempotent(sha256Hex(request.key));
  if (!row) return { kind: 'fresh' };
  if (row.terminalId !== request.terminalId || row.requestHash !== requestHash(request)) return { kind: 'conflict' };
  return { kind: 'replay', status: row.status, body: JSON.parse(openResponse(request.key, row.responseEnc)) as unknown };
}

/** Replays a stored answer, or refuses a key reused for another request (422 INVALID_INPUT). */
export async function replayOrConflict<T>(store: StoreOps, request: IdempotentRequest): Promise<Result<Answer<T>> | null> {
  const replay = await findReplay(store, request);
  if (replay.kind === 'conflict') return fail('INVALID_INPUT', { fields: [{ key: 'idempotencyKey', reason: 'unknown' }] });
  if (replay.kind === 'replay') return ok({ status: replay.status, body: replay.body as T });
  return null;
}

export async function storeAnswer(store: StoreOps, request: IdempotentRequest, status: number, body: unknown, now: Date): Promise<void> {
  await store.idempotency.insertIdempotent({
    keyHash: sha256Hex(request.key),
    terminalId: request.terminalId,
    route: request.route,
    requestHash: requestHash(request),
    status,
    responseEnc: sealResponse(request.key, JSON.stringify(body)),
    createdAt: now.toISOString(),
  });
}

export interface Committed<T> {
  result: Result<Answer<T>>;
  /** True when this request did the work (and may now send its email); false on a replay or a refusal. */
  fresh: boolean;
}

/**
 * Runs `write` and stores its answer under the key in one IMMEDIATE transaction, unless another
 * request with the key got there first while this one awaited scrypt (then that answer, or the
 * conflict). Only successes are stored: a refusal is worked out again on the retry.
 */
export async function answerOnce<T>(store: Store, request: IdempotentRequest, now: Date, write: (tx: StoreTx) => Promise<Result<Answer<T>>>): Promise<Committed<T>> {
  return store.transaction(async (tx) => {
    const raced = await replayOrConflict<T>(tx, request);
    if (raced) return { result: raced, fresh: false };
    const result = await write(tx);
    if (result.ok) await storeAnswer(tx, request, result.value.status, result.value.body, now);
    return { result, fresh: result.ok };
  });
}
