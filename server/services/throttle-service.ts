import type { AppError } from '../../shared/contract/result';
import { sha256Hex } from '../crypto/token-hash';
import { fingerprintOf } from './idempotency-service';
import type { StoreOps } from '../store/store';
import type { ThrottleScope } from '../store/ports/throttle-store';

/**
 * LOCKDOWN.md #17: after 5 failures for one identity (30 for one terminal) within 15 minutes,
 * each further attempt waits 30 s, doubling per new failure, capped at 15 min. Counters reset
 * after 15 quiet minutes once the wait is over, so no stranger can lock someone out for good.
 */
export const THROTTLE_LIMITS: Record<ThrottleScope, number> = { identity: 5, terminal: 30 };
export const THROTTLE_WINDOW_MS = 15 * 60_000;
const BASE_DELAY_S = 30;
const MAX_DELAY_S = 15 * 60;

export type ThrottleKeys = Partial<Record<ThrottleScope, string>>;

async function waitSeconds(store: StoreOps, scope: ThrottleScope, keyHash: string, now: Date): Promise<number> {
  const blockedUntil = (await store.throttle.findThrottle(scope, keyHash))?.blockedUntil;
  if (!blockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(blockedUntil) - now.getTime()) / 1000));
}

/** THROTTLED with the longest wait among the keys, or null when the attempt may go ahead. */
export async function throttleGate(store: StoreOps, keys: ThrottleKeys, now: Date): Promise<AppError | null> {
  let wait = 0;
  for (const [scope, keyHash] of Object.entries(keys) as [ThrottleScope, string][]) {
    wait = Math.max(wait, await waitSeconds(store, scope, keyHash, now));
  }
  return wait > 0 ? { code: 'THROTTLED', retryAfterS: wait } : null;
}

/** `limits`: failures a key of each scope may have before it waits; a counter of its own may have its own. */
export async function recordFailure(store: StoreOps, keys: ThrottleKeys, now: Date, limits: Record<ThrottleScope, number> = THROTTLE_LIMITS): Promise<void> {
  for (const [scope, keyHash] of Object.entries(keys) as [ThrottleScope, string][]) {
    const row = await store.throttle.findThrottle(scope, keyHash);
    const quietSince = row ? Math.max(Date.parse(row.lastFailureAt), Date.parse(row.blockedUntil ?? row.lastFailureAt)) : 0;
    const quiet = !row || now.getTime() - quietSince >= THROTTLE_WINDOW_MS;
    const failures = quiet ? 1 : row.failures + 1;
    const over = failures - limits[scope];
    const delayS = over >= 0 ? Math.min(BASE_DELAY_S * 2 ** over, MAX_DELAY_S) : 0;
    await store.throttle.saveThrottle({
      scope,
      keyHash,
      failures,
      windowStartedAt: quiet ? now.toISOString() : row.windowStartedAt,
      lastFailureAt: now.toISOString(),
      blockedUntil: delayS > 0 ? new Date(now.getTime() + delayS * 1000).toISOString() : null,
    });
  }
}

export async function clearIdentityFailures(store: StoreOps, identityKey: string): Promise<void> {
  await store.throttle.clearThrottle('identity', identityKey);
}

/**
 * Staff sign-in counts on its own keys (per username and per terminal), apart from the
 * terminal counter of the people's lookups: a student's mistypes must not lock the registrar
 * out of the desk, and a staff member's must not throttle the students queuing behind.
 */
export function staffSignInThrottleKeys(username: string, terminalId: string): Required<ThrottleKeys> {
  return { identity: staffIdentityThrottleKey(username), terminal: sha256Hex(`staff-sign-in\u0000${terminalId}`) };
}

/**
 * The identity counter of a "mot de passe oublié" request: the record's lookup key when the
 * profile asks for its field, else a keyed hash of the fields it asks for (the same for the
 * same person), so staff can find and lift it (liftThrottle).
 */
export function passwordRecoveryThrottleKey(recordKey: Buffer, profileId: string, hashed: { lookupKey: string; fieldHashes: Record<string, string> }): string {
  return hashed.lookupKey || fingerprintOf(recordKey, ['recovery', profileId, hashed.fieldHashes]);
}

export function staffIdentityThrottleKey(username: string): string {
  return sha256Hex(`staff\u0000${username}`);
}

/**
 * Staff lookups that find nobody, per staff session and per staff account: staff may learn
 * whether a person exists, so without a budget a signed-in agent (or a stolen staff token)
 * could enumerate the roster by identity fields. 30 misses per session and 60 per account
 * (several sessions, several terminals) within 15 minutes, then the same doubling waits as
 * everywhere. A lookup that finds its person does not count, nor reset the count: a desk serving
 * a class finds almost everyone, and one known person must not buy more guesses. Kept on keys of
 * their own, under the scope whose budget is 30, so neither a student's nor a sign-in's
 * failures touch them.
 */
export const STAFF_LOOKUP_LIMITS = { session: THROTTLE_LIMITS.terminal, account: 60 };

interface StaffLookupCaller {
  username: string;
  tokenHash: string;
}

function staffLookupKeys(caller: StaffLookupCaller): { session: ThrottleKeys; account: ThrottleKeys } {
  return {
    session: { terminal: sha256Hex(`staff-lookup-session\u0000${caller.tokenHash}`) },
    account: { terminal: sha256Hex(`staff-lookup-account\u0000${caller.username}`) },
  };
}

export async function staffLookupGate(store: StoreOps, caller: StaffLookupCaller, now: Date): Promise<AppError | null> {
  const keys = staffLookupKeys(caller);
  const session = await throttleGate(store, keys.session, now);
  const account = await throttleGate(store, keys.account, now);
  if (!session || !account) return session ?? account;
  return { code: 'THROTTLED', retryAfterS: Math.max(session.retryAfterS ?? 0, account.retryAfterS ?? 0) };
}

export async function recordStaffLookupMiss(store: StoreOps, caller: StaffLookupCaller, now: Date): Promise<void> {
  const keys = staffLookupKeys(caller);
  await recordFailure(store, keys.session, now);
  await recordFailure(store, keys.account, now, { ...THROTTLE_LIMITS, terminal: STAFF_LOOKUP_LIMITS.account });
}
