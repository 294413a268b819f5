import type { StaffRole } from '../../shared/contract/staff-api';
import { appendAudit } from '../audit/audit-log';
import type { AuditRecord } from '../audit/audit-log';
import { hashPassword } from '../crypto/password-hash';
import { generatePassword } from '../crypto/password-generator';
import { decryptRecordValue, encryptRecordValue } from '../crypto/record-cipher';
import type { ServerKeys } from '../crypto/server-keys';
import { generateTotpSecret, totpUri } from '../crypto/totp';
import type { Store } from '../store/store';
import type { StaffRow } from '../store/ports/staff-store';
import { clearIdentityFailures, staffIdentityThrottleKey } from './throttle-service';

/**
 * Staff accounts (issue 6), created by the CLI or an admin. The password is generated, shown
 * once and kept only as its scrypt hash; the TOTP secret and email are AES-256-GCM, bound to
 * the account and column so a value copied onto another account does not open.
 */
export interface StaffAccountContext {
  store: Store;
  keys: ServerKeys;
  now: () => Date;
}

export interface NewStaffAccount {
  username: string;
  displayName: string;
  role: StaffRole;
  email?: string;
  totp?: boolean;
}

/** Who made the change, for the audit trail: the CLI (`system`) unless an admin did it over HTTP. */
export type StaffAuditActor = Pick<AuditRecord, 'actorKind' | 'actor' | 'terminalId'>;
export const SYSTEM_ACTOR: StaffAuditActor = { actorKind: 'system', actor: 'system', terminalId: null };

/** 20 characters from the look-alike-free alphabet: ~118 bits, read off a screen once. */
export const STAFF_PASSWORD_LENGTH = 20;

export class StaffAccountExistsError extends Error {
  constructor(readonly username: string) {
    super(`staff account "${username}" already exists`);
    this.name = 'StaffAccountExistsError';
  }
}

export function staffBinding(username: string, column: 'totp' | 'email'): string {
  return `staff\u0000${username}\u0000${column}`;
}

export function readStaffTotpSecret(keys: ServerKeys, row: StaffRow): string | null {
  return row.totpSecretEnc ? decryptRecordValue(keys.recordKey, staffBinding(row.username, 'totp'), row.totpSecretEnc) : null;
}

/** The staff member's own address (group summaries are mailed to it), or null. */
export function readStaffEmail(keys: ServerKeys, row: StaffRow): string | null {
  return row.emailEnc ? decryptRecordValue(keys.recordKey, staffBinding(row.username, 'email'), row.emailEnc) : null;
}

export async function createStaffAccount(
  ctx: StaffAccountContext,
  input: NewStaffAccount,
  actor: StaffAuditActor = SYSTEM_ACTOR,
): Promise<{ password: string; totpSecret?: string; totpUri?: string }> {
  if (await ctx.store.staff.findStaff(input.username)) throw new StaffAccountExistsError(input.username);
  const password = generatePassword(STAFF_PASSWORD_LENGTH);
  const passwordHash = await hashPassword(password);
  const totpSecret = input.totp ? generateTotpSecret() : undefined;
  const now = ctx.now();
  await ctx.store.transaction(async (tx) => {
    if (await tx.staff.findStaff(input.username)) throw new StaffAccountExistsError(input.username);
    await tx.staff.insertStaff({
      username: input.username,
      displayName: input.displayName,
      role: input.role,
      passwordHash,
      totpSecretEnc: totpSecret ? encryptRecordValue(ctx.keys.recordKey, staffBinding(input.username, 'totp'), totpSecret) : null,
      emailEnc: input.email ? encryptRecordValue(ctx.keys.recordKey, staffBinding(input.username, 'email'), input.email) : null,
      createdAt: now.toISOString(),
    });
    await appendAudit(
      tx,
      { ...actor, action: 'staff.create', subject: `staff:${input.username}`, outcome: 'ok', details: { role: input.role, totp: Boolean(totpSecret), email: Boolean(input.email) } },
      now,
    );
  });
  return totpSecret ? { password, totpSecret, totpUri: totpUri(totpSecret, input.username) } : { password };
}

/** Disables the account and ends its open sessions at once; false when unknown or already disabled. */
export async function disableStaff(ctx: StaffAccountContext, username: string, actor: StaffAuditActor = SYSTEM_ACTOR): Promise<boolean> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!await tx.staff.markStaffDisabled(username, now.toISOString())) return false;
    const ended = await tx.staffSessions.endSessionsOfStaff(username, now.toISOString());
    await appendAudit(tx, { ...actor, action: 'staff.disable', subject: `staff:${username}`, outcome: 'ok', details: { sessionsEnded: ended } }, now);
    return true;
  });
}

/** Lets a disabled account sign in again (its sessions stay ended); false when unknown or not disabled. */
export async function enableStaff(ctx: StaffAccountContext, username: string, actor: StaffAuditActor = SYSTEM_ACTOR): Promise<boolean> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!await tx.staff.markStaffEnabled(username)) return false;
    await appendAudit(tx, { ...actor, action: 'staff.enable', subject: `staff:${username}`, outcome: 'ok' }, now);
    return true;
  });
}

/**
 * A new generated password, shown once. Open sessions end (whoever knew the old password may
 * hold one) and the account's sign-in throttle is lifted, so the person can sign in at once.
 * Null when the account is unknown.
 */
export async function resetStaffPassword(
  ctx: StaffAccountContext,
  username: string,
  actor: StaffAuditActor = SYSTEM_ACTOR,
): Promise<{ password: string; sessionsEnded: number } | null> {
  if (!await ctx.store.staff.findStaff(username)) return null;
  const password = generatePassword(STAFF_PASSWORD_LENGTH);
  // Hashed before the transaction: scrypt would hold the write lock.
  const passwordHash = await hashPassword(password);
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    if (!await tx.staff.setStaffPassword(username, passwordHash)) return null;
    const sessionsEnded = await tx.staffSessions.endSessionsOfStaff(username, now.toISOString());
    await clearIdentityFailures(tx, staffIdentityThrottleKey(username));
    await appendAudit(tx, { ...actor, action: 'staff.resetPassword', subject: `staff:${username}`, outcome: 'ok', details: { sessionsEnded } }, now);
    return { password, sessionsEnded };
  });
}

/**
 * Changes the role. Open sessions go on: the role is read from the account on every call, so
 * the change applies to the very next one. False when unknown or already that role.
 */
export async function changeStaffRole(ctx: StaffAccountContext, username: string, role: StaffRole, actor: StaffAuditActor = SYSTEM_ACTOR): Promise<boolean> {
  const now = ctx.now();
  return ctx.store.transaction(async (tx) => {
    const before = await tx.staff.findStaff(username);
    if (!before || !await tx.staff.setStaffRole(username, role)) return false;
    await appendAudit(tx, { ...actor, action: 'staff.role', subject: `staff:${username}`, outcome: 'ok', details: { from: before.role, to: role } }, now);
    return true;
  });
}
