import { randomBytes } from 'node:crypto';
import { fail, ok } from '../../shared/contract/result';
import type { Result } from '../../shared/contract/result';
import type { StaffIdentity } from '../../shared/contract/staff-api';
import { StaffTokenSchema } from '../../shared/contract/staff-api';
import { appendAudit } from '../audit/audit-log';
import { hashPassword, verifyPassword } from '../crypto/password-hash';
import { sha256Hex } from '../crypto/token-hash';
import { verifyTotp } from '../crypto/totp';
import type { StaffPrincipal } from '../plugins/staff-auth-plugin';
import type { StoreOps } from '../store/store';
import type { StaffAccountContext } from './staff-account-service';
import { readStaffTotpSecret } from './staff-account-service';
import { clearIdentityFailures, recordFailure, staffSignInThrottleKeys, throttleGate } from './throttle-service';
import type { ThrottleKeys } from './throttle-service';

/**
 * Staff sign-in (issue 6). A session lasts at most 8 hours and ends after 15 idle minutes, so
 * a desk left open does not stay usable; it is bound to the terminal it was opened on.
 */
export const STAFF_SESSION_ABSOLUTE_MS = 8 * 60 * 60_000;
export const STAFF_SESSION_IDLE_MS = 15 * 60_000;

export interface StaffSignIn {
  username: string;
  password: string;
  totp?: string;
}

export interface StaffSession {
  token: string;
  staff: StaffIdentity;
  expiresAt: string;
}

// An unknown username still costs one scrypt, so the answer time does not say who has an account.
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(randomBytes(18).toString('base64url'));
  return decoyHash;
}

/** Computes the decoy hash before the first sign-in, so even that one costs one scrypt only. */
export async function warmStaffSignIn(): Promise<void> {
  await decoy();
}

/**
 * Who a refused sign-in is recorded as: the account when the name is one, else this marker. A
 * name that is no account may be a password typed in the wrong field, so it is never stored
 * (the username pattern starts with a letter: no account can be called this).
 */
export const UNKNOWN_STAFF_ACTOR = '(unknown)';

async function refuse(ctx: StaffAccountContext, terminalId: string, keys: ThrottleKeys, actor: string, code: 'UNAUTHORIZED' | 'THROTTLED', now: Date): Promise<void> {
  await ctx.store.transaction(async (tx) => {
    if (code === 'UNAUTHORIZED') await recordFailure(tx, keys, now);
    await appendAudit(tx, { actorKind: 'staff', actor, terminalId, action: 'staff.signIn', subject: null, outcome: code }, now);
  });
}

/**
 * Every refusal (unknown user, wrong password, missing, wrong or replayed TOTP, disabled
 * account) is the same UNAUTHORIZED after the same work, audited with the account tried (or
 * UNKNOWN_STAFF_ACTOR) and never the password or code.
 */
export async function signInStaff(ctx: StaffAccountContext, terminalId: string, request: StaffSignIn): Promise<Result<StaffSession>> {
  const now = ctx.now();
  const keys = staffSignInThrottleKeys(request.username, terminalId);
  const row = await ctx.store.staff.findStaff(request.username);
  const actor = row?.username ?? UNKNOWN_STAFF_ACTOR;
  const throttled = await throttleGate(ctx.store, keys, now);
  if (throttled) {
    await refuse(ctx, terminalId, keys, actor, 'THROTTLED', now);
    return { ok: false, error: throttled };
  }
  const passwordOk = await verifyPassword(request.password, row?.passwordHash ?? (await decoy()));
  const secret = row ? readStaffTotpSecret(ctx.keys, row) : null;
  const needsTotp = row?.totpSecretEnc != null;
  const step = secret && request.totp ? verifyTotp(secret, request.totp, now, row?.totpLastStep ?? null) : null;
  const accepted = row !== undefined && passwordOk && row.disabledAt === null && (!needsTotp || step !== null);
  const token = `st_${randomBytes(32).toString('base64url')}`;
  const expiresAt = new Date(now.getTime() + STAFF_SESSION_ABSOLUTE_MS).toISOString();
  const opened =
    accepted &&
    await ctx.store.transaction(async (tx) => {
      // Claimed in the write transaction: two sign-ins racing with one code cannot both pass.
      if (step !== null && !await tx.staff.claimTotpStep(row.username, step)) return false;
      await clearIdentityFailures(tx, keys.identity);
      const at = now.toISOString();
      await tx.staffSessions.insertStaffSession({ tokenHash: sha256Hex(token), username: row.username, terminalId, createdAt: at, lastSeenAt: at, expiresAt });
      await appendAudit(tx, { actorKind: 'staff', actor: row.username, terminalId, action: 'staff.signIn', subject: null, outcome: 'ok', details: { role: row.role } }, now);
      return true;
    });
  if (!opened || !row) {
    await refuse(ctx, terminalId, keys, actor, 'UNAUTHORIZED', now);
    return fail('UNAUTHORIZED');
  }
  return ok({ token, staff: { username: row.username, displayName: row.displayName, role: row.role }, expiresAt });
}

