import type { Db } from './connection';
import { MIGRATIONS } from './migrations/index';
import type { Migration } from './migrations/migration';

export class DatabaseTooNewError extends Error {
  constructor(readonly found: number, readonly supported: number) {
    super(`database schema version ${found} is newer than this server supports (${supported}); upgrade the server`);
    this.name = 'DatabaseTooNewError';
  }
}

export function schemaVersion(db: Db): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/**
 * Brings the database to `target` (all migrations by default), one transaction per migration
 * with `PRAGMA user_version`, and refuses a database written by newer code rather than guess.
 */
export function migrate(db: Db, migrations: readonly Migration[] = MIGRATIONS, target = migrations.length): number {
  const current = schemaVersion(db);
  if (current > migrations.length) throw new DatabaseTooNewError(current, migrations.length);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }).immediate();
  }
  return schemaVersion(db);
}
