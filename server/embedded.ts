import { ensureServerKeys } from './crypto/server-keys';
import { seedDemoDataset } from './demo/demo-dataset';
import { formatImportProblem } from './import/enrollment-csv-import';
import { listenWith } from './listen';
import { mailConfigFromEnv, parseMailConfig } from './mail/mail-config';
import type { MailConfigInput } from './mail/mail-config';
import { createMailer } from './mail/mail-transports';
import { loadProfiles } from './profiles/profile-registry';
import { issueTerminalToken } from './services/terminal-service';
import { openServerStore } from './store/sqlite/server-database';

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
 * start (the previous one stops working), listening on loopback only. Activation emails go to
 * `.eml` files in `<dataDir>/mail/`, or through `SESAME_SMTP_URL` when set (the e2e suite points
 * it at its loopback SMTP server); `mail` overrides the environment.
 */
export async function startEmbeddedServer(options: {
  dataDir: string;
  profilesDir: string;
  now?: () => Date;
  mail?: MailConfigInput;
}): Promise<EmbeddedServer> {
  const now = options.now ?? (() => new Date());
  const { keys } = ensureServerKeys(options.dataDir);
  const profiles = loadProfiles(options.profilesDir);
  const mail = parseMailConfig(options.mail ?? mailConfigFromEnv(process.env));
  const mailer = createMailer(mail, options.dataDir, options.now);
  // Opened once: seeded here, then handed to the app, which closes it with the server.
  const store = openServerStore(options.dataDir);
  let token: string;
  try {
    if ((await store.enrollments.countEnrollments()) === 0) {
      const outcome = await seedDemoDataset(store, profiles, keys.recordKey, now());
      if (!outcome.ok) throw new Error(`demo dataset refused: ${outcome.problems.map(formatImportProblem).join('; ')}`);
    }
    token = await issueTerminalToken(store, DEMO_TERMINAL_ID, 'Borne de démonstration', now());
  } catch (error) {
    await store.close();
    throw error;
  }
  const server = await listenWith({ store, profiles, keys, now, mailer, publicUrl: mail.publicUrl });
  return { url: server.url, terminal: { id: DEMO_TERMINAL_ID, token }, close: server.close };
}
