import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadAuditKey } from '../../crypto/server-keys';
import type { Store } from '../store';
import { openDatabase } from './connection';
import type { Db } from './connection';
import { migrate } from './migrate';
import { SqliteStore } from './sqlite-store';

export const DATABASE_FILE = 'enrollment.sqlite';

/** The server's database in its data folder, migrated to the latest schema (or refused if newer). */
export function openServerDatabase(dataDir: string): Db {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = openDatabase(join(dataDir, DATABASE_FILE));
  try {
    migrate(db);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}

/** The embedded default store: that database behind the storage port, which owns it from here on. */
export function openServerStore(dataDir: string): Store {
  let chainKey: Buffer | undefined;
  // Read on first use: commands that never touch the audit trail still open a folder without keys.
  return new SqliteStore(openServerDatabase(dataDir), () => (chainKey ??= loadAuditKey(dataDir)));
}
