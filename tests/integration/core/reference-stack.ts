import { fileURLToPath } from 'node:url';
import { startEmbeddedServer, startServer } from '../../../server/embedded';
import type { Profile } from '../../../shared/schemas/profile-schema';
import { startSmtpSink } from '../../support/smtp-sink';
import { makeTempFolder } from '../../unit/core/support/temp-folder';
import { startCore } from './core-harness';

export const PROFILES_DIR = fileURLToPath(new URL('../../../resources/profiles/', import.meta.url));

/**
 * A kiosk core enabling `profiles`, against the real reference server with its demo people and
 * mail sent to a real SMTP server on loopback, each with its own temp folder.
 */
export async function startReferenceStack(profiles: Profile[]) {
  const folder = makeTempFolder();
  const sink = await startSmtpSink();
  const serverDir = `${folder.path}/server`;
  const kioskDir = `${folder.path}/kiosk`;
  const server = await startEmbeddedServer({ dataDir: serverDir, profilesDir: PROFILES_DIR, mail: { smtpUrl: sink.url } });
  const port = Number(new URL(server.url).port);
  const { core, events } = await startCore(kioskDir, { url: server.url, token: server.terminal.token }, profiles);
  let closeServer: () => Promise<void> = server.close;

  return {
    sink,
    core,
    events,
    /** The kiosk's data folder (kiosk.sqlite). */
    kioskDir,
    /** The server goes down: the kiosk loses its link. */
    async stopServer(): Promise<void> {
      await closeServer();
      closeServer = () => Promise.resolve();
    },
    /** The same server, data folder and port: what a kiosk sees when the link comes back. */
    async restartServer(): Promise<void> {
      const back = await startServer({ dataDir: serverDir, profilesDir: PROFILES_DIR, port, mail: { smtpUrl: sink.url } });
      closeServer = back.close;
    },
    async close(): Promise<void> {
      await core.close();
      await closeServer();
      await sink.close();
      folder.remove();
    },
  };
}

export type ReferenceStack = Awaited<ReturnType<typeof startReferenceStack>>;
