/** One parent's help request (ENT 77), what they wrote only encrypted (migration 008). */
export interface HelpRequestRow {
  reference: string;
  profileId: string;
  terminalId: string;
  topic: string;
  requestEnc: string;
  createdAt: string;
  mailedAt: string | null;
}

export interface HelpRequestStore {
  /** False when the reference is taken already (nothing written). */
  insertHelpRequest(row: Omit<HelpRequestRow, 'mailedAt'>): Promise<boolean>;
  /** Creation times of a terminal's requests since `since`, oldest first (the per-terminal limit). */
  helpRequestTimesSince(terminalId: string, since: string): Promise<string[]>;
  markHelpRequestMailed(reference: string, at: string): Promise<void>;
  findHelpRequest(reference: string): Promise<HelpRequestRow | undefined>;
}
