import Database from 'better-sqlite3';
import { KIOSK_MIGRATIONS } from './migrations/migration-list';
import { runMigrations } from './migration-runner';

export type KioskDatabase = Database.Database;

/**
 * Opens `kiosk.sqlite` and brings its schema up to date. WAL for crash safety,
 * `secure_delete` so a dropped sealed payload is overwritten on disk rather than left in a free
 * page (LOCKDOWN.md #18), foreign keys on as a habit.
 */
export function openKioskDatabase(file: string): KioskDatabase {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 2000');
    runMigrations(db, KIOSK_MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Runs `fn` in one immediate transaction: every multi-step write goes through here. */
export function transaction<T>(db: KioskDatabase, fn: () => T): T {
  return db.transaction(fn).immediate();
}
