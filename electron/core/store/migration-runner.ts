import type Database from 'better-sqlite3';

/** One schema step, in its own numbered file; migrations only add (CONVENTIONS.md §5). */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export class DatabaseTooNewError extends Error {
  override readonly name = 'DatabaseTooNewError';
  constructor(readonly found: number, readonly known: number) {
    super(`kiosk database is at schema version ${found}, this build knows up to ${known}: refusing to open it`);
  }
}

/**
 * Applies every migration above `PRAGMA user_version`, each in one transaction together with
 * its version bump. A database written by a newer build is refused rather than guessed at.
 */
export function runMigrations(db: Database.Database, migrations: readonly Migration[]): number {
  const known = checkedLatest(migrations);
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > known) throw new DatabaseTooNewError(current, known);
  for (const migration of migrations) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return known;
}

function checkedLatest(migrations: readonly Migration[]): number {
  migrations.forEach((migration, index) => {
    if (migration.version !== index + 1) throw new Error(`migration ${migration.name} is out of sequence`);
  });
  return migrations.length;
}
