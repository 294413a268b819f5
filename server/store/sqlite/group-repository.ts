import type { Db } from './connection';
import type { GroupRow, GroupMemberRow } from '../ports/group-store';

const GROUP_SELECT = `SELECT g.id, g.profile_id AS profileId, g.label, g.join_code AS joinCode, g.opened_by AS openedBy,
                             s.display_name AS openedByName, g.opened_at AS openedAt, g.closed_at AS closedAt
                      FROM groups g JOIN staff s ON s.username = g.opened_by`;

/** The board's name and the class of a record, as an import sets them (`null` cohort cell clears it). */
export function setEnrollmentBoardFields(db: Db, profileId: string, lookupKey: string, fields: { cohort?: string | null; labelEnc: string | null }): void {
  db.prepare(
    `UPDATE enrollments SET cohort = CASE WHEN ? THEN ? ELSE cohort END, label_enc = COALESCE(?, label_enc)
     WHERE profile_id = ? AND lookup_key = ?`,
  ).run(fields.cohort === undefined ? 0 : 1, fields.cohort ?? null, fields.labelEnc, profileId, lookupKey);
}

/** Cohorts of a profile with their sizes: names and counts, never people. */
export function listCohorts(db: Db, profileId: string): { cohort: string; members: number }[] {
  return db
    .prepare('SELECT cohort, COUNT(*) AS members FROM enrollments WHERE profile_id = ? AND cohort IS NOT NULL GROUP BY cohort ORDER BY cohort LIMIT 500')
    .all(profileId) as { cohort: string; members: number }[];
}

export function listCohortEnrollments(db: Db, profileId: string, cohort: string): { lookupKey: string; labelEnc: string | null }[] {
  return db
    .prepare('SELECT lookup_key AS lookupKey, label_enc AS labelEnc FROM enrollments WHERE profile_id = ? AND cohort = ? ORDER BY lookup_key')
    .all(profileId, cohort) as { lookupKey: string; labelEnc: string | null }[];
}

export function insertGroup(db: Db, group: Omit<GroupRow, 'openedByName' | 'closedAt'>, members: GroupMemberRow[]): void {
  db.prepare('INSERT INTO groups (id, profile_id, label, join_code, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)').run(
    group.id,
    group.profileId,
    group.label,
    group.joinCode,
    group.openedBy,
    group.openedAt,
  );
  const insert = db.prepare('INSERT INTO group_members (group_id, no, lookup_key, label_enc) VALUES (?, ?, ?, ?)');
  for (const member of members) insert.run(group.id, member.no, member.lookupKey, member.labelEnc);
}

export function findGroup(db: Db, groupId: string): GroupRow | undefined {
  return db.prepare(`${GROUP_SELECT} WHERE g.id = ?`).get(groupId) as GroupRow | undefined;
}

export function findOpenGroupByCode(db: Db, joinCode: string): GroupRow | undefined {
  return db.prepare(`${GROUP_SELECT} WHERE g.join_code = ? AND g.closed_at IS NULL`).get(joinCode) as GroupRow | undefined;
}

export function isJoinCodeOpen(db: Db, joinCode: string): boolean {
  return db.prepare('SELECT 1 FROM groups WHERE join_code = ? AND closed_at IS NULL').get(joinCode) !== undefined;
}

export function listGroupMembers(db: Db, groupId: string): GroupMemberRow[] {
  return db
    .prepare('SELECT no, lookup_key AS lookupKey, label_enc AS labelEnc FROM group_members WHERE group_id = ? ORDER BY no')
    .all(groupId) as GroupMemberRow[];
}

/** A terminal is in one open group at most: joining one leaves any other. */
export function joinGroup(db: Db, groupId: string, terminalId: string, at: string): void {
  leaveOpenGroups(db, terminalId, at);
  db.prepare(
    `INSERT INTO group_terminals (group_id, terminal_id, joined_at) VALUES (?, ?, ?)
     ON CONFLICT (group_id, terminal_id) DO UPDATE SET joined_at = excluded.joined_at, left_at = NULL`,
  ).run(groupId, terminalId, at);
}

/** Returns the number of groups the terminal left (0 when it was in none). */
export function leaveOpenGroups(db: Db, terminalId: string, at: string): number {
  return db
    .prepare(
      `UPDATE group_terminals SET left_at = ? WHERE terminal_id = ? AND left_at IS NULL
       AND group_id IN (SELECT id FROM groups WHERE closed_at IS NULL)`,
    )
    .run(at, terminalId).changes;
}

export function findTerminalOpenGroup(db: Db, terminalId: string): GroupRow | undefined {
  return db
    .prepare(`${GROUP_SELECT} JOIN group_terminals t ON t.group_id = g.id WHERE t.terminal_id = ? AND t.left_at IS NULL AND g.closed_at IS NULL`)
    .get(terminalId) as GroupRow | undefined;
}

/** Terminals in the session now; for a closed session, every terminal that took part. */
export function listGroupTerminals(db: Db, group: Pick<GroupRow, 'id' | 'closedAt'>): string[] {
  const sql = group.closedAt === null
    ? 'SELECT terminal_id AS id FROM group_terminals WHERE group_id = ? AND left_at IS NULL ORDER BY joined_at, rowid LIMIT 64'
    : 'SELECT terminal_id AS id FROM group_terminals WHERE group_id = ? ORDER BY joined_at, rowid LIMIT 64';
  return (db.prepare(sql).all(group.id) as { id: string }[]).map((row) => row.id);
}

/** Closes the session; its terminals drop out (the kiosk asks at each Welcome). */
export function closeGroup(db: Db, groupId: string, at: string): boolean {
  const closed = db.prepare('UPDATE groups SET closed_at = ? WHERE id = ? AND closed_at IS NULL').run(at, groupId).changes > 0;
  if (closed) db.prepare('UPDATE group_terminals SET left_at = COALESCE(left_at, ?) WHERE group_id = ?').run(at, groupId);
  return closed;
}
