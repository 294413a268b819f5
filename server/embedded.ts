import { ensureServerKeys } from './crypto/server-keys';
import { seedDemo } from './demo/demo-dataset';
import { DEMO_IDENTITIES } from './demo/demo-identities';
import { formatImportProblem } from './import/enrollment-csv-import';
import { listenWith } from './listen';
import { loadProfiles } from './profiles/profile-registry';
import { issueTerminalToken } from './services/terminal-service';
import { countEnrollments } from './store/enrollment-repository';
import { openServerDatabase } from './store/server-database';

export { startServer } from './listen';
export type { RunningServer, StartServerOptions } from './listen';

export const DEMO_TERMINAL_ID = 'borne-demo';

export interface EmbeddedServer {
  url: string;
  terminal: { id: string; token: string };
  close(): Promise<void>;
}

/**
 * The kiosk launcher's default (issue 2, `npm start`): the reference API in-process on its own
 * SQLite file, the demo people loaded on first start, a fresh token for `borne-demo` at every
 * start (the previous one stops working), listening on loopback only.
 */
export async function startEmbeddedServer(options: { dataDir: string; profilesDir: string; now?: () => Date }): Promise<EmbeddedServer> {
  const now = options.now ?? (() => new Date());
  const { keys } = ensureServerKeys(options.dataDir);
  const profiles = loadProfiles(options.profilesDir);
  // Opened once: seeded here, then handed to the app, which closes it with the server.
  const db = openServerDatabase(options.dataDir);
  let token: string;
  try {
    if (countEnrollments(db) === 0) {
      const demoProfiles = new Set(DEMO_IDENTITIES.map((person) => person.profileId));
      for (const profileId of demoProfiles) {
        const profile = profiles.get(profileId);
        if (!profile) continue;
        const outcome = seedDemo(db, profile, keys.recordKey, now());
        if (!outcome.ok) throw new Error(`demo dataset refused: ${outcome.problems.map(formatImportProblem).join('; ')}`);
      }
    }
    token = issueTerminalToken(db, DEMO_TERMINAL_ID, 'Borne de démonstration', now());
  } catch (error) {
    db.close();
    throw error;
  }
  const server = await listenWith({ db, profiles, keys, now });
  return { url: server.url, terminal: { id: DEMO_TERMINAL_ID, token }, close: server.close };
}
