import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { loadServerKeys } from '../../../server/crypto/server-keys';
import { loadProfiles } from '../../../server/profiles/profile-registry';
import { hashIdentity } from '../../../server/services/identity-hashing';
import { DATABASE_FILE } from '../../../server/store/sqlite/server-database';
import { TerminalConfigSchema } from '../../../shared/schemas/terminal-config-schema';
import { startFaultProxy, type FaultProxy } from '../../support/fault-proxy';
import { startKiosk, type RunningKiosk } from '../../support/kiosk-process';
import { createTerminalToken, serverDirOf } from './staff-cli';

/**
 * A real enrollment server reached through the TCP fault proxy (issue 5's outage tests): the
 * server is the embedded one of a host kiosk stack (like the teacher's kiosk of the group spec),
 * the kiosk under test gets its own terminal token and a configuration file whose server URL is
 * the proxy's. The person's activations are read from the server's SQLite, read-only.
 */
export interface ProxiedServer {
  proxy: FaultProxy;
  /** Writes the terminal file of the kiosk under test into `dir`; returns its path. */
  terminalFile(dir: string, options: { terminalId: string; profiles: string[]; offlineProbeS: number }): string;
  activationsOf(profileId: string, identity: Record<string, string>): { active: number; all: number };
  close(): Promise<void>;
}

const PROFILES_DIR = resolve('resources/profiles');

export async function startProxiedServer(): Promise<ProxiedServer> {
  const hostDir = mkdtempSync(join(tmpdir(), 'sesame-outage-server-'));
  let host: RunningKiosk | undefined;
  let proxy: FaultProxy | undefined;
  try {
    host = await startKiosk({ dataDir: hostDir, env: { SESAME_SMTP_URL: '' } });
    const own = TerminalConfigSchema.parse(JSON.parse(readFileSync(join(hostDir, 'kiosk', 'terminal.json'), 'utf8')));
    proxy = await startFaultProxy(own.server.url);
  } catch (error) {
    await host?.stop();
    rmSync(hostDir, { recursive: true, force: true });
    throw error;
  }
  const serverDir = serverDirOf(hostDir);
  const running = { host, proxy };

  return {
    proxy,
    terminalFile(dir, options) {
      const token = createTerminalToken(serverDir, options.terminalId);
      const config = TerminalConfigSchema.parse({
        terminalId: options.terminalId, mode: 'shared', locale: 'fr', profiles: options.profiles,
        idle: { timeoutS: 300, warningS: 30 }, sync: { offlineProbeS: options.offlineProbeS },
        server: { url: running.proxy.url, token },
      });
      const file = join(dir, `${options.terminalId}.json`);
      writeFileSync(file, JSON.stringify(config), { mode: 0o600 });
      return file;
    },
    activationsOf(profileId, identity) {
      const profile = loadProfiles(PROFILES_DIR).get(profileId);
      if (!profile) throw new Error(`no profile ${profileId}`);
      const { lookupKey } = hashIdentity(profile, identity, loadServerKeys(serverDir).recordKey);
      const db = new Database(join(serverDir, DATABASE_FILE), { readonly: true });
      try {
        return db.prepare<[string, string], { active: number; all: number }>(
          `SELECT COALESCE(SUM(state = 'active'), 0) AS active, COUNT(*) AS "all" FROM activations WHERE profile_id = ? AND lookup_key = ?`,
        ).get(profileId, lookupKey) ?? { active: 0, all: 0 };
      } finally {
        db.close();
      }
    },
    async close() {
      await running.proxy.close();
      await running.host.stop();
      rmSync(hostDir, { recursive: true, force: true });
    },
  };
}
