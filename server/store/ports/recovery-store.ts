/** One "mot de passe oublié" request (migration 008); a decoy has no `lookupKey` and no context. */
export interface RecoveryRow {
  id: string;
  profileId: string;
  lookupKey: string | null;
  /** The identity the request was throttled under: the keyed hash of what was typed. */
  throttleKey: string;
  codeHash: string;
  contextEnc: string | null;
  attempts: number;
  createdAt: string;
  expiresAt: string;
  usedAt: string | null;
  /** The activation row the reset wrote, once used. */
  activationId: string | null;
}

export interface RecoveryStore {
  insertRecovery(row: Omit<RecoveryRow, 'attempts' | 'usedAt' | 'activationId'>): Promise<void>;
  findRecovery(id: string): Promise<RecoveryRow | undefined>;
  /** Counts one wrong code; returns the new count. */
  recordWrongRecoveryCode(id: string): Promise<number>;
  /** Marks the code used by the reset that wrote `activationId`. */
  markRecoveryUsed(id: string, usedAt: string, activationId: string): Promise<void>;
  /** Once a password is reset, the person's other codes die with the old password. */
  voidOtherRecoveries(profileId: string, lookupKey: string, keepId: string, at: string): Promise<void>;
}
