import type { AddressInfo } from 'node:net';
import { buildApp } from './app';
import type { AppDeps } from './app';
import { loadServerKeys } from './crypto/server-keys';
import type { App } from './plugins/app-types';
import { loadProfiles } from './profiles/profile-registry';
import { openServerDatabase } from './store/server-database';

export interface StartServerOptions {
  dataDir: string;
  profilesDir: string;
  host?: string;
  port?: number;
  now?: () => Date;
  logger?: AppDeps['logger'];
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
  const db = openServerDatabase(options.dataDir);
  return listenWith({ db, profiles, keys, now: options.now, logger: options.logger }, options.host, options.port);
}

/** Serves what the caller already opened; the app owns the database from here on (closes it). */
export async function listenWith(deps: AppDeps, host = '127.0.0.1', port = 0): Promise<RunningServer> {
  const app = buildApp(deps);
  try {
    await app.listen({ host, port });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const bound = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${bound}:${address.port}`, app, close: () => app.close() };
}
