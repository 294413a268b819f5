/**
 * Group sessions (issue 6, migration 009): a list of people a teacher or an agent follows on a
 * board while they activate at the kiosks of the room. Labels are stored AES-256-GCM only.
 */
export interface GroupRow {
  id: string;
  profileId: string;
  label: string;
  joinCode: string;
  openedBy: string;
  openedByName: string;
  openedAt: string;
  closedAt: string | null;
}

export interface GroupMemberRow {
  no: number;
  lookupKey: string;
  labelEnc: string;
}

export interface GroupStore {
  /** The board's name and the class of a record, as an import sets them (`null` cohort cell clears it). */
  setEnrollmentBoardFields(profileId: string, lookupKey: string, fields: { cohort?: string | null; labelEnc: string | null }): Promise<void>;
  /** Cohorts of a profile with their sizes: names and counts, never people. */
  listCohorts(profileId: string): Promise<{ cohort: string; members: number }[]>;
  listCohortEnrollments(profileId: string, cohort: string): Promise<{ lookupKey: string; labelEnc: string | null }[]>;
  insertGroup(group: Omit<GroupRow, 'openedByName' | 'closedAt'>, members: GroupMemberRow[]): Promise<void>;
  findGroup(groupId: string): Promise<GroupRow | undefined>;
  findOpenGroupByCode(joinCode: string): Promise<GroupRow | undefined>;
  isJoinCodeOpen(joinCode: string): Promise<boolean>;
  listGroupMembers(groupId: string): Promise<GroupMemberRow[]>;
  /** A terminal is in one open group at most: joining one leaves any other. */
  joinGroup(groupId: string, terminalId: string, at: string): Promise<void>;
  /** Returns the number of groups the terminal left (0 when it was in none). */
  leaveOpenGroups(terminalId: string, at: string): Promise<number>;
  findTerminalOpenGroup(terminalId: string): Promise<GroupRow | undefined>;
  /** Terminals in the session now; for a closed session, every terminal that took part. */
  listGroupTerminals(group: Pick<GroupRow, 'id' | 'closedAt'>): Promise<string[]>;
  /** Closes the session; its terminals drop out (the kiosk asks at each Welcome). */
  closeGroup(groupId: string, at: string): Promise<boolean>;
}
