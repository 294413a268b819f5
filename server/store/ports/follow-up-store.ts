/** One reported refusal as stored (migration 011). */
export interface FollowUpRow {
  id: number;
  terminalId: string;
  reference: string;
  kind: string;
  code: string;
  refusedAt: string;
  receivedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
}

export interface FollowUpStore {
  /** Records a refusal; one already on record for this terminal and reference is left as it is. Returns true when new. */
  insertFollowUp(row: Omit<FollowUpRow, 'id' | 'resolvedAt' | 'resolvedBy'>): Promise<boolean>;
  /** Open follow-ups first by arrival; with `reference`, that reference's only (open or resolved). */
  listFollowUps(options: { open: boolean; reference?: string }): Promise<FollowUpRow[]>;
  findFollowUp(id: number): Promise<FollowUpRow | undefined>;
  /** Marks an open follow-up resolved; false when unknown or already resolved. */
  resolveFollowUp(id: number, by: string, at: string): Promise<boolean>;
  /** Open follow-ups per terminal (the fleet view's flag). */
  countOpenFollowUpsByTerminal(): Promise<Map<string, number>>;
}