/** Why a staff token was refused, for the audit trail (the caller only ever sees UNAUTHORIZED). */
export type StaffTokenRefusal = 'missing' | 'unknown' | 'ended' | 'otherTerminal' | 'expired' | 'idle' | 'disabled';

export type StaffTokenCheck = { ok: true; principal: StaffPrincipal } | { ok: false; reason: StaffTokenRefusal; username?: string };

/**
 * The staff member behind a token on this terminal, or why not: unknown, ended, opened on
 * another terminal, absolute or idle expiry passed, account disabled. A valid call pushes back
 * the idle expiry.
 */
export async function checkStaffToken(store: StoreOps, token: string | undefined, terminalId: string, now: Date): Promise<StaffTokenCheck> {
  if (token === undefined) return { ok: false, reason: 'missing' };
  if (!StaffTokenSchema.safeParse(token).success) return { ok: false, reason: 'unknown' };
  const tokenHash = sha256Hex(token);
  const session = await store.staffSessions.findStaffSession(tokenHash);
  if (!session) return { ok: false, reason: 'unknown' };
  const refused = (reason: StaffTokenRefusal): StaffTokenCheck => ({ ok: false, reason, username: session.username });
  if (session.endedAt !== null) return refused('ended');
  if (session.terminalId !== terminalId) return refused('otherTerminal');
  if (now.getTime() >= Date.parse(session.expiresAt)) return refused('expired');
  if (now.getTime() - Date.parse(session.lastSeenAt) >= STAFF_SESSION_IDLE_MS) return refused('idle');
  const staff = await store.staff.findStaff(session.username);
  if (!staff || staff.disabledAt !== null) return refused('disabled');
  await store.staffSessions.touchStaffSession(tokenHash, now.toISOString());
  return { ok: true, principal: { username: staff.username, displayName: staff.displayName, role: staff.role, tokenHash, terminalId } };
}

export async function authenticateStaff(store: StoreOps, token: string, terminalId: string, now: Date): Promise<StaffPrincipal | null> {
  const checked = await checkStaffToken(store, token, terminalId, now);
  return checked.ok ? checked.principal : null;
}

/** A refused staff call (bad token, role too low), audited with whoever the token named, never the token. */
export async function auditStaffCallRefused(
  ctx: StaffAccountContext,
  refusal: { terminalId: string; route: string; outcome: 'UNAUTHORIZED' | 'FORBIDDEN'; reason: string; username?: string },
): Promise<void> {
  const now = ctx.now();
  const actor = refusal.username ? { actorKind: 'staff' as const, actor: refusal.username } : { actorKind: 'terminal' as const, actor: refusal.terminalId };
  await ctx.store.transaction(async (tx) => {
    await appendAudit(
      tx,
      { ...actor, terminalId: refusal.terminalId, action: 'staff.call', subject: null, outcome: refusal.outcome, details: { route: refusal.route.slice(0, 200), reason: refusal.reason } },
      now,
    );
  });
}

/** Ends the session and forgets its cases. */
export async function signOutStaff(ctx: StaffAccountContext, principal: StaffPrincipal): Promise<void> {
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    await tx.staffSessions.endStaffSession(principal.tokenHash, now.toISOString());
    await appendAudit(tx, { actorKind: 'staff', actor: principal.username, terminalId: principal.terminalId, action: 'staff.signOut', subject: null, outcome: 'ok' }, now);
  });
}
