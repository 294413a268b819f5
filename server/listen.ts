import { buildApp, listenUrlOf } from './app';
import type { AppDeps } from './app';
import { loadServerKeys } from './crypto/server-keys';
import { parseMailConfig } from './mail/mail-config';
import type { MailConfigInput } from './mail/mail-config';
import { createMailer } from './mail/mail-transports';
import type { App } from './plugins/app-types';
import { loadProfiles } from './profiles/profile-registry';
import { openServerStore } from './store/sqlite/server-database';

export interface StartServerOptions {
  dataDir: string;
  profilesDir: string;
  host?: string;
  port?: number;
  now?: () => Date;
  logger?: AppDeps['logger'];
  /** Relay, link base and sender; by default `.eml` files in `<dataDir>/mail/` and the listen URL. */
  mail?: MailConfigInput;
}

export interface RunningServer {
  url: string;
  app: App;
  close(): Promise<void>;
}

/** Loads keys and profiles, opens the migrated database and listens (loopback by default). */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const keys = loadServerKeys(options.dataDir);
  const profiles = loadProfiles(options.profilesDir);
  const mail = parseMailConfig(options.mail ?? {});
  const mailer = createMailer(mail, options.dataDir, options.now);
  const store = openServerStore(options.dataDir);
  const deps = { store, profiles, keys, now: options.now, logger: options.logger, mailer, publicUrl: mail.publicUrl };
  return listenWith(deps, options.host, options.port);
}

/** Serves what the caller already opened; the app owns the store from here on (closes it). */
export async function listenWith(deps: AppDeps, host = '127.0.0.1', port = 0): Promise<RunningServer> {
  const app = buildApp(deps);
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  return { url: listenUrlOf(app), app, close: () => app.close() };
}
