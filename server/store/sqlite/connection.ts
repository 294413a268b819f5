import Database from 'better-sqlite3';

export type Db = Database.Database;

/**
 * One SQLite connection as the server uses it: WAL so readers never wait on the writer,
 * foreign keys enforced, and `secure_delete` so a superseded password hash or an expired
 * idempotent answer is overwritten on disk rather than left in free pages (LOCKDOWN.md #18).
 */
export function openDatabase(file: string): Db {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/**
 * Runs `fn` in one IMMEDIATE transaction (the write lock is taken up front, so two requests
 * racing on the same idempotency key are serialised, even across processes).
 */
export function transaction<T>(db: Db, fn: (tx: Db) => T): T {
  return db.transaction(() => fn(db)).immediate();
}
