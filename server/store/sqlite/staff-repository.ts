import type { Db } from './connection';
import type { StaffRole } from '../../../shared/contract/staff-api';
import type { StaffRow } from '../ports/staff-store';

const SELECT = `SELECT username, display_name AS displayName, role, password_hash AS passwordHash,
                       totp_secret_enc AS totpSecretEnc, totp_last_step AS totpLastStep, email_enc AS emailEnc,
                       created_at AS createdAt, disabled_at AS disabledAt FROM staff`;

export function insertStaff(db: Db, row: Omit<StaffRow, 'totpLastStep' | 'disabledAt'>): void {
  db.prepare(
    `INSERT INTO staff (username, display_name, role, password_hash, totp_secret_enc, totp_last_step, email_enc, created_at, disabled_at)
     VALUES (@username, @displayName, @role, @passwordHash, @totpSecretEnc, NULL, @emailEnc, @createdAt, NULL)`,
  ).run(row);
}

export function findStaff(db: Db, username: string): StaffRow | undefined {
  return db.prepare(`${SELECT} WHERE username = ?`).get(username) as StaffRow | undefined;
}

export function listStaff(db: Db): StaffRow[] {
  return db.prepare(`${SELECT} ORDER BY username`).all() as StaffRow[];
}

export function markStaffDisabled(db: Db, username: string, at: string): boolean {
  return db.prepare('UPDATE staff SET disabled_at = ? WHERE username = ? AND disabled_at IS NULL').run(at, username).changes > 0;
}

export function markStaffEnabled(db: Db, username: string): boolean {
  return db.prepare('UPDATE staff SET disabled_at = NULL WHERE username = ? AND disabled_at IS NOT NULL').run(username).changes > 0;
}

export function setStaffPassword(db: Db, username: string, passwordHash: string): boolean {
  return db.prepare('UPDATE staff SET password_hash = ? WHERE username = ?').run(passwordHash, username).changes > 0;
}

export function setStaffRole(db: Db, username: string, role: StaffRole): boolean {
  return db.prepare('UPDATE staff SET role = ? WHERE username = ? AND role <> ?').run(role, username, role).changes > 0;
}

/** Records the TOTP step just used; false when that step (or a later one) was already used: a replay. */
export function claimTotpStep(db: Db, username: string, step: number): boolean {
  return (
    db.prepare('UPDATE staff SET totp_last_step = ? WHERE username = ? AND (totp_last_step IS NULL OR totp_last_step < ?)').run(step, username, step)
      .changes > 0
  );
}
