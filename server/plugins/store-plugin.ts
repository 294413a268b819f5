import type { Store } from '../store/store';
import type { App } from './app-types';

/** The app owns its store: closing the app lets work in flight finish, then closes the store. */
export function registerStore(app: App, store: Store): void {
  app.addHook('onClose', async () => store.close());
}
