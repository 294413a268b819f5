import type { StaffRole } from '../../../shared/contract/staff-api';

/** A staff account as stored (migration 009): secrets only hashed (password) or sealed (TOTP, email). */
export interface StaffRow {
  username: string;
  displayName: string;
  role: StaffRole;
  passwordHash: string;
  totpSecretEnc: string | null;
  totpLastStep: number | null;
  emailEnc: string | null;
  createdAt: string;
  disabledAt: string | null;
}

export interface StaffStore {
  insertStaff(row: Omit<StaffRow, 'totpLastStep' | 'disabledAt'>): Promise<void>;
  findStaff(username: string): Promise<StaffRow | undefined>;
  listStaff(): Promise<StaffRow[]>;
  markStaffDisabled(username: string, at: string): Promise<boolean>;
  /** Clears the disabled mark; false when unknown or not disabled. */
  markStaffEnabled(username: string): Promise<boolean>;
  /** Replaces the password hash; false when unknown. */
  setStaffPassword(username: string, passwordHash: string): Promise<boolean>;
  /** Changes the role; false when unknown or already that role. */
  setStaffRole(username: string, role: StaffRole): Promise<boolean>;
  /** Records the TOTP step just used; false when that step (or a later one) was already used: a replay. */
  claimTotpStep(username: string, step: number): Promise<boolean>;
}
