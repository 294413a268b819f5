import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DATABASE_FILE } from '../../../server/store/sqlite/server-database';

/**
 * The staff sessions the server still accepts for one account, read from its SQLite (read-only,
 * beside the running server, as the outage tests read activations). The server refuses a token
 * whose session has ended (server/services/staff-auth-service.ts, `checkStaffToken`), so 0 here
 * with at least one session opened means every token the kiosk held is worth nothing.
 */
export function staffSessionsOf(serverDir: string, username: string): { open: number; all: number } {
  const db = new Database(join(serverDir, DATABASE_FILE), { readonly: true });
  try {
    return db.prepare<[string], { open: number; all: number }>(
      'SELECT COALESCE(SUM(ended_at IS NULL), 0) AS open, COUNT(*) AS "all" FROM staff_sessions WHERE username = ?',
    ).get(username) ?? { open: 0, all: 0 };
  } finally {
    db.close();
  }
}

/** A staff call straight through the page's bridge, as any script in the page could make it. */
export function bridgeCall(method: string, input: unknown): string {
  return `window.kiosk.invoke(${JSON.stringify(method)}, ${JSON.stringify(input)})`;
}
