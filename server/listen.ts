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
  const app = buildApp({ db, profiles, keys, now: options.now, logger: options.logger });
  try {
    await app.listen({ host: options.host ?? '127.0.0.1', port: options.port ?? 0 });
  } catch (error) {
    await app.close();
    throw error;
  }
  const address = app.server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return { url: `http://${host}:${address.port}`, app, close: () => app.close() };
}
