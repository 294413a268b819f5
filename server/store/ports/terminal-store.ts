export interface TerminalRow {
  id: string;
  name: string;
  tokenHash: string;
  createdAt: string;
  revokedAt: string | null;
}

/** Every terminal, for the admin screen (issue 6): never the token hash. */
export interface TerminalListRow {
  id: string;
  name: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface TerminalStore {
  /** Creates the terminal, or gives an existing one a new token (the old one stops working). */
  upsertTerminal(terminal: { id: string; name: string; tokenHash: string; now: string }): Promise<void>;
  findTerminal(id: string): Promise<TerminalRow | undefined>;
  revokeTerminal(id: string, now: string): Promise<boolean>;
  listTerminals(): Promise<TerminalListRow[]>;
}
