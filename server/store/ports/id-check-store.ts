/** "Pièce d'identité vérifiée" by staff on one terminal (issue 6, migration 009). */
export interface IdCheckRow {
  id: number;
  profileId: string;
  lookupKey: string;
  terminalId: string;
  username: string;
  document: string;
  checkedAt: string;
  validUntil: string;
  usedAt: string | null;
}

export interface IdCheckStore {
  insertIdCheck(row: Omit<IdCheckRow, 'id' | 'usedAt'>): Promise<void>;
  /** The check that lets this terminal accept the reduced proof now: unexpired and not used yet. */
  findUsableIdCheck(profileId: string, lookupKey: string, terminalId: string, now: string): Promise<IdCheckRow | undefined>;
  /**
   * The latest check made for this person by this staff member on this terminal since `since`
   * (a case's start): what "an idCheck in this case" means, the table having no case column.
   */
  findIdCheckSince(profileId: string, lookupKey: string, terminalId: string, username: string, since: string): Promise<IdCheckRow | undefined>;
  /** An activation finished: every check of that person is spent (valid once, issue 6). */
  markIdChecksUsed(profileId: string, lookupKey: string, usedAt: string): Promise<void>;
}
