/** One staff sign-in (migration 009): the token as sha256 only, bound to its terminal. */
export interface StaffSessionRow {
  tokenHash: string;
  username: string;
  terminalId: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  endedAt: string | null;
}

export interface StaffSessionStore {
  insertStaffSession(row: Omit<StaffSessionRow, 'endedAt'>): Promise<void>;
  findStaffSession(tokenHash: string): Promise<StaffSessionRow | undefined>;
  /** Pushes back the idle expiry: each authenticated call counts as activity. */
  touchStaffSession(tokenHash: string, at: string): Promise<void>;
  /**
   * Ends one session and forgets the people looked up in it: a case belongs to the session that
   * searched for them (issue 6), so nothing can be acted on once it is over.
   */
  endStaffSession(tokenHash: string, at: string): Promise<boolean>;
  /** Ends every open session of one account (it was disabled); returns how many were open. */
  endSessionsOfStaff(username: string, at: string): Promise<number>;
  /** Ends every open session on one terminal (it was revoked); returns how many were open. */
  endSessionsOnTerminal(terminalId: string, at: string): Promise<number>;
}
