import type { Db } from '../store/connection';
import type { App } from './app-types';

/** The app owns its connection: closing the app checkpoints and closes the database. */
export function registerDatabase(app: App, db: Db): void {
  app.addHook('onClose', async () => {
    if (db.open) db.close();
  });
}
