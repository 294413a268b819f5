import { join } from 'node:path';
import { openDatabase } from '../../../../server/store/sqlite/connection';
import type { Db } from '../../../../server/store/sqlite/connection';
import { DATABASE_FILE } from '../../../../server/store/sqlite/server-database';

/**
 * The narrow way for tests to look at the SQLite file itself (raw SQL, tampering with the
 * append-only audit log, bytes at rest): a second better-sqlite3 connection on the data
 * folder's database, closed afterwards. SQLite-only by nature: whatever the storage port can
 * express goes through a store instead, so the same assertion would hold on another backend.
 */
export function inspectSqliteFile<T>(dataDir: string, read: (db: Db) => T): T {
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    return read(db);
  } finally {
    db.close();
  }
}
